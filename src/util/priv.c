/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * priv.c - the store's group taken and given back (see priv.h).
 */
#include "config.h"
#include "util/priv.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"

/* The group the program was started with, and the user's own. */
static gid_t store_gid, user_gid;
static int started;

/* The store's directory: its name, and its device and inode (set). */
static struct {
    char path[PATH_MAX];
    dev_t dev;
    ino_t ino;
    int set;
} store;

void
priv_init(void)
{
    store_gid = getegid();
    user_gid = getgid();
    started = 1;
    if (store_gid != user_gid) {
        priv_drop();
    }
}

int
priv_setgid(void)
{
    return started && store_gid != user_gid;
}

int
priv_raise(struct err *e)
{
    if (!priv_setgid()) {
        return 0;
    }
    if (setegid(store_gid) != 0) {
        return err_set(e, ERR_IO, _("cannot take the store's group: %s"), strerror(errno));
    }
    return 0;
}

void
priv_drop(void)
{
    if (!priv_setgid()) {
        return;
    }
    if (setegid(user_gid) != 0 || getegid() != user_gid) {
        /* Going on with the store's group is not an option. */
        fprintf(stderr, "zhenxing: cannot give back the store's group: %s\n", strerror(errno));
        _exit(2);
    }
}

int
priv_give_up(void)
{
    gid_t g = getgid();

    return setresgid(g, g, g);
}

void
priv_set_store(const char *dir)
{
    struct stat st;

    snprintf(store.path, sizeof(store.path), "%s", dir);
    store.set = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
    if (store.set) {
        store.dev = st.st_dev;
        store.ino = st.st_ino;
    }
}

const char *
priv_store(void)
{
    return store.path;
}

static int
is_store(const struct stat *st)
{
    return st->st_dev == store.dev && st->st_ino == store.ino;
}

int
priv_in_store(const char *path)
{
    char *dir;
    struct stat st, up_st;
    int fd, up, found = 0;

    if (!store.set || path == NULL || *path == '\0') {
        return 0;
    }
    dir = path_dirname(path);
    fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (fd < 0 || fstat(fd, &st) != 0) {
        goto out;
    }
    /* Up through ".." to the root, whose ".." is itself. */
    while (!(found = is_store(&st))) {
        up = openat(fd, "..", O_PATH | O_DIRECTORY | O_CLOEXEC);
        close(fd);
        fd = up;
        if (fd < 0 || fstat(fd, &up_st) != 0 ||
            (up_st.st_dev == st.st_dev && up_st.st_ino == st.st_ino)) {
            break;
        }
        st = up_st;
    }
out:
    if (fd >= 0) {
        close(fd);
    }
    return found;
}

const char *
priv_getenv(const char *name)
{
    return secure_getenv(name);
}
