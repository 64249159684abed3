/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * path.c - file locations.
 */
#include "config.h"
#include "util/path.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/err.h"
#include "util/i18n.h"
#include "util/priv.h"
#include "util/xalloc.h"

char *
path_join(const char *a, const char *b)
{
    size_t la = strlen(a);
    char *p = xmalloc(la + strlen(b) + 2);

    memcpy(p, a, la);
    if (la > 0 && a[la - 1] != '/') {
        p[la++] = '/';
    }
    strcpy(p + la, b);
    return p;
}

char *
path_absolute(const char *path)
{
    char cwd[4096];

    if (path[0] == '/' || getcwd(cwd, sizeof(cwd)) == NULL) {
        return xstrdup(path);
    }
    return path_join(cwd, path);
}

char *
path_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (slash == NULL) {
        return xstrdup(".");
    }
    if (slash == path) {
        return xstrdup("/");
    }
    return xstrndup(path, (size_t)(slash - path));
}

static const char *
home_dir(void)
{
    const char *h = getenv("HOME");
    struct passwd *pw;

    if (h != NULL && *h != '\0') {
        return h;
    }
    pw = getpwuid(getuid());
    return pw != NULL ? pw->pw_dir : "/";
}

static char *
xdg_dir(const char *var, const char *fallback)
{
    const char *v = getenv(var);
    char *base, *p;

    if (v != NULL && v[0] == '/') {
        return path_join(v, PACKAGE);
    }
    base = path_join(home_dir(), fallback);
    p = path_join(base, PACKAGE);
    free(base);
    return p;
}

char *
path_data_home(void)
{
    return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *
path_config_home(void)
{
    return xdg_dir("XDG_CONFIG_HOME", ".config");
}

char *
path_state_home(void)
{
    return xdg_dir("XDG_STATE_HOME", ".local/state");
}

int
path_exists(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0;
}

/* The directory of the running program, or NULL. */
static char *
exe_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

    if (n <= 0) {
        return NULL;
    }
    buf[n] = '\0';
    return path_dirname(buf);
}

/* ENV, else DIR-NEXT-TO-EXE when it holds MARKER, else INSTALLED; only
 * INSTALLED when setgid (nothing of the user's chooses the rules or the
 * messages: not a variable, not a copy of the program next to files of
 * their own). */
static char *
find_dir(const char *env, const char *next, const char *marker,
         const char *installed)
{
    const char *v = priv_getenv(env);
    char *dir, *cand, *probe;

    if (priv_setgid()) {
        return xstrdup(installed);
    }
    if (v != NULL && *v != '\0') {
        return xstrdup(v);
    }
    dir = exe_dir();
    if (dir != NULL) {
        cand = path_join(dir, next);
        probe = path_join(cand, marker);
        free(dir);
        if (path_exists(probe)) {
            free(probe);
            return cand;
        }
        free(probe);
        free(cand);
    }
    return xstrdup(installed);
}

char *
path_datadir(void)
{
    return find_dir("ZHENXING_DATADIR", "share", "policy/lines.conf",
                    PKGDATADIR);
}

char *
path_localedir(void)
{
    return find_dir("ZHENXING_LOCALEDIR", "locale",
                    "zh_CN/LC_MESSAGES/" PACKAGE ".mo", LOCALEDIR);
}

char *
path_moduledir(const char *name)
{
    return find_dir("ZHENXING_MODULEDIR", "mod", name, PKGLIBDIR);
}

int
path_mkdirs(const char *dir, struct err *e)
{
    return path_mkdirs_mode(dir, 0700, e);
}

int
path_mkdirs_mode(const char *dir, mode_t mode, struct err *e)
{
    char *p = xstrdup(dir);
    char *s = p;
    int rc = 0;

    while (*s == '/') {
        s++;
    }
    for (;;) {
        char *slash = strchr(s, '/');

        if (slash != NULL) {
            *slash = '\0';
        }
        if (mkdir(p, mode) != 0 && errno != EEXIST) {
            rc = err_set(e, ERR_IO, _("cannot create directory '%s': %s"),
                         p, strerror(errno));
            break;
        }
        if (slash == NULL) {
            break;
        }
        *slash = '/';
        s = slash + 1;
    }
    free(p);
    return rc;
}
