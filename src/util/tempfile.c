/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tempfile.c - temporary files removed on every exit path: a registry of
 * their names, a handler for the signals that end the program (it only
 * unlinks and re-raises, async-signal-safe), an atexit() hook, and the
 * sweep of what a SIGKILL left.
 */
#include "config.h"
#include "util/tempfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/lcio.h"
#include "util/path.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* What marks our temporary files: ".NAME" TAG "PID.XXXXXX". */
#define TAG ".zxtmp."

/* An SQLite database's companions, removed with it. */
static const char *const companions[] = {"-journal", "-wal", "-shm"};

#define NPATHS (1 + ARRAY_SIZE(companions))

/* The registry: the names of each file, complete before USED is set and
 * freed after it is cleared, with the signals blocked meanwhile. */
static char *names[TEMPFILE_MAX][NPATHS + 1];
static volatile sig_atomic_t used[TEMPFILE_MAX];
static pid_t owner;

/* The signals that end the program, and what was there before ours. */
static const int fatal[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction before[ARRAY_SIZE(fatal)];

/* Unlink every registered file (async-signal-safe). */
static void
unlink_all(void)
{
    size_t i, k;

    for (i = 0; i < TEMPFILE_MAX; i++) {
        if (used[i]) {
            for (k = 0; names[i][k] != NULL; k++) {
                unlink(names[i][k]);
            }
        }
    }
}

static void
on_signal(int sig, siginfo_t *info, void *ctx)
{
    int saved = errno;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(fatal) && fatal[i] != sig; i++) {
    }
    if (i == ARRAY_SIZE(fatal) || getpid() != owner) {
        errno = saved;
        return;
    }
    if (before[i].sa_flags & SA_SIGINFO) {
        before[i].sa_sigaction(sig, info, ctx);
    } else if (before[i].sa_handler != SIG_DFL) {
        /* The program has its own handler (the screens end their loop
         * and clean up): let it; SIG_IGN: nothing ends. */
        if (before[i].sa_handler != SIG_IGN) {
            before[i].sa_handler(sig);
        }
    } else {
        unlink_all();
        sigaction(sig, &before[i], NULL);
        raise(sig);
    }
    errno = saved;
}

/* Ours for each fatal signal, unless it is already (a handler the
 * program set meanwhile is kept in BEFORE and called). */
static void
handlers_ensure(void)
{
    struct sigaction sa, cur;
    size_t i;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigfillset(&sa.sa_mask);
    for (i = 0; i < ARRAY_SIZE(fatal); i++) {
        if (sigaction(fatal[i], NULL, &cur) == 0 &&
            ((cur.sa_flags & SA_SIGINFO) == 0 || cur.sa_sigaction != on_signal)) {
            before[i] = cur;
            sigaction(fatal[i], &sa, NULL);
        }
    }
}

static void
at_exit(void)
{
    if (getpid() == owner) {
        unlink_all();
    }
}

/* Block the fatal signals (OLD gets the mask to restore). */
static void
block(sigset_t *old)
{
    sigset_t s;
    size_t i;

    sigemptyset(&s);
    for (i = 0; i < ARRAY_SIZE(fatal); i++) {
        sigaddset(&s, fatal[i]);
    }
    sigprocmask(SIG_BLOCK, &s, old);
}

/* Enter PATH (and its companions when DB) in a free slot; -1 when none. */
static int
reg_add(const char *path, int db)
{
    static int hooked;
    sigset_t old;
    size_t c;
    int i, k = 0;

    for (i = 0; i < TEMPFILE_MAX && used[i]; i++) {
    }
    if (i == TEMPFILE_MAX) {
        errno = EMFILE;
        return -1;
    }
    if (!hooked) {
        hooked = atexit(at_exit) == 0;
    }
    owner = getpid();
    block(&old);
    names[i][k++] = xstrdup(path);
    for (c = 0; db && c < ARRAY_SIZE(companions); c++) {
        struct sbuf sb = SBUF_INIT;

        sbuf_addf(&sb, "%s%s", path, companions[c]);
        names[i][k++] = sbuf_detach(&sb);
    }
    names[i][k] = NULL;
    used[i] = 1;
    handlers_ensure();
    sigprocmask(SIG_SETMASK, &old, NULL);
    return i;
}

