/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * snapshot.c - the county snapshot (snapshot.h): the tables of
 * db/db_dump.h as CSV files with their SHA-256, the manifest, the audit
 * row, then the temporary directory renamed into place.
 */
#include "config.h"
#include "print/snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/role.h"
#include "db/db.h"
#include "db/db_audit.h"
#include "db/db_dump.h"
#include "print/print.h"
#include "print/tarzst_module.h"
#include "util/array.h"
#include "util/clock.h"
#include "util/csv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/module.h"
#include "util/priv.h"
#include "util/sbuf.h"
#include "util/tempfile.h"
#include "util/xalloc.h"

/* What --without-personal does to a column. */
enum pers { P_KEEP, P_DROP, P_HASH };

static const struct {
    const char *tbl, *col;
    enum pers how;
} personal[] = {
    {"person", "name", P_DROP},        {"person", "id_no", P_HASH},
    {"person", "phone", P_DROP},       {"household", "phone", P_DROP},
    {"cadre", "name", P_DROP},         {"cadre", "phone", P_DROP},
    {"partner", "contact", P_DROP},    {"partner", "phone", P_DROP},
    {"team_member", "name", P_DROP},   {"team_member", "phone", P_DROP},
    {"payment", "payee", P_DROP},      {"dept_warning", "name", P_DROP},
    {"dept_warning", "id_no", P_HASH}, {"visit", "visitor", P_DROP},
    {"attendance", "approver", P_DROP}, {"asset", "owner", P_DROP},
    {"asset", "operator", P_DROP},     {"asset", "maintainer", P_DROP},
};

#define KEY_MAX 1024

/* One snapshot being written. */
struct snap {
    const struct snapshot_opts *o;
    const char *dir;                /* the temporary directory */
    unsigned char key[KEY_MAX];
    size_t nkey;
    /* the table being written */
    const char *tbl;
    FILE *f;
    EVP_MD_CTX *md;
    enum pers how[DB_DUMP_MAX_COLS];
    int64_t rows;
    struct sbuf line;
    struct sbuf manifest;           /* the files' entries so far */
    struct sbuf sums;               /* SHA256SUMS */
};

/* ---- the key ------------------------------------------------------------ */

/* The province's key from PATH: its bytes less a final line end, at least
 * 16 of them. */
static int
read_key(struct snap *s, const char *path, struct err *e)
{
    FILE *f = fopen(path, "rb");
    size_t n;

    if (f == NULL) {
        return err_set(e, ERR_IO, _("cannot read the key file %s: %s"), path, strerror(errno));
    }
    n = fread(s->key, 1, sizeof(s->key), f);
    fclose(f);
    while (n > 0 && (s->key[n - 1] == '\n' || s->key[n - 1] == '\r')) {
        n--;
    }
    if (n < 16 || n >= sizeof(s->key)) {
        return err_set(e, ERR_INVALID, _("the key file %s must hold 16 to 1000 bytes (the province's key)"),
                       path);
    }
    s->nkey = n;
    return 0;
}

/* ---- values ------------------------------------------------------------- */

static void
hex(struct sbuf *sb, const unsigned char *d, unsigned n)
{
    unsigned i;

    for (i = 0; i < n; i++) {
        sbuf_addf(sb, "%02x", d[i]);
    }
}

/* V as a field: \N for NULL, "" for empty, a value "\N" quoted. */
static void
field(struct sbuf *sb, const char *v)
{
    if (v == NULL) {
        sbuf_adds(sb, "\\N");
    } else if (*v == '\0' || strcmp(v, "\\N") == 0) {
        sbuf_addf(sb, "\"%s\"", v);
    } else {
        csv_field(sb, v);
    }
}

/* V of a column treated as HOW. */
static void
value(struct snap *s, enum pers how, const char *v)
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned n = 0;

    if (v == NULL || how == P_KEEP) {
        field(&s->line, v);
    } else if (how == P_DROP) {
        field(&s->line, NULL);
    } else {
        HMAC(EVP_sha256(), s->key, (int)s->nkey, (const unsigned char *)v, strlen(v), d, &n);
        hex(&s->line, d, n);
    }
}

static enum pers
treatment(const struct snap *s, const char *col)
{
    size_t i;

    for (i = 0; s->o->without_personal && i < ARRAY_SIZE(personal); i++) {
        if (strcmp(personal[i].tbl, s->tbl) == 0 && strcmp(personal[i].col, col) == 0) {
            return personal[i].how;
        }
    }
    return P_KEEP;
}

