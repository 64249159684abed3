/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_setup.c - `zhenxing setup`: the county server in one command, run
 * by root.  The system group (zhenxing), the store (the directory of the
 * county's database, root:zhenxing 2770), the database in it (made new
 * as init makes it, or adopted: copied in with the online backup), the
 * system settings naming it (never replacing a file that is there), and
 * the installed program setgid zhenxing: staff, who are never in the
 * group, reach the store through zhenxing alone.  A second run changes
 * nothing.  `setup --check` (anyone; root sees into the store) reports
 * every weakness and changes nothing.  What each file should be is one
 * table of wants, which setup applies and --check compares.
 */
#include "config.h"
#include "cli/cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "cfg/settings.h"
#include "cli/county.h"
#include "cli/opts.h"
#include "db/db.h"
#include "db/db_backup.h"
#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#define WANTS_MAX 64
#define STORE_DB "county.db"

struct setup_args {
    const char *province, *county, *code, *admin, *adopt, *group;
    int check;
};

static const struct cli_opt setup_opts[] = {
    {.name = "--province", .kind = OPT_TEXT, .off = offsetof(struct setup_args, province)},
    {.name = "--county", .kind = OPT_TEXT, .off = offsetof(struct setup_args, county)},
    {.name = "--county-code", .kind = OPT_TEXT, .off = offsetof(struct setup_args, code)},
    {.name = "--admin", .kind = OPT_TEXT, .off = offsetof(struct setup_args, admin)},
    {.name = "--adopt", .kind = OPT_TEXT, .off = offsetof(struct setup_args, adopt)},
    {.name = "--group", .kind = OPT_TEXT, .off = offsetof(struct setup_args, group)},
    {.name = "--check", .kind = OPT_FLAG, .off = offsetof(struct setup_args, check)},
    {.name = NULL},
};

enum want_flags {
    W_DIR = 1 << 0,       /* a directory (else an ordinary file) */
    W_ROOT = 1 << 1,      /* owned by root (else by anyone) */
    W_GROUP = 1 << 2,     /* of the store's group (else of any) */
    W_OPTIONAL = 1 << 3,  /* may be absent */
    W_STORE = 1 << 4,     /* inside the store: only root can look */
};

/* What one file of the install should be: no mode bit beyond MAX, every
 * bit of NEED; setup makes it (mode & MAX) | NEED. */
struct want {
    const char *what;     /* N_ */
    char *path;
    unsigned flags;
    mode_t max, need;
};

struct setup {
    struct app *a;
    const struct setup_args *o;
    gid_t gid;
    int have_group;
    char *db, *store, *conf, *confdir, *policy, *bin;
    int conf_found;
    struct want wants[WANTS_MAX];
    size_t nwants;
    int changes, weak, store_hidden;
};

/* ---- what the install should be --------------------------------------- */

static void
want(struct setup *s, const char *what, const char *path, unsigned flags,
     mode_t max, mode_t need)
{
    struct want *w;

    if (s->nwants == WANTS_MAX) {
        return;
    }
    w = &s->wants[s->nwants++];
    w->what = what;
    w->path = xstrdup(path);
    w->flags = flags;
    w->max = max;
    w->need = need;
}

/* The database and the files SQLite keeps beside it. */
static void
want_database(struct setup *s)
{
    static const char *const side[] = {"-wal", "-shm", "-journal"};
    static const char *const what[] = {
        N_("the database's write-ahead log"), N_("the database's shared memory"),
        N_("the database's journal"),
    };
    char *p;
    size_t i;

    want(s, N_("the database"), s->db, W_ROOT | W_GROUP | W_STORE, 0660, 0060);
    /* Whoever opened the store first owns these; group and mode are
     * what keeps every other user working. */
    for (i = 0; i < ARRAY_SIZE(side); i++) {
        p = xmalloc(strlen(s->db) + 10);
        sprintf(p, "%s%s", s->db, side[i]);
        want(s, what[i], p, W_GROUP | W_OPTIONAL | W_STORE, 0660, 0060);
        free(p);
    }
}

/* 1 when NAME in the store is the database or one of its side files. */
static int
is_database(const struct setup *s, const char *path)
{
    size_t n = strlen(s->db);

    return strncmp(path, s->db, n) == 0 &&
           (path[n] == '\0' || strcmp(path + n, "-wal") == 0 ||
            strcmp(path + n, "-shm") == 0 || strcmp(path + n, "-journal") == 0);
}

