-- Raw bytes of ingested items, addressed by their hex SHA-256.
CREATE TABLE blobs (
	hash TEXT PRIMARY KEY,
	size INTEGER NOT NULL,
	data BLOB NOT NULL
) STRICT;

-- Ingested documents. Documents are immutable: rows are only inserted.
-- Lists and maps are JSON; times are RFC 3339 text with their UTC offset,
-- plus integer keys for sorting and filtering. seq is the rowid made
-- explicit, so VACUUM keeps it and the full-text index can refer to it.
CREATE TABLE documents (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	raw_hash TEXT NOT NULL UNIQUE REFERENCES blobs (hash),
	raw_size INTEGER NOT NULL,
	source_kind TEXT NOT NULL,
	source_locator TEXT NOT NULL,
	source_item TEXT NOT NULL,
	source_format TEXT NOT NULL,
	title TEXT NOT NULL,
	authors TEXT NOT NULL,          -- JSON array or null
	outlet TEXT NOT NULL,
	outlet_key TEXT NOT NULL,       -- lower-cased outlet, for case-insensitive filters
	url TEXT NOT NULL,
	language TEXT NOT NULL,
	published TEXT NOT NULL,        -- RFC 3339 with the stated offset
	published_precision TEXT NOT NULL,
	published_has_zone INTEGER NOT NULL,
	published_unix INTEGER,         -- Unix seconds; NULL when the date is unknown
	meta_rules TEXT NOT NULL,       -- JSON object or null
	meta_raw TEXT NOT NULL,         -- JSON object or null
	text TEXT NOT NULL,
	headline_start INTEGER NOT NULL,
	headline_end INTEGER NOT NULL,
	source_text TEXT NOT NULL,
	removed TEXT NOT NULL,          -- JSON array or null
	blocks TEXT NOT NULL,           -- JSON array or null
	warnings TEXT NOT NULL,         -- JSON array or null
	extractor TEXT NOT NULL,
	ingested_at TEXT NOT NULL,      -- RFC 3339 with offset
	ingested_unix_nano INTEGER NOT NULL,
	words INTEGER NOT NULL,
	fingerprint_method TEXT NOT NULL,
	minhash BLOB                    -- little-endian uint32s; NULL without a fingerprint
) STRICT;

-- Listing order: newest publication first, undated last, then ingestion.
CREATE INDEX documents_by_published ON documents (published_unix DESC, ingested_unix_nano, seq);
CREATE INDEX documents_by_outlet ON documents (outlet_key, published_unix DESC);
