/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * path.h - where files live: XDG directories, the data and locale
 * directories (installed or in the build tree), and directory creation.
 */
#ifndef ZX_PATH_H
#define ZX_PATH_H

#include <sys/types.h>

struct err;

/* $XDG_DATA_HOME/zhenxing or ~/.local/share/zhenxing.  Caller frees. */
char *path_data_home(void);

/* $XDG_CONFIG_HOME/zhenxing or ~/.config/zhenxing.  Caller frees. */
char *path_config_home(void);

/* $XDG_STATE_HOME/zhenxing or ~/.local/state/zhenxing.  Caller frees. */
char *path_state_home(void);

/* The directory holding policy and code-table files: $ZHENXING_DATADIR,
 * else "share" next to the running program when it has our files (a
 * build tree), else the installed PKGDATADIR; always PKGDATADIR when
 * the program runs setgid.  Caller frees. */
char *path_datadir(void);

/* The message catalogue root: $ZHENXING_LOCALEDIR, else "locale" next to
 * the program when it exists, else LOCALEDIR; always LOCALEDIR when the
 * program runs setgid.  Caller frees. */
char *path_localedir(void);

/* The directory of our loadable modules (util/module.h) holding NAME
 * ("pdf.so"): $ZHENXING_MODULEDIR, else "mod" next to the program when
 * NAME is there (a build tree), else the installed PKGLIBDIR; always
 * PKGLIBDIR when the program runs setgid.  Caller frees. */
char *path_moduledir(const char *name);

/* Join two path parts with one slash.  Caller frees. */
char *path_join(const char *a, const char *b);

/* PATH made absolute with the working directory (as it is when that
 * cannot be read).  Caller frees. */
char *path_absolute(const char *path);

/* The directory part of PATH ("." when none).  Caller frees. */
char *path_dirname(const char *path);

/* Create DIR and its parents (mode 0700 for new ones). */
int path_mkdirs(const char *dir, struct err *e);

/* The same with MODE (less the umask) for the new ones. */
int path_mkdirs_mode(const char *dir, mode_t mode, struct err *e);

/* 1 when PATH exists. */
int path_exists(const char *path);

#endif
