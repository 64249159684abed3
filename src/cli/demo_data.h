/*
 * demo_data.h - the vocabulary of the synthetic demo county: surnames
 * with their frequency, given-name characters, place-name characters,
 * units, work places.  Data only.
 */
#ifndef ZX_DEMO_DATA_H
#define ZX_DEMO_DATA_H

#include <stddef.h>

struct weighted_word {
    const char *word;
    unsigned weight;
};

extern const struct weighted_word demo_surnames[];
extern const size_t demo_nsurnames;
extern const char *const demo_male_chars[];
extern const size_t demo_nmale_chars;
extern const char *const demo_female_chars[];
extern const size_t demo_nfemale_chars;
extern const char *const demo_place_chars[];
extern const size_t demo_nplace_chars;
extern const char *const demo_units[];
extern const size_t demo_nunits;
extern const char *const demo_work_places[];
extern const size_t demo_nwork_places;
extern const char *const demo_group_names[];
extern const size_t demo_ngroup_names;

#endif
