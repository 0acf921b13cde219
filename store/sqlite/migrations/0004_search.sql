-- Full-text index over titles and texts. It reads column values from
-- documents (external content), so the text is stored once; PutDocument
-- inserts the index row in the same transaction as the document.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
	title,
	text,
	content = 'documents',
	content_rowid = 'seq',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
