/*
** lexc_main.c: the `lexc` program (the compiler itself is lexc.c, shared
** with `toponorm lexicon compile`).
*/
#include "lexc.h"

int main(int argc, char **argv)
{
    return lexc_main(argc, argv);
}