/* Everything else in DIR (the store, DEPTH levels down): backups and
 * whatever was put there, never readable by others. */
static void
want_rest(struct setup *s, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    struct stat st;
    char *p;

    if (d == NULL) {
        s->store_hidden |= errno == EACCES;
        return;
    }
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) {
            continue;
        }
        p = path_join(dir, de->d_name);
        if (is_database(s, p) || lstat(p, &st) != 0) {
            free(p);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            want(s, N_("a directory in the store"), p, W_DIR | W_GROUP | W_STORE, 02770, 0);
            if (depth > 0) {
                want_rest(s, p, depth - 1);
            }
        } else {
            want(s, N_("a file in the store (a backup?)"), p, W_GROUP | W_STORE, 0660, 0);
        }
        free(p);
    }
    closedir(d);
}

/* The county's policy files: readable by staff, written by root. */
static void
want_policy(struct setup *s)
{
    DIR *d = opendir(s->policy);
    struct dirent *de;
    char *p;

    want(s, N_("the county's policy directory"), s->policy, W_DIR | W_ROOT | W_OPTIONAL,
         0755, 0001);
    while (d != NULL && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') {
            continue;
        }
        p = path_join(s->policy, de->d_name);
        want(s, N_("a policy file"), p, W_ROOT | W_OPTIONAL, 0644, 0004);
        free(p);
    }
    if (d != NULL) {
        closedir(d);
    }
}

static void
wants_build(struct setup *s)
{
    want(s, N_("the store"), s->store, W_DIR | W_ROOT | W_GROUP, 02770, 02070);
    want_database(s);
    want_rest(s, s->store, 1);
    want(s, N_("the program"), s->bin, W_ROOT | W_GROUP, 02755, 02001);
    want(s, N_("the system settings' directory"), s->confdir, W_DIR | W_ROOT, 0755, 0001);
    want(s, N_("the system settings"), s->conf, W_ROOT, 0644, 0004);
    want_policy(s);
}

/* ---- comparing and fixing ----------------------------------------------- */

/* The name of the user (or, GROUP, the group) ID, else its number. */
static const char *
id_name(int group, unsigned long id, char *buf, size_t n)
{
    struct passwd *pw = group ? NULL : getpwuid((uid_t)id);
    struct group *gr = group ? getgrgid((gid_t)id) : NULL;

    if (pw != NULL || gr != NULL) {
        return pw != NULL ? pw->pw_name : gr->gr_name;
    }
    snprintf(buf, n, "%lu", id);
    return buf;
}

/* "owner:group mode" of UID, GID and MODE into SB. */
static void
describe(struct sbuf *sb, uid_t uid, gid_t gid, mode_t mode)
{
    char u[32], g[32];

    sbuf_addf(sb, "%s:%s %04o", id_name(0, uid, u, sizeof(u)), id_name(1, gid, g, sizeof(g)),
              (unsigned)(mode & 07777));
}

/* What W's file should be, given what it is (ST). */
static void
should_be(const struct setup *s, const struct want *w, const struct stat *st,
          uid_t *uid, gid_t *gid, mode_t *mode)
{
    *uid = (w->flags & W_ROOT) ? 0 : st->st_uid;
    *gid = (w->flags & W_GROUP) ? s->gid : st->st_gid;
    *mode = (st->st_mode & w->max) | w->need;
}

