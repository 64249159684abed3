/*
 * demo_data.h - the vocabulary of the synthetic demo county: surnames
 * with their frequency, given-name characters, place-name characters,
 * units, work places (demo_data.c); the kinds of projects and assets,
 * firms, reasons and notes of the funds part (demo_fdata.c).  Data only.
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

extern const char *const demo_firm_chars[];
extern const size_t demo_nfirm_chars;
extern const char *const demo_builders[];      /* 建筑工程有限公司 ... */
extern const size_t demo_nbuilders;
extern const char *const demo_agri_firms[];    /* 农业开发有限公司 ... */
extern const size_t demo_nagri_firms;
extern const char *const demo_energy_firms[];  /* 新能源科技有限公司 */
extern const size_t demo_nenergy_firms;
extern const char *const demo_donors[];        /* 实业有限公司 ... */
extern const size_t demo_ndonors;
extern const char *const demo_donor_places[];  /* 宁波 ... */
extern const size_t demo_ndonor_places;
extern const char *const demo_linking_modes[];
extern const size_t demo_nlinking_modes;
extern const char *const demo_reject_reasons[];
extern const size_t demo_nreject_reasons;
extern const char *const demo_rollover_reasons[];
extern const size_t demo_nrollover_reasons;
extern const char *const demo_cancel_reasons[];
extern const size_t demo_ncancel_reasons;
extern const char *const demo_adjust_reasons[];
extern const size_t demo_nadjust_reasons;
extern const char *const demo_income_uses[];
extern const size_t demo_nincome_uses;
extern const char *const demo_ordinals[];      /* 第一批 ... */
extern const size_t demo_nordinals;

/* Abbreviations in document numbers: the province of the demo county
 * (四川: 川), its city, the province paired with it (浙江: 浙). */
extern const char demo_province_abbr[];
extern const char demo_city_abbr[];
extern const char demo_paired_abbr[];
extern const char demo_paired_province[];

#endif
