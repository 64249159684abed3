/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * keys.h - key tables as data.  Each screen lists its keys with the
 * action they trigger and a label; the key bar at the bottom and the help
 * screen are generated from the same rows, so they cannot drift.
 */
#ifndef ZX_KEYS_H
#define ZX_KEYS_H

#include <stddef.h>
#include <wchar.h>

struct sbuf;

enum action {
    ACT_NONE = 0,
    ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_LEFT, ACT_RIGHT,
    ACT_OPEN, ACT_BACK, ACT_QUIT, ACT_HELP, ACT_REDRAW,
    ACT_SEARCH, ACT_NEXT, ACT_PREV, ACT_FILTER, ACT_SORT, ACT_GOTO, ACT_CLEAR,
    ACT_WORKLIST, ACT_REVEAL, ACT_TAB, ACT_BTAB,
    ACT_SEC1, ACT_SEC2, ACT_SEC3, ACT_SEC4, ACT_SEC5, ACT_SEC6, ACT_SEC7, ACT_SEC8,
    ACT_APPLY, ACT_DELETE, ACT_SAVE, ACT_RELOAD,
    /* forms */
    ACT_PICK, ACT_NEXTFIELD, ACT_PREVFIELD,
    ACT_MINE, ACT_THEIRS, ACT_ORIG,
    ACT_FORM1, ACT_FORM2, ACT_FORM3, ACT_FORM4,  /* a form kind's own keys */
    /* records */
    ACT_EDIT, ACT_ADD, ACT_STEP, ACT_NEW,
    /* tags and prints */
    ACT_TAG, ACT_UNTAG_ALL, ACT_PRINT, ACT_EXPORT,
    ACT_MESSAGE,                                  /* the last message in full */
};

enum keydef_flags {
    KD_BAR = 1 << 0,      /* shown on the key bar */
    KD_HIDE = 1 << 1,     /* not listed in the help: one of a range that
                           * the row before names ("1-8") */
    KD_WRITE = 1 << 2,    /* changes data: left out of the key bar and the
                           * help of a read-only account, and refused with
                           * words before anything opens */
};

struct keydef {
    int key;              /* a character, or a KEY_* code when is_key */
    int is_key;
    enum action action;
    const char *name;     /* how the key is written: "Enter", "/", "F1" */
    const char *label;    /* what it does (N_), short */
    unsigned flags;
};

/* The control character of C (<termios.h> may define the same). */
#ifndef CTRL
#define CTRL(c) ((c) & 0x1f)
#endif

/* Keys every screen has (help, quit, redraw), ended by {0}. */
extern const struct keydef global_keys[];

/* Bytes from the terminal into characters of the locale's encoding,
 * keeping a character that arrives split over two reads.  A byte that
 * cannot start or continue a character becomes U+FFFD (shown as '?',
 * refused by the form fields with words), so nothing typed is lost
 * silently and nothing ends the program. */
struct key_decoder {
    mbstate_t st;
    int pending;          /* bytes of an unfinished character are held */
};

enum key_decode {
    KD_MORE = 0,          /* part of a character: feed the next byte */
    KD_CHAR,              /* *OUT is a character */
    KD_BAD,               /* *OUT is U+FFFD; feed BYTE again when RETRY */
};

void key_decoder_init(struct key_decoder *d);
/* Feed one BYTE; *RETRY is set when BYTE itself was not used (it ended
 * an unfinished character) and must be fed again. */
enum key_decode key_decode(struct key_decoder *d, unsigned char byte,
                           wchar_t *out, int *retry);

/* Look up the terminal's codes for keys ncurses has no constant for
 * (Ctrl-Left, Ctrl-Right); call once after initscr(). */
void keys_init(void);
/* Their codes (0 when the terminal does not have them). */
int key_ctrl_left(void);
int key_ctrl_right(void);
/* Whether the terminal's description has function key N (kfN): where it
 * has not, the screen names Alt-N instead of FN. */
int key_fkey_known(int n);

/* The rows of TABLE before its {0}. */
size_t keys_count(const struct keydef *table);

/* Append to OUT, after its first N rows, the rows of TABLE whose action
 * KEEP(CTX, action) accepts (every row when KEEP is NULL); returns the
 * rows OUT has now.  OUT has room; the caller ends it with {0}. */
size_t keys_append(struct keydef *out, size_t n, const struct keydef *table,
                   int (*keep)(const void *ctx, enum action a), const void *ctx);

/* The row of (IS_KEY, CH) in TABLE, else in the global keys, or NULL. */
const struct keydef *keys_find(const struct keydef *table, int is_key, wint_t ch);
/* The action bound to (IS_KEY, CH) in TABLE, or ACT_NONE. */
enum action keys_lookup(const struct keydef *table, int is_key, wint_t ch);

/* Append the key bar for TABLE (plus the global keys) fitting COLS
 * display columns to SB, leaving out the rows with a flag of SKIP
 * (KD_WRITE for a read-only account). */
void keys_bar(const struct keydef *table, size_t cols, unsigned skip, struct sbuf *sb);

#endif
