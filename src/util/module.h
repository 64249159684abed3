/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * module.h - shared objects loaded only by the commands that use them, so
 * that the heavy stacks (libcups with GnuTLS and Kerberos, Pango and
 * cairo, libarchive with ICU) are not mapped and relocated at every start
 * (`zhenxing --version`, the first screen).  One way: the program calls
 * into what it loads; nothing loaded calls back into the program.
 */
#ifndef ZX_MODULE_H
#define ZX_MODULE_H

#include <stddef.h>

struct err;

/* A symbol to look up and where to put its address. */
struct module_sym {
    const char *name;
    void **addr;
};

/* Load FILE (a library's soname such as "libcups.so.2", found as the
 * dynamic loader finds libraries, or a path) and look up S[0..N-1]; 0,
 * or -1 with E saying which file or symbol is missing.  A library loaded
 * stays loaded. */
int module_load(const char *file, const struct module_sym *s, size_t n, struct err *e);

/* The symbol SYM (an ops table) of our own module NAME ("pdf.so"), from
 * path_moduledir(); NULL with E when it is missing. */
const void *module_ours(const char *name, const char *sym, struct err *e);

#endif
