## tests/places-data: filled below.
