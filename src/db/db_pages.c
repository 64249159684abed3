/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_pages.c - a database file checked page by page, reading it as
 * SQLite's file format describes it (https://sqlite.org/fileformat2.html,
 * "The Database Header", "B-tree Pages", "Cell Payload Overflow Pages",
 * "The Freelist"), mapped read-only after SQLite has closed it.
 *
 * It looks at what the dbstat virtual table looks at - each b-tree
 * page's type, cell count, cell pointers and cells, each overflow chain -
 * and adds what dbstat leaves to its caller: that every page of the file
 * is met exactly once.  What it does not look at is what integrity_check
 * does: the records inside the cells, the order of the keys, the free
 * blocks inside a page, the indexes against their tables (`backup
 * --verify` does all that).  Written for db_backup, where dbstat's row
 * per page was most of the time a backup took over sqlite3 .backup.
 */
#include "config.h"
#include "db/db_pages.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "util/xalloc.h"

/* The deepest b-tree SQLite walks (BTCURSOR_MAX_DEPTH in btree.c). */
#define MAX_DEPTH 20
/* The biggest payload SQLite reads (SQLITE_MAX_LENGTH's ceiling). */
#define MAX_PAYLOAD 0x7fffffff
/* The lock-byte page holds this offset of a file over 1 GiB. */
#define LOCK_BYTE 0x40000000LL
/* Page 1's b-tree header follows the 100-byte database header. */
#define DB_HEADER 100

/* A b-tree page by its type byte. */
struct kind {
    unsigned char type;
    unsigned char index;    /* of an index (or a WITHOUT ROWID table), else a table */
    unsigned char interior; /* its cells start with a child's page number */
    unsigned char payload;  /* its cells carry a payload (not a table's interior) */
};

static const struct kind kinds[] = {
    {2, 1, 1, 1},  /* an index's interior page: child, payload size, payload */
    {5, 0, 1, 0},  /* a table's interior page: child, rowid */
    {10, 1, 0, 1}, /* an index's leaf: payload size, payload */
    {13, 0, 0, 1}, /* a table's leaf: payload size, rowid, payload */
};

struct walk {
    const unsigned char *f; /* the file */
    uint32_t size;          /* bytes of a page */
    uint32_t usable;        /* of them, less the reserved bytes at its end */
    uint32_t pages;         /* the header's page count */
    unsigned char *seen;    /* a bit per page met */
    uint32_t met;           /* pages met */
    int counting;           /* in the tree whose leaf cells are counted */
    int64_t cells;          /* those cells */
    const char *why;        /* the first thing wrong */
};

