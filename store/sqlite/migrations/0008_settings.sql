-- Settings a database keeps for the commands that work on it, such as
-- the names list its documents were annotated with.
CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
