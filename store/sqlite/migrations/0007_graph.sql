-- The linked graph (entities, events, stories), replaced as a whole by
-- each linking run, and the user's decisions, which are kept across runs.
CREATE TABLE graph_runs (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	extractor TEXT NOT NULL,
	created_at TEXT NOT NULL
) STRICT;

CREATE TABLE entities (
	id TEXT PRIMARY KEY,
	type TEXT NOT NULL,
	name TEXT NOT NULL,
	mentions INTEGER NOT NULL,
	docs INTEGER NOT NULL,
	-- names: every alias, lower-cased, one per line, for filtering.
	names TEXT NOT NULL,
	-- data: aliases and relations as JSON.
	data TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE entity_mentions (
	entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	doc_id TEXT NOT NULL REFERENCES documents (id),
	span_start INTEGER NOT NULL,
	span_end INTEGER NOT NULL,
	sentence INTEGER NOT NULL,
	text TEXT NOT NULL,
	kind TEXT NOT NULL,
	extractor TEXT NOT NULL,
	PRIMARY KEY (entity_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX entity_mentions_by_doc ON entity_mentions (doc_id, span_start);

CREATE TABLE events (
	id TEXT PRIMARY KEY,
	type TEXT NOT NULL,
	title TEXT NOT NULL,
	begin_date TEXT NOT NULL,
	end_date TEXT NOT NULL,
	-- data: the whole event (mentions with arguments) as JSON.
	data TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE event_docs (
	event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	doc_id TEXT NOT NULL REFERENCES documents (id),
	PRIMARY KEY (event_id, doc_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_docs_by_doc ON event_docs (doc_id);

CREATE TABLE stories (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	begin_date TEXT NOT NULL,
	end_date TEXT NOT NULL,
	data TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE decisions (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	kind TEXT NOT NULL,
	type TEXT NOT NULL,
	a TEXT NOT NULL,
	b TEXT NOT NULL,
	note TEXT NOT NULL,
	created_at TEXT NOT NULL
) STRICT;
