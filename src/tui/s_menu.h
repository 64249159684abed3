/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * s_menu.h - a menu screen: a title and a list of choices; typing narrows
 * the list (by substring or by pinyin initials), Enter chooses, Esc goes
 * back without choosing.  Used for filters, sorting and worklists.
 */
#ifndef ZX_S_MENU_H
#define ZX_S_MENU_H

#include <stddef.h>

struct tui;

struct menu {
    char *title;
    char **items;
    size_t n;
    size_t initial;          /* the choice the cursor starts on */
    char *typed;             /* text the list starts narrowed by (owned), or NULL */
    /* Called with the chosen item's index after the menu has closed (it
     * may open another screen); returns dirty flags. */
    unsigned (*chosen)(void *ctx, struct tui *t, size_t index);
    /* Instead, a menu of several choices (menu_several): Space marks and
     * unmarks items ("[x]"), Enter calls this with a flag per item, the
     * marked ones (or else the one under the cursor) set. */
    unsigned (*chosen_set)(void *ctx, struct tui *t, const unsigned char *marked, size_t n);
    void *ctx;
    /* Optional: frees CTX when the menu closes without a choice (with a
     * choice, CHOSEN owns CTX). */
    void (*free_ctx)(void *ctx);
};

/* A menu with TITLE (copied); add items with menu_add.  Ownership passes
 * to the screen when pushed with menu_open. */
struct menu *menu_new(const char *title, unsigned (*chosen)(void *, struct tui *, size_t),
                      void *ctx);
void menu_add(struct menu *m, const char *item);
/* The same, a menu of several choices. */
struct menu *menu_several(const char *title,
                          unsigned (*chosen)(void *, struct tui *, const unsigned char *, size_t),
                          void *ctx);
/* Start with the list narrowed by TYPED. */
void menu_narrow(struct menu *m, const char *typed);
void menu_free(struct menu *m);
/* Push the menu screen for M. */
int menu_open(struct tui *t, struct menu *m);

#endif
