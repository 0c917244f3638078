## plugin/xapian: filled in by its issue.
