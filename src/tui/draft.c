/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * draft.c - drafts of open forms on disk.
 *
 * File format (UTF-8 text, one record per line, values escaped: \\ \n \t):
 *   zhenxing-draft 1
 *   db<TAB>/srv/county.db
 *   form<TAB>household
 *   key<TAB>hh=12
 *   title<TAB>修改农户 5199...
 *   saved<TAB>2026-11-22 10:01:02
 *   version<TAB>3
 *   field<TAB>group<TAB>name<TAB>text<TAB>loaded
 */
#include "config.h"
#include "tui/draft.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#define MAGIC "zhenxing-draft 1"

void
draft_init(struct draft *d, const char *db, const char *form, const char *key,
           const char *title, int64_t version)
{
    memset(d, 0, sizeof(*d));
    d->db = xstrdup(db != NULL ? db : "");
    d->form = xstrdup(form != NULL ? form : "");
    d->key = xstrdup(key != NULL ? key : "");
    d->title = xstrdup(title != NULL ? title : "");
    d->version = version;
}

void
draft_clear(struct draft *d)
{
    size_t i;

    for (i = 0; i < d->n; i++) {
        free(d->f[i].group);
        free(d->f[i].name);
        free(d->f[i].text);
        free(d->f[i].loaded);
    }
    free(d->f);
    free(d->db);
    free(d->form);
    free(d->key);
    free(d->title);
    memset(d, 0, sizeof(*d));
}

void
draft_add(struct draft *d, const char *group, const char *name,
          const char *text, const char *loaded)
{
    struct draft_field *f;

    d->f = xgrow(d->f, &d->alloc, d->n + 1, sizeof(*d->f));
    f = &d->f[d->n++];
    f->group = xstrdup(group != NULL ? group : "");
    f->name = xstrdup(name);
    f->text = xstrdup(text != NULL ? text : "");
    f->loaded = xstrdup(loaded != NULL ? loaded : "");
}

static char *
drafts_dir(const char *dir)
{
    char *state, *p;

    if (dir != NULL) {
        return xstrdup(dir);
    }
    state = path_state_home();
    p = path_join(state, "drafts");
    free(state);
    return p;
}

/* FNV-1a, 64 bits: a file name from the draft's identity. */
static uint64_t
fnv(uint64_t h, const char *s)
{
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    return (h ^ '\n') * UINT64_C(1099511628211);
}

char *
draft_path(const char *dir, const char *db, const char *form, const char *key)
{
    char *d = drafts_dir(dir), *p, name[40];
    uint64_t h = UINT64_C(14695981039346656037);

    h = fnv(fnv(fnv(h, db), form), key);
    snprintf(name, sizeof(name), "%016llx.draft", (unsigned long long)h);
    p = path_join(d, name);
    free(d);
    return p;
}

/* The characters of a value written after a backslash, and how: the
 * character of PLAIN as the one at the same place in ESCAPED. */
static const char plain[] = "\\\n\t\r";
static const char escaped[] = "\\ntr";

static void
put_escaped(struct sbuf *sb, const char *s)
{
    const char *p;

    for (; *s != '\0'; s++) {
        p = strchr(plain, *s);
        if (p != NULL) {
            sbuf_addch(sb, '\\');
            sbuf_addch(sb, escaped[p - plain]);
        } else {
            sbuf_addch(sb, *s);
        }
    }
}

static void
put_line(struct sbuf *sb, const char *key, const char *value)
{
    sbuf_adds(sb, key);
    sbuf_addch(sb, '\t');
    put_escaped(sb, value);
    sbuf_addch(sb, '\n');
}

int
draft_write(const char *dir, struct draft *d, struct err *e)
{
    char *dd = drafts_dir(dir), *path, *tmp;
    struct sbuf sb = SBUF_INIT;
    char version[32];
    size_t i;
    FILE *fp;
    int rc = -1;

    clock_now(d->saved, sizeof(d->saved));
    sbuf_adds(&sb, MAGIC "\n");
    put_line(&sb, "db", d->db);
    put_line(&sb, "form", d->form);
    put_line(&sb, "key", d->key);
    put_line(&sb, "title", d->title);
    put_line(&sb, "saved", d->saved);
    snprintf(version, sizeof(version), "%lld", (long long)d->version);
    put_line(&sb, "version", version);
    for (i = 0; i < d->n; i++) {
        sbuf_adds(&sb, "field\t");
        put_escaped(&sb, d->f[i].group);
        sbuf_addch(&sb, '\t');
        put_escaped(&sb, d->f[i].name);
        sbuf_addch(&sb, '\t');
        put_escaped(&sb, d->f[i].text);
        sbuf_addch(&sb, '\t');
        put_escaped(&sb, d->f[i].loaded);
        sbuf_addch(&sb, '\n');
    }
    path = draft_path(dir, d->db, d->form, d->key);
    tmp = xmalloc(strlen(path) + 8);
    sprintf(tmp, "%s.new", path);
    if (path_mkdirs(dd, e) == 0) {
        /* Drafts hold ID numbers: only the user may read them. */
        int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

        fp = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (fp == NULL && fd >= 0) {
            close(fd);
        }
        if (fp == NULL || fwrite(sb.buf, 1, sb.len, fp) != sb.len) {
            err_set(e, ERR_IO, _("cannot keep the draft in %s: %s"), tmp, strerror(errno));
            if (fp != NULL) {
                fclose(fp);
            }
            unlink(tmp);
        } else if (fclose(fp) != 0 || rename(tmp, path) != 0) {
            err_set(e, ERR_IO, _("cannot keep the draft in %s: %s"), path, strerror(errno));
            unlink(tmp);
        } else {
            rc = 0;
        }
    }
    sbuf_release(&sb);
    free(tmp);
    free(path);
    free(dd);
    return rc;
}