static uint32_t
get2(const unsigned char *p)
{
    return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t
get4(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The varint at P, ending before END, into *V: its length, 0 when it
 * would run past END. */
static inline uint32_t
varint(const unsigned char *p, const unsigned char *end, uint64_t *v)
{
    uint64_t x = 0;
    uint32_t i;

    if (p < end && p[0] < 0x80) {
        *v = p[0];
        return 1;
    }
    for (i = 0; i < 8 && p + i < end; i++) {
        x = x << 7 | (p[i] & 0x7f);
        if ((p[i] & 0x80) == 0) {
            *v = x;
            return i + 1;
        }
    }
    if (i < 8 || p + 8 >= end) {
        return 0;
    }
    *v = x << 8 | p[8];
    return 9;
}

/* -1, with WHY as the first thing found wrong. */
static int
bad(struct walk *w, const char *why)
{
    if (w->why == NULL) {
        w->why = why;
    }
    return -1;
}

/* Page PG met: -1 when the file has no such page or it was met before. */
static int
meet(struct walk *w, uint32_t pg)
{
    unsigned char bit;

    if (pg == 0 || pg > w->pages) {
        return bad(w, "a page number past the end of the file");
    }
    bit = (unsigned char)(1u << ((pg - 1) % 8));
    if (w->seen[(pg - 1) / 8] & bit) {
        return bad(w, "a page met twice");
    }
    w->seen[(pg - 1) / 8] |= bit;
    w->met++;
    return 0;
}

static const unsigned char *
page(const struct walk *w, uint32_t pg)
{
    return w->f + (size_t)(pg - 1) * w->size;
}

static const struct kind *
kind_of(unsigned char type)
{
    size_t i;

    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        if (kinds[i].type == type) {
            return &kinds[i];
        }
    }
    return NULL;
}

/* The overflow chain from page PG holding the last N bytes of a
 * payload: as many pages as N fills, the last one pointing nowhere. */
static int
overflow(struct walk *w, uint32_t pg, uint64_t n)
{
    uint64_t left = (n + w->usable - 5) / (w->usable - 4);

    for (; left > 0; left--) {
        if (pg == 0) {
            return bad(w, "an overflow chain shorter than its payload");
        }
        if (meet(w, pg) < 0) {
            return -1;
        }
        pg = get4(page(w, pg));
    }
    return pg == 0 ? 0 : bad(w, "an overflow chain longer than its payload");
}

/* A payload of P bytes at offset AT of page D, of which a cell of its
 * kind keeps at most MAX on the page: the part kept fits in the page,
 * the rest is in its overflow chain. */
static int
payload(struct walk *w, const unsigned char *d, uint32_t at, uint64_t p, uint32_t max)
{
    uint32_t u = w->usable, min = (u - 12) * 32 / 255 - 23;
    uint64_t local = p;

    if (p > max) {
        local = min + (p - min) % (u - 4);
        if (local > max) {
            local = min;
        }
    }
    if (at + local + (p > max ? 4 : 0) > u) {
        return bad(w, "a cell past the end of its page");
    }
    return p > max ? overflow(w, get4(d + at + local), p - local) : 0;
}

static int tree(struct walk *w, uint32_t pg, int index, int depth);

/* The cell at offset AT of page D, of kind K, DEPTH levels down its
 * tree: its child's pages (an interior page's), and the overflow chain
 * of a payload too big to be kept whole on the page (the one case that
 * needs a table leaf's rowid read, to find where the payload starts). */
static int
cell(struct walk *w, const unsigned char *d, uint32_t at, const struct kind *k, int depth)
{
    const unsigned char *end = d + w->usable;
    uint32_t q = at + (k->interior ? 4 : 0), n, m;
    uint32_t max = k->index ? (w->usable - 12) * 64 / 255 - 23 : w->usable - 35;
    uint64_t p, key;

    if (k->interior && tree(w, get4(d + at), k->index, depth + 1) < 0) {
        return -1;
    }
    if (!k->payload) {
        return 0;
    }
    n = varint(d + q, end, &p);
    if (n == 0) {
        return bad(w, "a cell past the end of its page");
    }
    if (p <= max) {
        return 0;
    }
    if (p > MAX_PAYLOAD) {
        return bad(w, "a payload bigger than SQLite writes");
    }
    m = k->index ? 0 : varint(d + q + n, end, &key);
    if (!k->index && m == 0) {
        return bad(w, "a cell past the end of its page");
    }
    return payload(w, d, q + n + m, p, max);
}

/* The b-tree page PG, DEPTH levels below its root, and the pages under
 * it: of an index's tree when INDEX is 1, a table's when 0, either at a
 * root (-1). */
static int
tree(struct walk *w, uint32_t pg, int index, int depth)
{
    const unsigned char *d, *h;
    const struct kind *k;
    uint32_t n, i, cells, at;

    if (depth > MAX_DEPTH) {
        return bad(w, "a b-tree deeper than SQLite's");
    }
    if (meet(w, pg) < 0) {
        return -1;
    }
    d = page(w, pg);
    h = d + (pg == 1 ? DB_HEADER : 0);
    k = kind_of(h[0]);
    if (k == NULL || (index >= 0 && k->index != index)) {
        return bad(w, "a page that is no page of its b-tree");
    }
    n = get2(h + 3);
    cells = (uint32_t)(h - d) + (k->interior ? 12 : 8);
    if (cells + 2 * n > w->usable) {
        return bad(w, "more cells than the page holds");
    }
    for (i = 0; i < n; i++) {
        at = get2(d + cells + 2 * i);
        if (at < cells + 2 * n || at > w->usable - 4) {
            return bad(w, "a cell pointer out of its page");
        }
        if (cell(w, d, at, k, depth) < 0) {
            return -1;
        }
    }
    if (k->interior) {
        return tree(w, get4(h + 8), k->index, depth + 1);
    }
    w->cells += w->counting ? n : 0;
    return 0;
}

/* The free list: its trunk pages and their leaves, as many as the
 * header says. */
static int
free_list(struct walk *w)
{
    uint32_t trunk = get4(w->f + 32), want = get4(w->f + 36), got = 0, n, i;
    const unsigned char *d;

    while (trunk != 0) {
        if (meet(w, trunk) < 0) {
            return -1;
        }
        d = page(w, trunk);
        n = get4(d + 4);
        if (n > w->usable / 4 - 2) {
            return bad(w, "a free-list trunk page with more leaves than it holds");
        }
        for (i = 0; i < n; i++) {
            if (meet(w, get4(d + 8 + 4 * i)) < 0) {
                return -1;
            }
        }
        got += n + 1;
        trunk = get4(d);
    }
    return got == want ? 0 : bad(w, "a free list of another length than the header's");
}

/* The database header of a file of BYTES bytes: the page size, and a
 * page count that SQLite vouches for (written with the change counter)
 * and that fills the file exactly. */
static int
header(struct walk *w, uint64_t bytes)
{
    const unsigned char *h = w->f;

    if (bytes < DB_HEADER || memcmp(h, "SQLite format 3", 16) != 0) {
        return bad(w, "not a database file");
    }
    w->size = get2(h + 16) == 1 ? 65536 : get2(h + 16);
    if (w->size < 512 || (w->size & (w->size - 1)) != 0 || w->size - h[20] < 480) {
        return bad(w, "a page size SQLite never writes");
    }
    w->usable = w->size - h[20];
    w->pages = get4(h + 28);
    if (get4(h + 24) != get4(h + 92) || w->pages == 0) {
        return bad(w, "a header without a page count");
    }
    if ((uint64_t)w->pages * w->size != bytes) {
        return bad(w, "a page count that does not fill the file");
    }
    if (get4(h + 52) != 0) {
        return bad(w, "pointer-map pages (auto_vacuum)");
    }
    return 0;
}

/* Every page of the file met once: the b-trees, the free list, the
 * lock-byte page. */
static int
walk_all(struct walk *w, const struct pages_roots *r, uint64_t bytes)
{
    size_t i;

    if (bytes > LOCK_BYTE && meet(w, (uint32_t)(LOCK_BYTE / w->size) + 1) < 0) {
        return -1;
    }
    if (tree(w, 1, 0, 0) < 0) {
        return -1;
    }
    for (i = 0; i < r->n; i++) {
        w->counting = r->root[i] == r->counted;
        if (tree(w, r->root[i], -1, 0) < 0) {
            return -1;
        }
    }
    w->counting = 0;
    if (free_list(w) < 0) {
        return -1;
    }
    return w->met == w->pages ? 0 : bad(w, "pages that no b-tree nor the free list holds");
}

/* The file PATH mapped read-only, its size in *BYTES; NULL (errno set)
 * when it cannot be read or is empty. */
static const unsigned char *
map_file(const char *path, uint64_t *bytes)
{
    struct stat st;
    void *m = MAP_FAILED;
    int fd = open(path, O_RDONLY | O_CLOEXEC), keep;

    *bytes = 0;
    if (fd < 0) {
        return NULL;
    }
    if (fstat(fd, &st) == 0) {
        *bytes = (uint64_t)st.st_size;
        errno = EINVAL;
        if (*bytes > SIZE_MAX) {
            errno = EFBIG;
        } else if (*bytes > 0) {
            m = mmap(NULL, (size_t)*bytes, PROT_READ, MAP_PRIVATE, fd, 0);
        }
    }
    keep = errno;
    close(fd);
    errno = keep;
    return m == MAP_FAILED ? NULL : m;
}

int
db_pages_check(const char *path, const struct pages_roots *roots, int64_t *cells,
               const char **why)
{
    struct walk w;
    uint64_t bytes;
    int rc = -1;

    memset(&w, 0, sizeof(w));
    *cells = 0;
    w.f = map_file(path, &bytes);
    if (w.f == NULL) {
        return -2;
    }
    if (header(&w, bytes) == 0) {
        w.seen = xcalloc((size_t)w.pages / 8 + 1, 1);
        rc = walk_all(&w, roots, bytes);
        free(w.seen);
    }
    munmap((void *)w.f, (size_t)bytes);
    *cells = w.cells;
    if (why != NULL) {
        *why = w.why;
    }
    return rc;
}

int
db_pages_roots(sqlite3 *h, const char *counted, struct pages_roots *r)
{
    static const char sql[] =
        "SELECT rootpage, type = 'table' AND name = ? FROM sqlite_schema WHERE rootpage IS NOT 0";
    sqlite3_stmt *st = NULL;
    uint32_t *root = NULL;
    size_t alloc = 0;
    int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

    memset(r, 0, sizeof(*r));
    if (rc == SQLITE_OK) {
        rc = sqlite3_bind_text(st, 1, counted, -1, SQLITE_STATIC);
    }
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t pg = sqlite3_column_int64(st, 0);

        rc = pg >= 1 && pg <= UINT32_MAX ? SQLITE_OK : SQLITE_CORRUPT;
        *(uint32_t *)xappend((void **)&root, &r->n, &alloc, sizeof(*root)) = (uint32_t)pg;
        if (sqlite3_column_int(st, 1)) {
            r->counted = (uint32_t)pg;
        }
    }
    sqlite3_finalize(st);
    r->root = root;
    return rc == SQLITE_DONE ? 0 : -1;
}

void
db_pages_roots_free(struct pages_roots *r)
{
    free((void *)r->root);
    memset(r, 0, sizeof(*r));
}