/* ---- the files ---------------------------------------------------------- */

/* The JSON string S into SB. */
static void
json_str(struct sbuf *sb, const char *s)
{
    sbuf_addch(sb, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') {
            sbuf_addf(sb, "\\%c", *s);
        } else if ((unsigned char)*s < 0x20) {
            sbuf_addf(sb, "\\u%04x", (unsigned)(unsigned char)*s);
        } else {
            sbuf_addch(sb, *s);
        }
    }
    sbuf_addch(sb, '"');
}

/* The header row (and the manifest's column list) or a data row. */
static int
row(void *ctx, const struct db_row *r, struct err *e)
{
    struct snap *s = ctx;
    int i;

    sbuf_reset(&s->line);
    if (r->v == NULL) {
        sbuf_adds(&s->manifest, ",\n    \"columns\": [");
    }
    for (i = 0; i < r->n; i++) {
        if (i > 0) {
            sbuf_addch(&s->line, ',');
        }
        if (r->v != NULL) {
            value(s, s->how[i], r->v[i]);
            continue;
        }
        s->how[i] = treatment(s, r->names[i]);
        csv_field(&s->line, r->names[i]);
        sbuf_adds(&s->manifest, i ? ", [" : "[");
        json_str(&s->manifest, r->names[i]);
        sbuf_adds(&s->manifest, ", ");
        json_str(&s->manifest, r->types[i]);
        sbuf_addch(&s->manifest, ']');
    }
    sbuf_addch(&s->line, '\n');
    s->rows += r->v != NULL;
    if (fwrite(s->line.buf, 1, s->line.len, s->f) != s->line.len) {
        return err_set(e, ERR_IO, _("cannot write the snapshot: %s"), strerror(errno));
    }
    EVP_DigestUpdate(s->md, s->line.buf, s->line.len);
    return 0;
}

/* The path of NAME in the temporary directory. */
static char *
in_dir(const struct snap *s, const char *name)
{
    struct sbuf p = SBUF_INIT;

    sbuf_addf(&p, "%s/%s", s->dir, name);
    return sbuf_detach(&p);
}

/* Table I into its file; its entry into the manifest and SHA256SUMS. */
static int
table(struct snap *s, struct db *db, size_t i, struct err *e)
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    struct sbuf name = SBUF_INIT;
    char *path;
    int rc;

    s->tbl = db_dump_name(i);
    s->rows = 0;
    sbuf_addf(&name, "%s.csv", s->tbl);
    path = in_dir(s, name.buf);
    s->f = fopen(path, "wx");
    free(path);
    if (s->f == NULL) {
        sbuf_release(&name);
        return err_set(e, ERR_IO, _("cannot write the snapshot: %s"), strerror(errno));
    }
    EVP_DigestInit_ex(s->md, EVP_sha256(), NULL);
    sbuf_addf(&s->manifest, "%s\n   {\"table\": ", i ? "," : "");
    json_str(&s->manifest, s->tbl);
    sbuf_addf(&s->manifest, ", \"file\": \"%s\"", name.buf);
    rc = db_dump_table(db, i, row, s, e);
    if (fclose(s->f) != 0 && rc == 0) {
        rc = err_set(e, ERR_IO, _("cannot write the snapshot: %s"), strerror(errno));
    }
    EVP_DigestFinal_ex(s->md, d, &n);
    sbuf_addf(&s->manifest, "],\n    \"rows\": %lld, \"sha256\": \"", (long long)s->rows);
    hex(&s->manifest, d, n);
    sbuf_adds(&s->manifest, "\"}");
    hex(&s->sums, d, n);
    sbuf_addf(&s->sums, "  %s\n", name.buf);
    sbuf_release(&name);
    return rc;
}

/* The whole text SB into NAME of the temporary directory. */
static int
write_whole(const struct snap *s, const char *name, const struct sbuf *sb, struct err *e)
{
    char *path = in_dir(s, name);
    FILE *f = fopen(path, "wx");
    int bad;

    free(path);
    bad = f == NULL || fwrite(sb->buf, 1, sb->len, f) != sb->len;
    if (f != NULL && fclose(f) != 0) {
        bad = 1;
    }
    return bad ? err_set(e, ERR_IO, _("cannot write the snapshot: %s"), strerror(errno)) : 0;
}

