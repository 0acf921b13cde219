-- The language layer of a document: sentences with tokens (JSON, read
-- whole), and entity mentions in their own table so later stages can
-- query them by label and text. A new layer replaces the old one.
CREATE TABLE annotations (
	doc_id TEXT PRIMARY KEY REFERENCES documents (id),
	extractor TEXT NOT NULL,
	created_at TEXT NOT NULL,
	sentences TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE mentions (
	doc_id TEXT NOT NULL REFERENCES documents (id),
	seq INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end INTEGER NOT NULL,
	sentence INTEGER NOT NULL,
	label TEXT NOT NULL,
	text TEXT NOT NULL,
	title TEXT NOT NULL,
	role TEXT NOT NULL,
	PRIMARY KEY (doc_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX mentions_by_label_text ON mentions (label, text);