/* Forget slot I; UNLINK: remove its files first. */
static void
reg_drop(int i, int unlink_them)
{
    sigset_t old;
    size_t k;

    if (i < 0 || i >= TEMPFILE_MAX || !used[i]) {
        return;
    }
    block(&old);
    used[i] = 0;
    for (k = 0; names[i][k] != NULL; k++) {
        if (unlink_them) {
            unlink(names[i][k]);
        }
        free(names[i][k]);
        names[i][k] = NULL;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
}

/* The error for a temporary file that cannot be made in DIR for PATH. */
static int
dir_error(const char *path, const char *dir, int err, struct err *e)
{
    switch (err) {
    case ENOENT:
        return err_set(e, ERR_IO, _("cannot write '%s': the directory '%s' does not exist"),
                       path, dir);
    case ENOTDIR:
        return err_set(e, ERR_IO, _("cannot write '%s': '%s' is not a directory"),
                       path, dir);
    case EACCES:
    case EPERM:
    case EROFS:
        return err_set(e, ERR_IO, _("cannot write '%s': you may not write in the directory '%s' (%s)"),
                       path, dir, strerror(err));
    default:
        return err_set(e, ERR_IO, _("cannot create '%s': %s"), path, strerror(err));
    }
}

/* The PID of a name NAME[-companion] made by tempfile_create, or 0. */
static long
tag_pid(const char *name)
{
    const char *t = strstr(name, TAG);
    char *end;
    long pid;

    if (name[0] != '.' || t == NULL) {
        return 0;
    }
    pid = strtol(t + strlen(TAG), &end, 10);
    if (end == t + strlen(TAG) || *end != '.' || strlen(end + 1) < 6) {
        return 0;
    }
    return pid;
}

int
tempfile_sweep(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int n = 0;

    if (d == NULL) {
        return 0;
    }
    while ((de = readdir(d)) != NULL) {
        long pid = tag_pid(de->d_name);
        struct stat st;

        if (pid <= 0 || pid == (long)getpid() ||
            fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISREG(st.st_mode) || st.st_uid != geteuid()) {
            continue;
        }
        if (kill((pid_t)pid, 0) != 0 && errno == ESRCH &&
            unlinkat(dirfd(d), de->d_name, 0) == 0) {
            n++;
        }
    }
    closedir(d);
    return n;
}

static int
create_native(struct tempfile *t, const char *dest, const char *dir_override,
              int db, struct err *e)
{
    const char *slash = strrchr(dest, '/');
    const char *base = slash != NULL ? slash + 1 : dest;
    char *dir = dir_override != NULL ? xstrdup(dir_override) : path_dirname(dest);
    struct sbuf sb = SBUF_INIT;
    int fd;

    t->path = NULL;
    t->slot = -1;
    tempfile_sweep(dir);
    sbuf_addf(&sb, "%s/.%s" TAG "%ld.XXXXXX", dir, base, (long)getpid());
    t->path = sbuf_detach(&sb);
    fd = mkostemp(t->path, O_CLOEXEC);
    if (fd < 0) {
        dir_error(dest, dir, errno, e);
    } else if (fchmod(fd, 0600) != 0 || (t->slot = reg_add(t->path, db)) < 0) {
        err_set(e, ERR_IO, _("cannot create '%s': %s"), t->path,
                strerror(errno));
        close(fd);
        unlink(t->path);
        fd = -1;
    }
    if (fd < 0) {
        free(t->path);
        t->path = NULL;
    }
    free(dir);
    return fd;
}

/* DEST, DIR_OVERRIDE and the other file names given to these functions
 * are text (UTF-8); the file system's names are in the locale's set. */
int
tempfile_create(struct tempfile *t, const char *dest, const char *dir_override,
                int db, struct err *e)
{
    char *native = lcio_path(dest);
    char *dir = dir_override != NULL ? lcio_path(dir_override) : NULL;
    int fd = create_native(t, native, dir, db, e);

    free(dir);
    free(native);
    return fd;
}

/* fsync the directory of PATH so that the rename lasts; best effort. */
static void
sync_dir(const char *path)
{
    char *dir = path_dirname(path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

int
tempfile_dest_check(const char *path, int overwrite, mode_t *mode, struct err *e)
{
    struct stat st;
    int exists;
    char *native;

    if (path == NULL || *path == '\0') {
        return err_set(e, ERR_INVALID, _("no file name given"));
    }
    /* lstat: a link is not followed, so nothing lands where a link
     * points, and a device or FIFO is never replaced by a file. */
    native = lcio_path(path);
    exists = lstat(native, &st) == 0;
    free(native);
    if (path[strlen(path) - 1] == '/' || (exists && S_ISDIR(st.st_mode))) {
        return err_set(e, ERR_IO, _("'%s' is a directory; give a file name"), path);
    }
    if (exists && S_ISLNK(st.st_mode)) {
        return err_set(e, ERR_IO, _("'%s' is a symbolic link; give the name of the file itself"),
                       path);
    }
    if (exists && !S_ISREG(st.st_mode)) {
        return err_set(e, ERR_IO, _("'%s' is not an ordinary file (a device, a pipe or a socket); prints, exports and backups are written to ordinary files only"),
                       path);
    }
    if (exists && !overwrite) {
        return err_set(e, ERR_IO, _("'%s' already exists"), path);
    }
    if (exists && mode != NULL) {
        *mode = st.st_mode & 0777;
    }
    return 0;
}

static int
place_native(struct tempfile *t, const char *dest, int overwrite, struct err *e)
{
    int placed = 0;

    if (!overwrite) {
        if (link(t->path, dest) == 0) {
            unlink(t->path);
            placed = 1;
        } else if (errno == EEXIST) {
            return err_set(e, ERR_IO, _("'%s' already exists"), dest);
        }
    }
    if (!placed && rename(t->path, dest) != 0) {
        return err_set(e, ERR_IO, _("cannot rename '%s' to '%s': %s"), t->path, dest,
                       strerror(errno));
    }
    sync_dir(dest);
    /* The companions (a closed database has none left) go all the same. */
    reg_drop(t->slot, 1);
    free(t->path);
    t->path = NULL;
    t->slot = -1;
    return 0;
}

int
tempfile_place(struct tempfile *t, const char *dest, int overwrite, struct err *e)
{
    char *native = lcio_path(dest);
    int rc = place_native(t, native, overwrite, e);

    free(native);
    return rc;
}

void
tempfile_remove(struct tempfile *t)
{
    if (t->path == NULL) {
        return;
    }
    unlink(t->path);
    reg_drop(t->slot, 1);
    free(t->path);
    t->path = NULL;
    t->slot = -1;
}