static void
weakness(struct setup *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
weakness(struct setup *s, const char *fmt, ...)
{
    va_list ap;

    fputs(_("weakness: "), stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
    s->weak++;
}

/* Make W's file what it should be (setup) or say how it is not (check). */
static void
judge(struct setup *s, const struct want *w, const struct stat *st)
{
    struct sbuf is = SBUF_INIT, ought = SBUF_INIT;
    uid_t uid;
    gid_t gid;
    mode_t mode;

    should_be(s, w, st, &uid, &gid, &mode);
    if (uid == st->st_uid && gid == st->st_gid && mode == (st->st_mode & 07777)) {
        return;
    }
    describe(&is, st->st_uid, st->st_gid, st->st_mode);
    describe(&ought, uid, gid, mode);
    if (s->o->check) {
        weakness(s, _("%s %s is %s; it should be %s"), _(w->what), w->path, is.buf,
                 ought.buf);
    } else if (chown(w->path, uid, gid) != 0 || chmod(w->path, mode) != 0) {
        weakness(s, _("%s %s is %s and cannot be made %s: %s"), _(w->what), w->path,
                 is.buf, ought.buf, strerror(errno));
    } else {
        printf(_("Made %s %s %s (it was %s).\n"), _(w->what), w->path, ought.buf, is.buf);
        s->changes++;
    }
    sbuf_release(&is);
    sbuf_release(&ought);
}

static void
look(struct setup *s, const struct want *w)
{
    struct stat st;

    if (lstat(w->path, &st) != 0) {
        if (errno == EACCES && (w->flags & W_STORE)) {
            s->store_hidden = 1;
        } else if (errno != ENOENT || !(w->flags & W_OPTIONAL)) {
            weakness(s, _("%s %s is missing (%s); run zhenxing setup"), _(w->what),
                     w->path, strerror(errno));
        }
        return;
    }
    if ((w->flags & W_DIR) ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) {
        weakness(s, (w->flags & W_DIR) ? _("%s %s is not a directory")
                                       : _("%s %s is not an ordinary file (a link, a device...)"),
                 _(w->what), w->path);
        return;
    }
    if (!(w->flags & W_GROUP) || s->have_group) {
        judge(s, w, &st);
    }
}

/* Staff are never in the group: a member could open the store with
 * sqlite3, and every role, scope and audit row would be advice. */
static void
members(struct setup *s)
{
    struct group *gr = getgrgid(s->gid);
    struct passwd *pw;
    char **m;

    for (m = gr != NULL ? gr->gr_mem : NULL; m != NULL && *m != NULL; m++) {
        weakness(s, _("%s is a member of the group %s, but staff never are (zhenxing alone reaches the store); remove it: gpasswd -d %s %s"),
                 *m, s->o->group, *m, s->o->group);
    }
    setpwent();
    while ((pw = getpwent()) != NULL) {
        if (pw->pw_gid == s->gid) {
            weakness(s, _("the login %s has the group %s as its own group, but staff never are in it; give it another: usermod -g GROUP %s"),
                     pw->pw_name, s->o->group, pw->pw_name);
        }
    }
    endpwent();
}

static void
look_all(struct setup *s)
{
    size_t i;

    wants_build(s);
    for (i = 0; i < s->nwants; i++) {
        look(s, &s->wants[i]);
    }
    if (s->have_group) {
        members(s);
    }
    if (s->store_hidden) {
        printf(_("The files in the store %s can be looked at by root only.\n"), s->store);
    }
}

/* ---- making things -------------------------------------------------------- */

/* Run PROG (found in the system's directories) with ARGV, no shell. */
static int
run(const char *prog, char *const argv[], struct err *e)
{
    static const char *const dirs[] = {"/usr/sbin/", "/sbin/", "/usr/bin/", "/bin/"};
    static char *const envp[] = {"PATH=/usr/sbin:/usr/bin:/sbin:/bin", NULL};
    char path[64];
    size_t i;
    pid_t pid;
    int status;

    for (i = 0; i < ARRAY_SIZE(dirs); i++) {
        snprintf(path, sizeof(path), "%s%s", dirs[i], prog);
        if (access(path, X_OK) == 0) {
            break;
        }
    }
    if (i == ARRAY_SIZE(dirs)) {
        return err_set(e, ERR_IO, _("cannot find the program %s"), prog);
    }
    fflush(stdout);
    if ((pid = fork()) == 0) {
        execve(path, argv, envp);
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
        return err_set(e, ERR_IO, _("%s failed; nothing more was done"), path);
    }
    return 0;
}

static int
find_group(struct setup *s)
{
    struct group *gr = getgrnam(s->o->group);

    s->have_group = gr != NULL;
    s->gid = gr != NULL ? gr->gr_gid : (gid_t)-1;
    return s->have_group;
}

static int
make_group(struct setup *s, struct err *e)
{
    char *argv[] = {"groupadd", "--system", (char *)s->o->group, NULL};

    if (find_group(s)) {
        return 0;
    }
    if (s->o->check) {
        weakness(s, _("the group %s does not exist; run zhenxing setup"), s->o->group);
        return 0;
    }
    if (run("groupadd", argv, e) != 0) {
        return -1;
    }
    if (!find_group(s)) {
        return err_set(e, ERR_IO, _("groupadd made no group %s"), s->o->group);
    }
    printf(_("Made the system group %s.\n"), s->o->group);
    s->changes++;
    return 0;
}

static int
make_store(struct setup *s, struct err *e)
{
    char *parent = path_dirname(s->store);
    int rc;

    if (path_exists(s->store)) {
        free(parent);
        return 0;
    }
    rc = path_mkdirs_mode(parent, 0755, e);
    free(parent);
    if (rc == 0 && mkdir(s->store, 0700) != 0) {
        rc = err_set(e, ERR_IO, _("cannot create directory '%s': %s"), s->store,
                     strerror(errno));
    }
    if (rc == 0) {
        printf(_("Made the store %s.\n"), s->store);
        s->changes++;
    }
    return rc;
}

/* The county made new, with LOGIN its administrator. */
static int
create_county(struct setup *s, struct err *e)
{
    struct app *a = s->a;
    struct county_spec spec;

    if (s->o->admin == NULL || getpwnam(s->o->admin) == NULL) {
        return err_set(e, ERR_USAGE, _("give the administrator's login with --admin LOGIN (a login of this server: the account that adds the staff)"));
    }
    if (!a->policy_loaded && app_load_policy(a, e)) {
        return -1;
    }
    if (county_spec_check(&a->policy, s->o->province, s->o->county, s->o->code, &spec, e)) {
        return -1;
    }
    free(a->db_path);
    a->db_path = xstrdup(s->db);
    a->db_store = 0;
    snprintf(a->login, sizeof(a->login), "%s", s->o->admin);
    if (county_create(a, &spec, e)) {
        return -1;
    }
    app_close_db(a);
    printf(_("Made the county database %s for %s %s; its administrator is %s.\n"), s->db,
           spec.province_label, spec.county, s->o->admin);
    return 0;
}

/* FILE copied into the store with the online backup; FILE stays as it
 * was (no migration, no journal mode changed, nothing left beside it). */
static int
adopt(struct setup *s, struct err *e)
{
    /* no actor: root's copy of its own file is not audited there, so the
     * original stays as it was */
    struct backup_opts b = {s->db, 0, 0600, (gid_t)-1, NULL};
    struct db *src;
    int rc;

    if (db_open(&src, s->o->adopt, DB_AS_IS, s->a->settings.busy_timeout, e)) {
        return -1;
    }
    rc = db_backup(src, &b, NULL, e);
    db_close(src);
    if (rc == 0) {
        printf(_("Copied %s into the store as %s (the original is as it was).\n"),
               s->o->adopt, s->db);
    }
    return rc;
}

static int
make_database(struct setup *s, struct err *e)
{
    int asked = s->o->adopt != NULL || s->o->province != NULL || s->o->county != NULL;

    if (path_exists(s->db)) {
        printf(asked ? _("The store holds the database %s already: setup never replaces it (--adopt, --province and --county are not used).\n")
                     : _("The store holds the database %s.\n"),
               s->db);
        return 0;
    }
    s->changes++;
    if (s->o->adopt != NULL) {
        return adopt(s, e);
    }
    if (s->o->province != NULL && s->o->county != NULL) {
        return create_county(s, e);
    }
    return err_set(e, ERR_USAGE, _("the store has no database yet: give --province P --county NAME --admin LOGIN to make one, or --adopt FILE to bring one in"));
}

/* The system settings naming the database, unless there are some. */
static int
make_conf(struct setup *s, struct err *e)
{
    struct sbuf text = SBUF_INIT;
    const char *p;
    int fd, rc = 0;

    if (s->conf_found) {
        return 0;
    }
    if (path_mkdirs_mode(s->confdir, 0755, e)) {
        return -1;
    }
    sbuf_adds(&text, "# zhenxing's system settings, written by `zhenxing setup`; see\n"
                     "# zhenxing(1) and the sample with every key in the documentation.\n"
                     "database = \"");
    for (p = s->db; *p != '\0'; p++) {
        if (*p == '"' || *p == '\\') {
            sbuf_addch(&text, '\\');
        }
        sbuf_addch(&text, *p);
    }
    sbuf_adds(&text, "\";\n");
    fd = open(s->conf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, text.buf, text.len) != (ssize_t)text.len || fsync(fd) != 0) {
        rc = err_set(e, ERR_IO, _("cannot write '%s': %s"), s->conf, strerror(errno));
    }
    if (fd >= 0) {
        close(fd);
    }
    if (rc == 0) {
        printf(_("Wrote the system settings %s: database %s.\n"), s->conf, s->db);
        s->changes++;
    }
    sbuf_release(&text);
    return rc;
}

/* ---- the whole -------------------------------------------------------------- */

/* Where things are: the system settings there are, or the defaults. */
static int
locate(struct setup *s, struct err *e)
{
    struct settings sys;

    s->conf = settings_system_path();
    s->confdir = path_dirname(s->conf);
    s->bin = xstrdup(BINDIR "/" PACKAGE);
    settings_init(&sys);
    s->conf_found = path_exists(s->conf);
    if (s->conf_found && settings_load_file(&sys, s->conf, 1, e)) {
        settings_release(&sys);
        return -1;
    }
    s->db = sys.database[0] != '\0' ? xstrdup(sys.database) : path_join(STOREDIR, STORE_DB);
    s->store = path_dirname(s->db);
    s->policy = settings_policy_dir(&sys);
    if (s->conf_found) {
        printf(_("Found the system settings %s (setup never replaces them): database %s.\n"),
               s->conf, s->db);
        if (sys.database[0] == '\0') {
            weakness(s, _("the system settings %s name no database; add the line database = \"%s\"; to them"),
                     s->conf, s->db);
        }
    }
    settings_release(&sys);
    return 0;
}

static int
make_all(struct setup *s, struct err *e)
{
    if (!path_exists(s->bin)) {
        return err_set(e, ERR_NOTFOUND, _("%s is not there: install zhenxing first (make install)"),
                       s->bin);
    }
    if (make_group(s, e) || make_store(s, e) || make_database(s, e) || make_conf(s, e)) {
        return -1;
    }
    look_all(s);
    if (s->changes == 0) {
        printf("%s\n", _("Nothing to change: the county server was set up already."));
    }
    return 0;
}

static int
check_all(struct setup *s, struct err *e)
{
    if (make_group(s, e)) {
        return -1;
    }
    look_all(s);
    if (s->weak == 0) {
        printf("%s\n", _("No weakness found."));
    } else {
        printf(_("Weaknesses found: %d.\n"), s->weak);
    }
    return 0;
}

static void
setup_release(struct setup *s)
{
    size_t i;

    for (i = 0; i < s->nwants; i++) {
        free(s->wants[i].path);
    }
    free(s->db);
    free(s->store);
    free(s->conf);
    free(s->confdir);
    free(s->policy);
    free(s->bin);
}

/* A group name groupadd takes: a lowercase letter or _, then up to 31
 * lowercase letters, digits, _ or -. */
static int
group_ok(const char *g)
{
    size_t n = strspn(g, "abcdefghijklmnopqrstuvwxyz0123456789_-");

    return n > 0 && n <= 32 && g[n] == '\0' &&
           (g[0] == '_' || (g[0] >= 'a' && g[0] <= 'z'));
}

static int
parse(int argc, char **argv, struct setup_args *o)
{
    const struct cmd *c = cli_find("setup");
    int rc;

    memset(o, 0, sizeof(*o));
    o->group = PACKAGE;
    if ((rc = cli_opts_parse(c, setup_opts, 0, argc, argv, 1, o, NULL)) != 0) {
        return rc;
    }
    if (!group_ok(o->group)) {
        return cli_usage_error(c, _("'%s' is not a group name"), o->group);
    }
    if (!o->check && getuid() != 0) {
        fprintf(stderr, "zhenxing: %s\n", _("zhenxing setup is run by root (sudo zhenxing setup ...); anyone may run zhenxing setup --check"));
        return EXIT_ERROR;
    }
    return 0;
}

int
cmd_setup(struct app *a, int argc, char **argv)
{
    struct setup_args o;
    struct setup s;
    struct err e;
    int rc;

    err_clear(&e);
    if ((rc = parse(argc, argv, &o)) != 0) {
        return rc;
    }
    memset(&s, 0, sizeof(s));
    s.a = a;
    s.o = &o;
    rc = locate(&s, &e) || (o.check ? check_all(&s, &e) : make_all(&s, &e));
    setup_release(&s);
    if (rc != 0) {
        return cli_fail(&e);
    }
    return s.weak > 0 ? EXIT_FINDINGS : EXIT_OK;
}
