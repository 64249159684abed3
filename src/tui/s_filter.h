/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_filter.h - the filter screen of the monitoring list: township,
 * village, category, risk type, status (several at once, or every
 * monitoring object), overdue, findings; each value chosen from a menu;
 * they combine.
 */
#ifndef ZX_S_FILTER_H
#define ZX_S_FILTER_H

struct app;
struct list_filter;
struct sbuf;

struct filter_arg {
    struct app *app;
    struct list_filter *filter;   /* edited in place */
    int *changed;                 /* set when the filter changed */
};

/* The states F narrows the list to, in words, into OUT ("" for any):
 * "monitoring objects", "waiting for me" or the states' names. */
void filter_states_text(const struct list_filter *f, struct sbuf *out);

#endif
