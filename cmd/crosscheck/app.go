package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/store/sqlite"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Config is the typed configuration of one invocation: defaults, then
// the environment (CROSSCHECK_DB, NO_COLOR), then flags.
type Config struct {
	DB      string
	JSON    bool
	Quiet   bool
	NoColor bool
	// Names is a names list (name<TAB>label per line) for the entity
	// recognizer; the demo uses its corpus's own list when it is empty.
	Names string
	// BusyTimeout is how long to wait for another process's write lock
	// (CROSSCHECK_BUSY_TIMEOUT, default 5s).
	BusyTimeout time.Duration
	// dbSet records that --db was given explicitly.
	dbSet bool
}

// DefaultDB is the database file used when neither --db nor
// CROSSCHECK_DB is set.
const DefaultDB = "crosscheck.db"

func defaultConfig(getenv func(string) string) Config {
	c := Config{DB: DefaultDB, BusyTimeout: 5 * time.Second}
	if v := getenv("CROSSCHECK_BUSY_TIMEOUT"); v != "" {
		if d, err := time.ParseDuration(v); err == nil && d >= 0 {
			c.BusyTimeout = d
		}
	}
	if v := getenv("CROSSCHECK_DB"); v != "" {
		c.DB, c.dbSet = v, true
	}
	if getenv("NO_COLOR") != "" {
		c.NoColor = true
	}
	return c
}

// Validate reports configuration that cannot work.
func (c Config) Validate() error {
	if strings.TrimSpace(c.DB) == "" {
		return crosscheck.Errorf(crosscheck.ErrInvalid, "--db: empty path")
	}
	return nil
}

// Main holds what a subcommand needs: configuration and the streams.
// Concrete pieces (the store) are built here and handed on as interfaces.
type Main struct {
	Config
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// colorOut and colorErr say whether to use ANSI colours on each stream.
	colorOut, colorErr bool
	// errTerminal says whether stderr is a terminal (for progress bars).
	errTerminal bool
	// demo is set while the demo runs (it brings its own names list).
	demo bool
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string
	run     func(ctx context.Context, m *Main, args []string) error
}

func commands() []command {
	return []command{
		{"ingest", "read articles from files, folders, URLs, feeds, WARC, JSON lines or stdin", "ingest [flags] PATH|URL|- ...", runIngest},
		{"annotate", "run the language layer (sentences, parts of speech, parses, entities) over stored documents", "annotate [--all] [ID ...]", runAnnotate},
		{"docs", "list stored documents", "docs [--outlet NAME] [--from DATE] [--to DATE] [--limit N]", runDocs},
		{"show", "print a document: metadata and the rules that found it, removed page chrome, clean text", "show [--annotate] [--raw] [--no-text] ID", runShow},
		{"report", "the claim ledger: where sources agree, conflict, report alone, and how they frame it (md, html, json, csv)", "report [--story ID] [--format md|html|json|csv] [--out FILE]", runReport},
		{"link", "resolve entities across documents, find events, merge reports of the same event, group stories", "link", runLink},
		{"entities", "list the entities (people, organisations, places…) found across documents", "entities [--type LABEL] [--query TEXT] [--sort mentions|docs|name]", runEntities},
		{"entity", "show an entity with its aliases, mentions and events; or merge, split or rename entities", "entity ID|NAME | entity {merge|split|rename} NAME NAME", runEntity},
		{"events", "list events in time order", "events [--type TYPE] [--story ID]", runEvents},
		{"event", "show an event: its roles and the articles and sentences that report it", "event ID", runEvent},
		{"stories", "list stories: clusters of related events and the articles that report them", "stories", runStories},
		{"timeline", "events in time order, with their uncertainty", "timeline [--story ID]", runTimeline},
		{"search", "full-text search over titles and texts, best matches first", `search [--outlet NAME] [--from DATE] [--to DATE] [--limit N] QUERY`, runSearch},
		{"demo", "ingest the built-in demo corpus into a fresh database and tour what it holds", "demo", runDemo},
		{"train", "train a language model (tagger, parser, ner) from the open corpora", "train {tagger|parser|ner} [--corpora DIR] [--out FILE]", runTrain},
		{"eval", "score the embedded language models against gold data", "eval {pos|deps|ner|timex|quotes} --gold FILE|DIR", runEval},
		{"version", "print the version", "version", runVersion},
	}
}

