## Filled in by the ru tables.
TRANSLIT_RU =
