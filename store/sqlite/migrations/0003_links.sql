-- Relations between documents, e.g. a later copy of a wire story and its
-- earlier twin.
CREATE TABLE doc_links (
	from_id TEXT NOT NULL REFERENCES documents (id),
	to_id TEXT NOT NULL REFERENCES documents (id),
	kind TEXT NOT NULL,
	similarity REAL NOT NULL,
	method TEXT NOT NULL,
	PRIMARY KEY (from_id, to_id, kind)
) STRICT, WITHOUT ROWID;

CREATE INDEX doc_links_by_to ON doc_links (to_id);
