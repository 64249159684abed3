/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tarzst.c - the snapshot archive's module (tarzst_module.h): a
 * directory's files as one zstd-compressed tar (pax), with libarchive.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>

#include "print/tarzst_module.h"

/* DIR/NAME into A as PREFIX/NAME. */
static int pack_one(struct archive *a, const char *dir, const char *prefix, const char *name)
{
    char path[PATH_MAX], buf[1 << 16];
    struct archive_entry *en = archive_entry_new();
    struct stat st;
    FILE *f;
    size_t n;
    int rc;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "rb");
    rc = f != NULL && fstat(fileno(f), &st) == 0 ? 0 : -1;
    snprintf(path, sizeof(path), "%s/%s", prefix, name);
    archive_entry_set_pathname(en, path);
    if (rc == 0) {
        archive_entry_set_size(en, st.st_size);
        archive_entry_set_filetype(en, AE_IFREG);
        archive_entry_set_perm(en, 0644);
        archive_entry_set_mtime(en, st.st_mtime, 0);
        rc = archive_write_header(a, en) == ARCHIVE_OK ? 0 : -1;
    }
    while (rc == 0 && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
        rc = archive_write_data(a, buf, n) == (la_ssize_t)n ? 0 : -1;
    }
    if (f != NULL) {
        fclose(f);
    }
    archive_entry_free(en);
    return rc;
}

static int pack(int fd, const char *dir, const char *prefix, const char *const *names,
                size_t n, char *why, size_t whylen)
{
    struct archive *a = archive_write_new();
    size_t i;
    int rc;

    rc = archive_write_add_filter_zstd(a) == ARCHIVE_OK &&
                 archive_write_set_format_pax_restricted(a) == ARCHIVE_OK &&
                 archive_write_open_fd(a, fd) == ARCHIVE_OK
             ? 0
             : -1;
    for (i = 0; rc == 0 && i < n; i++) {
        rc = pack_one(a, dir, prefix, names[i]);
    }
    if (archive_write_close(a) != ARCHIVE_OK) {
        rc = -1;
    }
    if (rc < 0) {
        snprintf(why, whylen, "%s",
                 archive_error_string(a) != NULL ? archive_error_string(a) : strerror(errno));
    }
    archive_write_free(a);
    return rc;
}

__attribute__((visibility("default")))
const struct tarzst_module zx_tarzst_module_v1 = {.pack = pack};
