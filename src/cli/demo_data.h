/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo_data.h - the vocabulary of the synthetic demo county: surnames
 * with their frequency, given-name characters, place-name characters,
 * units, work places (demo_data.c); the kinds of projects and assets,
 * firms, reasons and notes of the funds part (demo_fdata.c).  Data only.
 */
#ifndef ZX_DEMO_DATA_H
#define ZX_DEMO_DATA_H

#include <stddef.h>

#include "util/array.h"

/* A list of words: V[0] to V[N-1]. */
struct words {
    const char *const *v;
    size_t n;
};

/* A struct words of the words given, counted by the compiler:
 * const struct words x = WORDS("a", "b", "c"); */
#define WORDS(...) \
    {(const char *const[]){__VA_ARGS__}, ARRAY_SIZE(((const char *const[]){__VA_ARGS__}))}

struct weighted_word {
    const char *word;
    unsigned weight;
};

extern const struct weighted_word demo_surnames[];
extern const size_t demo_nsurnames;
extern const struct words demo_male_chars;
extern const struct words demo_female_chars;
extern const struct words demo_place_chars;
extern const struct words demo_units;
extern const struct words demo_work_places;
extern const struct words demo_group_names;

/* --- funds, projects and assets (demo_fdata.c) --- */

/* A kind of project: its name after the place, its content as WHAT,
 * a number from LO to HI in UNIT, REST; what it usually costs; where it
 * is (v: a village, t: a township, c: the county) and who implements it
 * (NULL: the township's government); the asset it forms, if any. */
struct demo_ptmpl {
    const char *ptype;            /* project_type code */
    const char *suffix;           /* 肉牛养殖基地建设项目 */
    const char *what, *unit, *rest;
    int lo, hi;
    int min_wan, max_wan;         /* planned investment, 万元 */
    char level;
    const char *implementer;
    const char *aclass, *atype;   /* asset_class and asset_type, NULL none */
    const char *asset;            /* the asset's name after the place */
    unsigned weight;              /* among the kinds of its type */
};

extern const struct demo_ptmpl demo_ptmpls[];
extern const size_t demo_nptmpls;

/* How many projects of a year are of each type (by weight); the
 * management fee, the microcredit interest and 以工代赈 are counted. */
extern const struct weighted_word demo_ptype_weights[];
extern const size_t demo_nptype_weights;

/* An asset formed before the years the demo's projects cover. */
struct demo_atmpl {
    const char *aclass, *atype;
    const char *name, *unit;
    int lo, hi;                   /* its scale in UNIT */
    int min_yuan, max_yuan;       /* its value */
    unsigned weight;
};

extern const struct demo_atmpl demo_village_assets[];
extern const size_t demo_nvillage_assets;
extern const struct demo_atmpl demo_township_assets[];
extern const size_t demo_ntownship_assets;

extern const struct words demo_firm_chars;
extern const struct words demo_builders;      /* 建筑工程有限公司 ... */
extern const struct words demo_agri_firms;    /* 农业开发有限公司 ... */
extern const struct words demo_energy_firms;  /* 新能源科技有限公司 */
extern const struct words demo_donors;        /* 实业有限公司 ... */
extern const struct words demo_donor_places;  /* 宁波 ... */
extern const struct words demo_linking_modes;
extern const struct words demo_reject_reasons;
extern const struct words demo_rollover_reasons;
extern const struct words demo_cancel_reasons;
extern const struct words demo_adjust_reasons;
extern const struct words demo_income_uses;
extern const struct words demo_ordinals;      /* 第一批 ... */

/* Abbreviations in document numbers: the province of the demo county
 * (四川: 川), its city, the province paired with it (浙江: 浙). */
extern const char demo_province_abbr[];
extern const char demo_city_abbr[];
extern const char demo_paired_abbr[];
extern const char demo_paired_province[];

#endif
