/*
** morph_uk.c: Ukrainian declension of place names (morph.h).
**
** Classes, by the ending of the name as written:
**   adjectival     -ий/-ій (Кривий, Хмельницький), -ська/-цька/-зька and a
**                  feminine -а/-я before another word (Біла Церква, Нова
**                  Каховка), neuter -ське/-цьке/-не (Рівне)
**   -ськ/-цьк      Донецьк: Донецька, Донецьку, Донецьком
**   -ів/-їв        Харків: Харкова, Харкові (і -> о); Київ: Києва (ї -> є)
**   -ець, -ок      Кременець: Кременця (the vowel drops)
**   -ь             Маріуполь: Маріуполя; Тернопіль: Тернополя (і -> о)
**   -а/-я          Полтава: Полтави, Полтаві; Каховка: Каховці (к -> ц)
**   -о, -е/-є      Дніпро: Дніпра, Дніпрі
**   plural -и/-і   Суми: Сум, Сумах; Чернівці: Чернівців, Чернівцях
**   consonant      Бахмут: Бахмута, Бахмуті; Ріг: Рогу, Розі (і -> о, г -> з)
** Indeclinable names need nothing: the name as written is always a form.
*/
#include <stdio.h>
#include <string.h>

#include "morph.h"

#define E(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Locative of a velar stem: к -> ці, г -> зі, х -> сі (Каховці, Розі). */
static void velar_locative(const morph_out *o, const char *stem)
{
    static const char *const velar[][2] = {{"к", "ці"}, {"г", "зі"}, {"х", "сі"}};
    size_t i;
    for (i = 0; i < 3; i++)
        if (morph_ends(stem, velar[i][0])) {
            morph_emit(o, stem, strlen(velar[i][0]), (const char *const[]){velar[i][1], NULL});
            return;
        }
}

static int ends_sibilant(const char *w)
{
    return morph_ends(w, "ж") || morph_ends(w, "ч") || morph_ends(w, "ш") ||
           morph_ends(w, "щ") || morph_ends(w, "ц");
}

static int ends_vowel(const char *w)
{
    static const char *const v[] = {"а", "е", "є", "и", "і", "ї", "о", "у", "ю", "я", NULL};
    size_t i;
    for (i = 0; v[i]; i++)
        if (morph_ends(w, v[i]))
            return 1;
    return 0;
}

/* A consonant stem, and its variant with і -> о in the last syllable. */
static void consonant(const morph_out *o, const char *w)
{
    char alt[256];
    morph_emit(o, w, 0, E("а", "у", "ом", "і", "ові", "е"));   /* е: vocative */
    if (ends_sibilant(w))
        morph_emit(o, w, 0, E("ем", "еві"));
    velar_locative(o, w);
    if (strlen(w) < sizeof alt && strcpy(alt, w) && morph_alternate(alt, "і", "о")) {
        o->cb(o->ctx, alt, o->flags);
        morph_emit(o, alt, 0, E("а", "у", "ом", "і", "ові"));
        velar_locative(o, alt);
    }
}

