/*
 * prints.h - the builders of each print (prints.c), used by print.c.
 */
#ifndef ZX_PRINTS_H
#define ZX_PRINTS_H

#include <stddef.h>
#include <stdint.h>

struct doc;
struct err;
struct print_env;

/* A date as printed: "2026年11月22日". */
void print_date(int day, char *buf, size_t n);

/* One household card per household of HH (in order). */
int prints_cards(const struct print_env *env, const int64_t *hh, size_t n,
                 struct doc ***docs, size_t *ndocs, struct err *e);

/* The publicity list of VILLAGE; *HH the households on it. */
int prints_publicity(const struct print_env *env, int64_t village,
                     int elimination, struct doc **out, int64_t **hh,
                     size_t *nhh, struct err *e);

/* One visit worklist per cadre (only CADRE when not 0) of the visits due
 * within DAYS; *HH the households on them. */
int prints_visits(const struct print_env *env, int64_t cadre, int days,
                  struct doc ***docs, size_t *ndocs, int64_t **hh,
                  size_t *nhh, struct err *e);

#endif
