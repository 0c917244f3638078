## plugin/sqlite: filled in by its issue.