/* manifest.json: the county, the moment, the files. */
static int
manifest(const struct snap *s, const struct print_env *env, const char *as_of, struct err *e)
{
    struct sbuf m = SBUF_INIT;
    int rc;

    sbuf_addf(&m, "{\n  \"format\": \"zhenxing-snapshot\",\n  \"format_version\": 1,\n"
                  "  \"zhenxing_version\": \"%s\",\n  \"schema_version\": %d,\n",
              PACKAGE_VERSION, db_schema_latest());
    sbuf_adds(&m, "  \"province_code\": ");
    json_str(&m, s->o->province_code);
    sbuf_adds(&m, ",\n  \"county_code\": ");
    json_str(&m, s->o->county_code);
    sbuf_adds(&m, ",\n  \"county_name\": ");
    json_str(&m, env->county);
    sbuf_adds(&m, ",\n  \"as_of\": ");
    json_str(&m, as_of);
    sbuf_addf(&m, ",\n  \"personal\": \"%s\",\n  \"null\": \"\\\\N\",\n  \"files\": [",
              s->o->without_personal ? "hmac-sha256" : "included");
    sbuf_add(&m, s->manifest.buf, s->manifest.len);
    sbuf_adds(&m, "\n  ]\n}\n");
    rc = write_whole(s, "manifest.json", &m, e);
    sbuf_release(&m);
    return rc;
}

/* Every table and the manifest, in one read transaction. */
static int
dump(struct snap *s, const struct print_env *env, int64_t *rows, struct err *e)
{
    char as_of[32];
    size_t i;
    int rc = 0;

    if (db_dump_begin(env->db, e) < 0) {
        return -1;
    }
    clock_now(as_of, sizeof(as_of));
    *rows = 0;
    for (i = 0; rc == 0 && i < db_dump_count(); i++) {
        rc = table(s, env->db, i, e);
        *rows += s->rows;
    }
    db_dump_end(env->db);
    if (rc == 0 && (manifest(s, env, as_of, e) < 0 || write_whole(s, "SHA256SUMS", &s->sums, e) < 0)) {
        rc = -1;
    }
    return rc;
}

/* ---- the directory ------------------------------------------------------ */

/* The name of the Ith file of a snapshot into NAME: the tables' CSV,
 * then the manifest and the sums; 0, or -1 past the last. */
static int
file_name(size_t i, struct sbuf *name)
{
    static const char *const extra[] = {"manifest.json", "SHA256SUMS"};

    sbuf_reset(name);
    if (i < db_dump_count()) {
        sbuf_addf(name, "%s.csv", db_dump_name(i));
    } else if (i - db_dump_count() < ARRAY_SIZE(extra)) {
        sbuf_adds(name, extra[i - db_dump_count()]);
    } else {
        return -1;
    }
    return 0;
}

/* Remove the temporary directory and what is in it. */
static void
remove_dir(struct snap *s)
{
    struct sbuf name = SBUF_INIT;
    size_t i;
    char *p;

    for (i = 0; file_name(i, &name) == 0; i++) {
        p = in_dir(s, name.buf);
        unlink(p);
        free(p);
    }
    sbuf_release(&name);
    rmdir(s->dir);
}

/* ---- FILE.tar.zst (libarchive, in a module) ------------------------------------------ */

static int
is_archive(const char *dest)
{
    size_t n = strlen(dest);

    return n > 8 && strcmp(dest + n - 8, ".tar.zst") == 0;
}

/* The files into FD as a zstd-compressed tar whose entries are in one
 * directory named after DEST less .tar.zst (the module tarzst.so). */
static int
pack(const struct snap *s, int fd, struct err *e)
{
    const struct tarzst_module *mod = module_ours(TARZST_MODULE_FILE, TARZST_MODULE_SYM, e);
    const char *base = strrchr(s->o->dest, '/');
    struct sbuf prefix = SBUF_INIT, name = SBUF_INIT;
    char **names, why[ERR_MSG_MAX / 2];
    size_t i, n = 0;
    int rc;

    if (mod == NULL) {
        return -1;
    }
    base = base != NULL ? base + 1 : s->o->dest;
    sbuf_add(&prefix, base, strlen(base) - 8);
    names = xcalloc(db_dump_count() + 2, sizeof(*names));
    while (file_name(n, &name) == 0) {
        names[n++] = sbuf_detach(&name);
    }
    rc = mod->pack(fd, s->dir, prefix.buf, (const char *const *)names, n, why, sizeof(why));
    if (rc < 0) {
        err_set(e, ERR_IO, _("cannot write the snapshot: %s"), why);
    }
    for (i = 0; i < n; i++) {
        free(names[i]);
    }
    free(names);
    sbuf_release(&name);
    sbuf_release(&prefix);
    return rc;
}