void morph_uk_word(const morph_out *o, const char *w, int wi, int nw)
{
    char stem[256], alt[256];
    int before_noun = nw > 1 && wi < nw - 1;

    /* adjectival words */
    if (morph_ends(w, "ий")) {
        morph_emit(o, w, 4, E("ого", "ому", "им", "ім"));
        return;
    }
    if (morph_ends(w, "ій") && !morph_ends(w, "ській")) {
        morph_emit(o, w, 4, E("ього", "ьому", "ім"));
        return;
    }
    if (morph_ends(w, "ська") || morph_ends(w, "цька") || morph_ends(w, "зька") ||
        (before_noun && morph_ends(w, "а"))) {
        morph_emit(o, w, 2, E("ої", "ій", "у", "ою"));
        return;
    }
    if (before_noun && morph_ends(w, "я")) {
        morph_emit(o, w, 2, E("ьої", "ій", "ю", "ьою"));
        return;
    }
    if (morph_ends(w, "ське") || morph_ends(w, "цьке") || morph_ends(w, "зьке") ||
        morph_ends(w, "не")) {
        morph_emit(o, w, 2, E("ого", "ому", "им", "ім"));
        return;
    }
    if (before_noun && morph_ends(w, "і")) {
        morph_emit(o, w, 2, E("их", "им", "ими"));
        return;
    }

    /* nouns */
    if (morph_ends(w, "ськ") || morph_ends(w, "цьк") || morph_ends(w, "зьк")) {
        morph_emit(o, w, 0, E("а", "у", "ом", "ові"));
    } else if (morph_ends(w, "ів") || morph_ends(w, "їв")) {
        int yi = morph_ends(w, "їв");
        if (morph_stem(stem, sizeof stem, w, 4)) {
            strcat(stem, yi ? "єв" : "ов");
            morph_emit(o, stem, 0, E("а", "у", "ом", "і", "ові", "е"));
        }
        morph_emit(o, w, 0, E("а", "у", "ом", "і"));   /* Ізяслав-like stems keep і */
    } else if (morph_ends(w, "ець")) {
        if (morph_stem(stem, sizeof stem, w, 6)) {
            strcat(stem, "ц");
            morph_emit(o, stem, 0, E("я", "ю", "ем", "і", "еві"));
        }
    } else if (morph_ends(w, "ь")) {
        morph_emit(o, w, 2, E("я", "ю", "ем", "і", "еві"));
        if (morph_stem(alt, sizeof alt, w, 2) && morph_alternate(alt, "і", "о"))
            morph_emit(o, alt, 0, E("я", "ю", "ем", "і"));
    } else if (morph_ends(w, "я")) {
        if (morph_stem(stem, sizeof stem, w, 2) && ends_vowel(stem))
            morph_emit(o, w, 2, E("ї", "ю", "єю"));
        else
            morph_emit(o, w, 2, E("і", "ю", "ею", "ям"));
    } else if (morph_ends(w, "а")) {
        morph_emit(o, w, 2, E("и", "і", "у", "ою", "о"));   /* о: vocative */
        if (morph_stem(stem, sizeof stem, w, 2))
            velar_locative(o, stem);
    } else if (morph_ends(w, "о")) {
        morph_emit(o, w, 2, E("а", "у", "ом", "і", "ові"));
    } else if (morph_ends(w, "е") || morph_ends(w, "є")) {
        morph_emit(o, w, 2, E("я", "ю", "ям", "і", "а", "у", "ем"));
    } else if (morph_ends(w, "и")) {
        morph_emit(o, w, 2, E("", "ам", "ами", "ах", "ів"));
    } else if (morph_ends(w, "і") || morph_ends(w, "ї")) {
        morph_emit(o, w, 2, E("ів", "ям", "ями", "ях", "ам", "ами", "ах"));
    } else if (morph_ends(w, "й")) {
        morph_emit(o, w, 2, E("я", "ю", "єм", "ї"));
    } else {
        if (morph_ends(w, "ок") && morph_stem(stem, sizeof stem, w, 4)) {
            strcat(stem, "к");
            morph_emit(o, stem, 0, E("а", "у", "ом", "і"));
        }
        consonant(o, w);
    }
}

void morph_uk_adjectives(const morph_out *o, const char *w)
{
    static const char *const end[] = {"ий", "ого", "ому", "им", "ім", "а", "ої", "ій", "у",
                                      "ою", "е", "і", "их", "ими", NULL};
    char l[256], base[300];
    size_t n = strlen(w);
    const char *suf = "ськ";
    if (n + 1 > sizeof l)
        return;
    strcpy(l, w);
    morph_lower_first(l);
    if (morph_ends(l, "ськ") || morph_ends(l, "цьк") || morph_ends(l, "зьк")) {
        suf = "";
    } else if (morph_ends(l, "ь")) {
        suf = "ськ";
    } else if (morph_ends(l, "о")) {
        l[n - 2] = '\0';
        suf = "овськ";
    } else if (morph_ends(l, "е")) {
        l[n - 2] = '\0';
        suf = "енськ";
    } else {
        if (morph_ends(l, "а") || morph_ends(l, "я") || morph_ends(l, "и") || morph_ends(l, "і"))
            l[n - 2] = '\0';
        if (morph_ends(l, "к") && !morph_ends(l, "ськ")) {
            l[strlen(l) - 2] = '\0';
            suf = "ськ";
        } else if (morph_ends(l, "ц") || morph_ends(l, "с")) {
            suf = "ьк";
        } else if (morph_ends(l, "г")) {
            l[strlen(l) - 2] = '\0';
            suf = "зьк";
        }
    }
    if (morph_letters(l) < 3)
        return;
    snprintf(base, sizeof base, "%s%s", l, suf);
    morph_emit(o, base, 0, end);
}
