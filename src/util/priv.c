/*
 * priv.c - the store's group taken and given back (see priv.h).
 */
#include "config.h"
#include "util/priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/err.h"
#include "util/i18n.h"

/* The group the program was started with, and the user's own. */
static gid_t store_gid, user_gid;
static int started;

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

const char *
priv_getenv(const char *name)
{
    return secure_getenv(name);
}
