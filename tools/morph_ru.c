/*
** morph_ru.c: Russian declension of place names (morph.h).
**
** Classes, by the ending of the name as written:
**   adjectival     -ый/-ий/-ой (Кривой, Нижний), -ая/-яя, -ое/-ее
**   -ск/-цк        Донецк: Донецка, Донецке, Донецком
**   consonant      Харьков: Харькова, Харькове; Киев: Киева (where Snowball
**                  stems Харьков -> харьк but Харькова -> харьков)
**   -ец, -ок       Елец: Ельца; Городок: Городка (the vowel drops)
**   -ь, -й         Мариуполь: Мариуполя; Тверь: Твери, Тверью
**   -а/-я          Москва: Москвы, Москве; Вологда; Ялта
**   -о, -е         Иваново: Иванова, Иванове
**   plural -ы/-и   Сумы: Сум, Сумах; Черкассы: Черкасс; Мытищи: Мытищ
** Indeclinables (Сочи, Ровно in speech) need nothing: the name as written
** is always a form.
*/
#include <stdio.h>
#include <string.h>

#include "morph.h"

#define E(...) ((const char *const[]){__VA_ARGS__, NULL})

static int ends_hushing_or_velar(const char *w)
{
    return morph_ends(w, "г") || morph_ends(w, "к") || morph_ends(w, "х") ||
           morph_ends(w, "ж") || morph_ends(w, "ш") || morph_ends(w, "щ") || morph_ends(w, "ч");
}

void morph_ru_word(const morph_out *o, const char *w, int wi, int nw)
{
    char stem[256];
    int before_noun = nw > 1 && wi < nw - 1;

    if (morph_ends(w, "ый") || morph_ends(w, "ой")) {
        morph_emit(o, w, 4, E("ого", "ому", "ым", "ом"));
    } else if (morph_ends(w, "ий")) {
        morph_emit(o, w, 4, E("ого", "ому", "им", "ом", "его", "ему", "ем"));
    } else if (morph_ends(w, "ая")) {
        morph_emit(o, w, 4, E("ой", "ую", "ою"));
    } else if (morph_ends(w, "яя")) {
        morph_emit(o, w, 4, E("ей", "юю", "ею"));
    } else if (morph_ends(w, "ое")) {
        morph_emit(o, w, 4, E("ого", "ому", "ым", "ом"));
    } else if (morph_ends(w, "ее")) {
        morph_emit(o, w, 4, E("его", "ему", "им", "ем"));
    } else if (before_noun && (morph_ends(w, "ие") || morph_ends(w, "ые"))) {
        morph_emit(o, w, 4, E("их", "им", "ими", "ых", "ым", "ыми"));
    } else if (morph_ends(w, "ск") || morph_ends(w, "цк")) {
        morph_emit(o, w, 0, E("а", "у", "ом", "е"));
    } else if (morph_ends(w, "ь")) {
        morph_emit(o, w, 2, E("я", "ю", "ем", "е", "и", "ью"));
    } else if (morph_ends(w, "й")) {
        morph_emit(o, w, 2, E("я", "ю", "ем", "е"));
    } else if (morph_ends(w, "ия")) {
        morph_emit(o, w, 2, E("и", "ю", "ей"));
    } else if (morph_ends(w, "я")) {
        morph_emit(o, w, 2, E("и", "е", "ю", "ей", "ею"));
    } else if (morph_ends(w, "а")) {
        if (morph_stem(stem, sizeof stem, w, 2) && ends_hushing_or_velar(stem))
            morph_emit(o, w, 2, E("и", "е", "у", "ой", "ою"));
        else
            morph_emit(o, w, 2, E("ы", "е", "у", "ой", "ою"));
    } else if (morph_ends(w, "о")) {
        morph_emit(o, w, 2, E("а", "у", "ом", "е"));
    } else if (morph_ends(w, "е")) {
        morph_emit(o, w, 2, E("я", "ю", "ем", "а", "у", "ом"));
    } else if (morph_ends(w, "ы")) {
        morph_emit(o, w, 2, E("", "ам", "ами", "ах", "ов"));
    } else if (morph_ends(w, "и")) {
        morph_emit(o, w, 2, E("", "ам", "ами", "ах", "ей", "ов", "ям", "ями", "ях"));
    } else {
        if ((morph_ends(w, "ец") || morph_ends(w, "ок")) && morph_stem(stem, sizeof stem, w, 4)) {
            strcat(stem, morph_ends(w, "ец") ? "ц" : "к");
            morph_emit(o, stem, 0, E("а", "у", "ом", "ем", "е"));
        }
        morph_emit(o, w, 0, E("а", "у", "ом", "е"));
        if (morph_ends(w, "ж") || morph_ends(w, "ш") || morph_ends(w, "щ") ||
            morph_ends(w, "ч") || morph_ends(w, "ц"))
            morph_emit(o, w, 0, E("ем"));
    }
}

void morph_ru_adjectives(const morph_out *o, const char *w)
{
    static const char *const end[] = {"ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ою",
                                      "ое", "ие", "их", "ими", NULL};
    char l[256], base[300];
    size_t n = strlen(w);
    const char *suf = "ск";
    if (n + 1 > sizeof l)
        return;
    strcpy(l, w);
    morph_lower_first(l);
    if (morph_ends(l, "ск") || morph_ends(l, "цк")) {
        suf = "";
    } else if (morph_ends(l, "ь")) {
        suf = "ск";
    } else if (morph_ends(l, "е")) {
        l[n - 2] = '\0';
        suf = "енск";
    } else {
        if (morph_ends(l, "а") || morph_ends(l, "я") || morph_ends(l, "ы") ||
            morph_ends(l, "и") || morph_ends(l, "о"))
            l[n - 2] = '\0';
        if (morph_ends(l, "к") && !morph_ends(l, "ск")) {
            l[strlen(l) - 2] = '\0';
            suf = "ск";
        } else if (morph_ends(l, "ц") || morph_ends(l, "с")) {
            suf = "к";
        }
    }
    if (morph_letters(l) < 3)
        return;
    snprintf(base, sizeof base, "%s%s", l, suf);
    morph_emit(o, base, 0, end);
}
