"""A digital edition of a news article: source folder → annotated Markdown pages for MkDocs."""
