/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tarzst_module.h - the snapshot archive's module (tarzst.so in the
 * package's library directory, src/print/tarzst.c): libarchive, which
 * brings the compressors, libxml2 and ICU, loaded by snapshot.c only for
 * `export snapshot FILE.tar.zst` (util/module.h).  It calls nothing of
 * the program and says no message: it returns what went wrong.
 */
#ifndef ZX_TARZST_MODULE_H
#define ZX_TARZST_MODULE_H

#include <stddef.h>

/* The module's one symbol, renamed when the table changes. */
#define TARZST_MODULE_FILE "tarzst.so"
#define TARZST_MODULE_SYM "zx_tarzst_module_v1"

struct tarzst_module {
    /* The files DIR/NAMES[i] (i < N) into FD as a zstd-compressed tar
     * whose entries are PREFIX/NAMES[i]; 0, or -1 with what went wrong
     * in WHY (WHYLEN bytes). */
    int (*pack)(int fd, const char *dir, const char *prefix,
                const char *const *names, size_t n, char *why, size_t whylen);
};

#endif
