/*
** attrs.h: reading the attributes of a lexicon source header
** (`name=uk-kmu-2010 source="a b c" never=kh,zh`), shared by the compiler and
** the library.
*/
#ifndef TN_ATTRS_H
#define TN_ATTRS_H

#include <stddef.h>

/*
** Copy the value of attribute key (quotes removed) into buf, at most cap-1
** bytes and NUL-terminated; return its full length, or -1 when attrs has no
** such attribute.
*/
int tn_attr(const char *attrs, const char *key, char *buf, size_t cap);

#endif
