## plugin/sphinx: filled in by its issue.
