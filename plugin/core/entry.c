/*
** entry.c: names, versions and the versioned entry point for host modules.
*/
#include <string.h>

#include "toponorm/toponorm_plugin.h"

const char *toponorm_version(void)
{
    return TOPONORM_VERSION;
}

const char *toponorm_term_kind_name(int kind)
{
    switch (kind) {
    case TOPONORM_TERM_SURFACE: return "surface";
    case TOPONORM_TERM_KEY:     return "key";
    case TOPONORM_TERM_PLACE:   return "place";
    case TOPONORM_TERM_STEM:    return "stem";
    }
    return NULL;
}

const char *toponorm_term_prefix(int kind)
{
    switch (kind) {
    case TOPONORM_TERM_SURFACE: return "";
    case TOPONORM_TERM_KEY:     return "XK";
    case TOPONORM_TERM_PLACE:   return "XP";
    case TOPONORM_TERM_STEM:    return "Z";
    }
    return NULL;
}

const char *toponorm_lang_name(int lang)
{
    switch (lang) {
    case TOPONORM_LANG_UK: return "uk";
    case TOPONORM_LANG_RU: return "ru";
    case TOPONORM_LANG_EN: return "en";
    }
    return "";
}

int toponorm_lang_from_name(const char *name)
{
    if (!name) return -1;
    if (strcmp(name, "uk") == 0) return TOPONORM_LANG_UK;
    if (strcmp(name, "ru") == 0) return TOPONORM_LANG_RU;
    if (strcmp(name, "en") == 0) return TOPONORM_LANG_EN;
    return -1;
}

static const toponorm_plugin_v1 plugin_v1 = {
    TOPONORM_PLUGIN_ABI,
    sizeof(toponorm_plugin_v1),
    toponorm_version,
    toponorm_strerror,
    toponorm_options_init,
    toponorm_lexicon_open,
    toponorm_lexicon_close,
    toponorm_lexicon_data_version,
    toponorm_analyzer_new,
    toponorm_analyzer_free,
    toponorm_scratch_new,
    toponorm_scratch_free,
    toponorm_analyze,
    toponorm_term_kind_name,
    toponorm_term_prefix,
};

const toponorm_plugin_v1 *toponorm_plugin_entry(uint32_t want_abi)
{
    return want_abi == 1 ? &plugin_v1 : NULL;
}
