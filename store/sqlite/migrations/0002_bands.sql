-- Locality-sensitive hash keys of each document's MinHash signature. Two
-- documents sharing a band are near-duplicate candidates. The primary key
-- is the index on band.
CREATE TABLE doc_bands (
	band INTEGER NOT NULL,          -- uint64 key stored as its int64 bit pattern
	doc_id TEXT NOT NULL REFERENCES documents (id),
	PRIMARY KEY (band, doc_id)
) STRICT, WITHOUT ROWID;
