## lexicons/places: filled in by its issue.