/* The archive of the temporary directory in T, beside O->dest. */
static int
archive_to(const struct snap *s, struct tempfile *t, struct err *e)
{
    int fd = tempfile_create(t, s->o->dest, NULL, 0, e), rc;

    if (fd < 0) {
        return -1;
    }
    rc = pack(s, fd, e);
    if (close(fd) != 0 && rc == 0) {
        rc = err_set(e, ERR_IO, _("cannot write the snapshot: %s"), strerror(errno));
    }
    return rc;
}

/* Put the snapshot in place: the archive T, else the directory. */
static int
place(const struct snap *s, struct tempfile *t, struct err *e)
{
    if (is_archive(s->o->dest)) {
        return tempfile_place(t, s->o->dest, 0, e);
    }
    /* never over a directory that appeared meanwhile (rename would
     * replace an empty one) */
    return renameat2(AT_FDCWD, s->dir, AT_FDCWD, s->o->dest, RENAME_NOREPLACE) == 0
               ? 0
               : err_set(e, ERR_IO, _("cannot create %s: %s"), s->o->dest, strerror(errno));
}

/* May the snapshot go to DEST?  It must not exist, nor be in the store. */
static int
dest_check(const char *dest, struct err *e)
{
    struct stat st;

    if (priv_in_store(dest)) {
        return err_set(e, ERR_DENIED, _("%s is in the database's directory: choose another place"),
                       dest);
    }
    if (lstat(dest, &st) == 0 || errno != ENOENT) {
        return err_set(e, ERR_IO, _("%s already exists: the snapshot goes to a new directory"), dest);
    }
    return 0;
}

/* The audit row (committed before the directory appears). */
static int
audit(const struct print_env *env, const struct snapshot_opts *o, int64_t rows, struct err *e)
{
    const struct audit_out a = {
        .actor = env->actor->login, .op = "export", .tbl = "county", .what = "snapshot",
        .dest = o->dest, .nrows = rows, .revealed = !o->without_personal,
        .detail = o->without_personal ? "without personal data (HMAC-SHA256 of ID numbers)"
                                      : "with personal data",
    };

    if (db_audit_out(env->db, &a, e) < 0) {
        err_prefix(e, "%s", _("nothing was exported: the audit log could not record it"));
        e->code = ERR_DB;
        return -1;
    }
    return 0;
}

static void
snap_release(struct snap *s)
{
    EVP_MD_CTX_free(s->md);
    sbuf_release(&s->line);
    sbuf_release(&s->manifest);
    sbuf_release(&s->sums);
    OPENSSL_cleanse(s->key, sizeof(s->key));
}

int
snapshot_run(const struct print_env *env, const struct snapshot_opts *o,
             struct snapshot_result *r, struct err *e)
{
    struct snap s;
    struct sbuf tmp = SBUF_INIT;
    struct tempfile t = {NULL, -1};
    int rc = -1;

    memset(&s, 0, sizeof(s));
    memset(r, 0, sizeof(*r));
    s.o = o;
    if (dest_check(o->dest, e) < 0 || (o->without_personal && read_key(&s, o->key_file, e) < 0)) {
        OPENSSL_cleanse(s.key, sizeof(s.key));
        return -1;
    }
    sbuf_addf(&tmp, "%s.zxtmp.XXXXXX", o->dest);
    if ((s.dir = mkdtemp(tmp.buf)) == NULL) {
        rc = err_set(e, ERR_IO, _("cannot create %s: %s"), o->dest, strerror(errno));
        sbuf_release(&tmp);
        OPENSSL_cleanse(s.key, sizeof(s.key));
        return rc;
    }
    s.md = EVP_MD_CTX_new();
    if (dump(&s, env, &r->rows, e) == 0 && (!is_archive(o->dest) || archive_to(&s, &t, e) == 0) &&
        audit(env, o, r->rows, e) == 0) {
        rc = place(&s, &t, e);
    }
    if (rc < 0 || is_archive(o->dest)) {
        remove_dir(&s);
    }
    tempfile_remove(&t);
    r->files = (int)db_dump_count();
    snap_release(&s);
    sbuf_release(&tmp);
    return rc;
}