/* Unescape S in place. */
static void
unescape(char *s)
{
    char *o = s;

    for (; *s != '\0'; s++) {
        if (*s == '\\' && s[1] != '\0') {
            const char *p = strchr(escaped, *++s);

            *o++ = p != NULL ? plain[p - escaped] : *s;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

/* Split LINE at tabs into at most N fields (unescaped). */
static size_t
split(char *line, char **out, size_t n)
{
    size_t k = 0;
    char *p = line, *tab;

    while (k < n) {
        out[k++] = p;
        tab = strchr(p, '\t');
        if (tab == NULL) {
            break;
        }
        *tab = '\0';
        p = tab + 1;
    }
    for (size_t i = 0; i < k; i++) {
        unescape(out[i]);
    }
    return k;
}

static void
set_str(char **dst, const char *v)
{
    free(*dst);
    *dst = xstrdup(v);
}

static int
parse_line(struct draft *d, char *line)
{
    char *v[5];
    size_t k = split(line, v, 5);

    if (k == 2 && strcmp(v[0], "db") == 0) {
        set_str(&d->db, v[1]);
    } else if (k == 2 && strcmp(v[0], "form") == 0) {
        set_str(&d->form, v[1]);
    } else if (k == 2 && strcmp(v[0], "key") == 0) {
        set_str(&d->key, v[1]);
    } else if (k == 2 && strcmp(v[0], "title") == 0) {
        set_str(&d->title, v[1]);
    } else if (k == 2 && strcmp(v[0], "saved") == 0) {
        snprintf(d->saved, sizeof(d->saved), "%s", v[1]);
    } else if (k == 2 && strcmp(v[0], "version") == 0) {
        d->version = strtoll(v[1], NULL, 10);
    } else if (k == 5 && strcmp(v[0], "field") == 0) {
        draft_add(d, v[1], v[2], v[3], v[4]);
    } else {
        return -1;
    }
    return 0;
}

int
draft_read(const char *path, struct draft *d, struct err *e)
{
    FILE *fp = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int first = 1, rc = 0;

    if (fp == NULL) {
        memset(d, 0, sizeof(*d));
        return err_set(e, ERR_IO, _("cannot read the draft %s: %s"), path, strerror(errno));
    }
    draft_init(d, "", "", "", "", 0);
    while ((len = getline(&line, &cap, fp)) >= 0) {
        if (len > 0 && line[len - 1] == '\n') {
            line[--len] = '\0';
        }
        if (first) {
            first = 0;
            if (strcmp(line, MAGIC) != 0) {
                rc = -1;
                break;
            }
            continue;
        }
        if (parse_line(d, line) != 0) {
            rc = -1;
            break;
        }
    }
    free(line);
    fclose(fp);
    if (rc != 0 || first || d->form[0] == '\0') {
        draft_clear(d);
        return err_set(e, ERR_INVALID, _("the draft %s is damaged"), path);
    }
    return 0;
}

static int
newest_first(const void *a, const void *b)
{
    return -strcmp(((const struct draft *)a)->saved, ((const struct draft *)b)->saved);
}

int
draft_list(const char *dir, const char *db, struct draft **v, size_t *n,
           struct err *e)
{
    char *dd = drafts_dir(dir);
    DIR *dp = opendir(dd);
    struct dirent *de;
    size_t alloc = 0;

    (void)e;
    *v = NULL;
    *n = 0;
    if (dp == NULL) {
        free(dd);
        return 0;
    }
    while ((de = readdir(dp)) != NULL) {
        size_t len = strlen(de->d_name);
        char *p;
        struct draft d;

        if (len < 7 || strcmp(de->d_name + len - 6, ".draft") != 0) {
            continue;
        }
        p = path_join(dd, de->d_name);
        if (draft_read(p, &d, NULL) == 0) {
            if (strcmp(d.db, db) == 0) {
                *v = xgrow(*v, &alloc, *n + 1, sizeof(**v));
                (*v)[(*n)++] = d;
            } else {
                draft_clear(&d);
            }
        }
        free(p);
    }
    closedir(dp);
    free(dd);
    if (*n > 1) {
        qsort(*v, *n, sizeof(**v), newest_first);
    }
    return 0;
}

void
draft_remove(const char *dir, const char *db, const char *form, const char *key)
{
    char *p = draft_path(dir, db, form, key);

    unlink(p);
    free(p);
}
