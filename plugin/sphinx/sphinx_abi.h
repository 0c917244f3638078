/*
** sphinx_abi.h: the functions Sphinx 2.2.11 looks up in toponorm_sphinx.so
** (<library>_ver/_reinit, <filter name>_<function>), declared once for the
** module and for the test that calls them in the host's order.
*/
#ifndef TN_SPHINX_ABI_H
#define TN_SPHINX_ABI_H

int   toponorm_sphinx_ver(void);
void  toponorm_sphinx_reinit(void);
int   toponorm_init(void **userdata, int num_fields, const char **field_names,
                    const char *options, char *error_message);
int   toponorm_begin_document(void *userdata, const char *options, char *error_message);
void  toponorm_begin_field(void *userdata, int field_index);
char *toponorm_push_token(void *userdata, char *token, int *extra, int *delta);
char *toponorm_get_extra_token(void *userdata, int *delta);
int   toponorm_end_field(void *userdata);
void  toponorm_deinit(void *userdata);

#endif
