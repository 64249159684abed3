/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_pages.h - the check of a database file page by page, as SQLite's
 * file format describes it (https://sqlite.org/fileformat2.html): every
 * b-tree walked from its root, the free list read, and every page of the
 * file met exactly once.  Used by db_backup on each fresh copy, after
 * SQLite has closed it.
 */
#ifndef ZX_DB_PAGES_H
#define ZX_DB_PAGES_H

#include <stddef.h>
#include <stdint.h>

struct sqlite3;

/* The b-trees to walk: their root pages (sqlite_schema's page 1 is
 * walked without being named), and the one whose leaf cells are
 * counted (0: none). */
struct pages_roots {
    const uint32_t *root;
    size_t n;
    uint32_t counted;
};

/* 0 when the file PATH is sound page by page: its header names a page
 * count that fills the file exactly; each page of each b-tree has a
 * b-tree page's type, of its tree's kind (table or index), a cell
 * pointer array and cells that fit in it, and children that are pages
 * of the file; each overflow chain is as long as its cell says; the free
 * list holds as many pages as the header says; and these pages, with the
 * lock-byte page of a file over 1 GiB, are every page of the file, each
 * once.  *CELLS gets the cells of the counted tree's leaves.  -1 when it
 * is not, *WHY (may be NULL) then saying what was found first (English,
 * for tests and traces); a file with pointer-map pages (auto_vacuum) is
 * not one it knows and fails.  -2 (errno set) when the file cannot be
 * read or is empty. */
int db_pages_check(const char *path, const struct pages_roots *roots, int64_t *cells,
                   const char **why);

/* The roots of the b-trees the database H names in its schema into R
 * (R->root allocated), those of the table COUNTED counted; -1 when the
 * schema cannot be read or names a page no file has. */
int db_pages_roots(struct sqlite3 *h, const char *counted, struct pages_roots *r);
void db_pages_roots_free(struct pages_roots *r);

#endif
