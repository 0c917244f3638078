/* geonames-dump: print every city libgeonames knows, one per line:
 *   geonameid <TAB> country code <TAB> admin1 code <TAB> population <TAB> name <TAB> state
 * Maintainer tool for tools/places/regenerate; not part of the build.
 * The public getters (geonames_city_get_*) give no geonameid and translate names
 * through the process locale, so the fields are read straight from the GeonamesCity
 * GVariant (the header declares GeonamesCity as a GVariant), untranslated. */
#include <geonames/geonames.h>
#include <stdio.h>

int main(void)
{
	gint n = geonames_get_n_cities();
	if (n <= 0) {
		fprintf(stderr, "geonames-dump: libgeonames has no cities\n");
		return 1;
	}
	for (gint i = 0; i < n; i++) {
		GeonamesCity *c = geonames_get_city(i);
		const gchar *id, *name, *admin1, *state, *cc, *country, *tz;
		guint32 pop;
		gdouble lat, lon;

		if (!c || !g_variant_is_of_type(c, G_VARIANT_TYPE("(sssssssudd)"))) {
			fprintf(stderr, "geonames-dump: city %d has an unexpected layout\n", i);
			return 1;
		}
		g_variant_get(c, "(&s&s&s&s&s&s&sudd)", &id, &name, &admin1, &state,
			      &cc, &country, &tz, &pop, &lat, &lon);
		printf("%s\t%s\t%s\t%u\t%s\t%s\n", id, cc, admin1, pop, name, state);
		geonames_city_free(c);
	}
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
