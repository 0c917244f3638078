## Filled in by the uk tables.
TRANSLIT_UK =