// exitError carries an exit status without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Run executes one command line and returns the process exit status:
// 0 on success, 1 when the command failed (or any item of a batch
// failed), 2 for usage errors.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	m := &Main{Config: defaultConfig(os.Getenv), Stdin: stdin, Stdout: stdout, Stderr: stderr}
	global := flag.NewFlagSet("crosscheck", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	m.globalFlags(global)
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			m.usage(stdout)
			return 0
		}
		fmt.Fprintf(stderr, "crosscheck: %v\nRun 'crosscheck --help' for usage.\n", err)
		return 2
	}
	rest := global.Args()
	if len(rest) == 0 {
		m.usage(stderr)
		return 2
	}
	name, rest := rest[0], rest[1:]
	if name == "help" {
		if len(rest) == 0 {
			m.usage(stdout)
			return 0
		}
		name, rest = rest[0], []string{"--help"}
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		if wantsHelp(rest) {
			// Asked-for help is output, not a diagnostic.
			m.Stderr = m.Stdout
		}
		m.setupTerminal()
		err := c.run(ctx, m, rest)
		var ee exitError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &ee):
			return ee.code
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "crosscheck %s: %v\nUsage: crosscheck %s\n", name, err, c.usage)
			return 2
		default:
			fmt.Fprintf(stderr, "crosscheck %s: %v\n", name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "crosscheck: unknown command %q\nRun 'crosscheck --help' for the list of commands.\n", name)
	return 2
}

// wantsHelp reports a -h / --help flag before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// errUsage marks a command line that does not fit the command.
var errUsage = errors.New("usage")

func usageErr(format string, a ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, a...), errUsage)
}

func (m *Main) globalFlags(fs *flag.FlagSet) {
	fs.Func("db", "database `file` (default ./crosscheck.db, or $CROSSCHECK_DB)", func(s string) error {
		m.DB, m.dbSet = s, true
		return nil
	})
	fs.BoolVar(&m.JSON, "json", m.JSON, "print machine-readable JSON on stdout")
	fs.BoolVar(&m.Quiet, "quiet", m.Quiet, "print no progress or summaries, only errors")
	fs.BoolVar(&m.NoColor, "no-color", m.NoColor, "never colour the output (also: NO_COLOR=1)")
	fs.StringVar(&m.Names, "names", m.Names, "names `file` for the entity recognizer: name<TAB>LABEL per line (local places, groups, people)")
}

func (m *Main) setupTerminal() {
	isTerm := func(w io.Writer) bool {
		f, ok := w.(*os.File)
		return ok && term.IsTerminal(int(f.Fd()))
	}
	m.errTerminal = isTerm(m.Stderr)
	m.colorOut = !m.NoColor && isTerm(m.Stdout)
	m.colorErr = !m.NoColor && m.errTerminal
}

func (m *Main) usage(w io.Writer) {
	fmt.Fprint(w, `crosscheck turns a pile of news articles from outlets that disagree into an
evidence-linked record: who did what, to whom, when, where, according to whom.

Usage:
  crosscheck [global flags] <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Global flags (before or after the command):
  --db FILE    database file (default ./crosscheck.db, or $CROSSCHECK_DB)
  --json       machine-readable JSON on stdout
  --quiet      no progress bar or summaries on stderr, only errors
  --no-color   never colour the output (also NO_COLOR=1)
  --names FILE names the entity recognizer cannot know, one "name<TAB>LABEL" a line

Examples:
  crosscheck demo
  crosscheck ingest ./articles https://example.org/feed.xml
  crosscheck docs
  crosscheck search '"spy network"' --from 2022-11
  crosscheck show 3f2a

Run 'crosscheck help <command>' for a command's flags.
`)
}

// flags builds a command's flag set, with the global flags on it too so
// they may come after the command name.
func (m *Main) flags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	m.globalFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: crosscheck %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses flags that may be mixed with positional arguments
// ("search spy --outlet X" works like "search --outlet X spy").
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseNoArgs parses the flags of a command that takes no positional
// arguments.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErr("unexpected argument %q", pos[0])
	}
	return nil
}

// openStore opens the configured database.
func (m *Main) openStore(ctx context.Context) (crosscheck.Store, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return sqlite.Open(ctx, m.DB, sqlite.WithBusyTimeout(m.BusyTimeout))
}

// openExisting opens the database for reading, failing clearly when it
// does not exist yet instead of creating an empty one.
func (m *Main) openExisting(ctx context.Context) (crosscheck.Store, error) {
	if _, err := os.Stat(m.DB); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: no database here yet (run 'crosscheck ingest PATH' or 'crosscheck demo' first, or pass --db)", m.DB)
	}
	return m.openStore(ctx)
}

func runVersion(_ context.Context, m *Main, args []string) error {
	fs := m.flags("version", "version")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	if m.JSON {
		return writeJSON(m.Stdout, map[string]string{"version": version})
	}
	fmt.Fprintf(m.Stdout, "crosscheck %s\n", version)
	return nil
}
