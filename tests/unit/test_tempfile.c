/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_tempfile.c - temporary files: 0600 under a recognisable name,
 * placed whole or removed, gone when SIGINT, SIGTERM or SIGHUP ends the
 * program and at exit, left alone when the program handles or ignores
 * the signal, and swept after a SIGKILL; the destination check.
 */
#include "config.h"
#include "helpers.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sbuf.h"
#include "util/tempfile.h"
#include "util/xalloc.h"

static int
setup(void **state)
{
    i18n_set_language("en");
    *state = helpers_tmpdir();
    return 0;
}

static int
teardown(void **state)
{
    helpers_rmdir(*state);
    return 0;
}

/* How many entries DIR holds (but . and ..). */
static int
entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int n = 0;

    assert_non_null(d);
    while ((de = readdir(d)) != NULL) {
        n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    }
    closedir(d);
    return n;
}

static void
test_create_place(void **state)
{
    const char *dir = *state;
    char *dest = path_join(dir, "out.pdf");
    struct tempfile t;
    struct stat st;
    struct err e;
    char name[64];
    int fd;

    umask(022);
    fd = tempfile_create(&t, dest, NULL, 0, &e);
    assert_true(fd >= 0);
    snprintf(name, sizeof(name), "/.out.pdf.zxtmp.%ld.", (long)getpid());
    assert_non_null(strstr(t.path, name));
    assert_int_equal(fstat(fd, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(write(fd, "x", 1), 1);
    close(fd);
    assert_int_equal(tempfile_place(&t, dest, 0, &e), 0);
    assert_null(t.path);
    assert_int_equal(entries(dir), 1);
    assert_int_equal(stat(dest, &st), 0);
    assert_int_equal(st.st_size, 1);

    /* Without overwrite an existing file is refused, the temporary kept
     * for the caller to remove. */
    fd = tempfile_create(&t, dest, NULL, 0, &e);
    close(fd);
    assert_int_equal(tempfile_place(&t, dest, 0, &e), -1);
    assert_non_null(strstr(e.msg, "already exists"));
    assert_int_equal(entries(dir), 2);
    tempfile_remove(&t);
    assert_int_equal(entries(dir), 1);
    tempfile_remove(&t);                  /* twice is harmless */
    free(dest);
}

static void
test_missing_dir(void **state)
{
    char *dest = path_join(*state, "no/such/out.pdf");
    struct tempfile t;
    struct err e;

    assert_int_equal(tempfile_create(&t, dest, NULL, 0, &e), -1);
    assert_non_null(strstr(e.msg, "does not exist"));
    assert_null(t.path);
    free(dest);
}

/* Run BODY(DIR) in a child; returns its wait status. */
static int
in_child(void (*body)(const char *dir), const char *dir)
{
    pid_t pid;
    int status;

    fflush(NULL);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        body(dir);
        _exit(0);
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return status;
}

/* What the child does before its temporary file: the signal it raises
 * and its disposition (NULL: the default). */
static int child_sig;
static void (*child_before)(int);

/* Make a temporary file (a database with its journal) for DIR/copy.db,
 * then raise CHILD_SIG. */
static void
raises(const char *dir)
{
    char *dest = path_join(dir, "copy.db");
    struct tempfile t;
    struct sbuf j = SBUF_INIT;
    struct err e;
    sigset_t unblock;
    FILE *fp;

    /* The disposition and mask the test runs with are the harness's
     * (a CI runner may start it with the signal ignored or blocked):
     * the child sets both, so it tests what it says. */
    sigemptyset(&unblock);
    sigaddset(&unblock, child_sig);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    signal(child_sig, child_before != NULL ? child_before : SIG_DFL);
    if (tempfile_create(&t, dest, NULL, 1, &e) < 0) {
        _exit(3);
    }
    sbuf_addf(&j, "%s-journal", t.path);
    fp = fopen(j.buf, "w");
    if (fp == NULL) {
        _exit(4);
    }
    fclose(fp);
    raise(child_sig);
}

static int
child_raises(const char *dir, int sig, void (*before)(int))
{
    child_sig = sig;
    child_before = before;
    return in_child(raises, dir);
}

static void
test_fatal_signals(void **state)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    size_t i;

    for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        int status = child_raises(*state, sigs[i], NULL);

        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), sigs[i]);
        assert_int_equal(entries(*state), 0);   /* the file and its journal */
    }
}

static void
noop(int sig)
{
    (void)sig;
}

static void
test_handled_signal(void **state)
{
    /* A program that ignores or handles the signal goes on: its files
     * stay for it (here the child's _exit, which runs no atexit hook). */
    int status = child_raises(*state, SIGTERM, SIG_IGN);

    assert_true(WIFEXITED(status));
    assert_int_equal(entries(*state), 2);
    /* The next one sweeps what the first (gone now) left. */
    status = child_raises(*state, SIGHUP, noop);
    assert_true(WIFEXITED(status));
    assert_int_equal(entries(*state), 2);
}

/* Make a temporary file and exit() without removing it. */
static void
exits(const char *dir)
{
    char *dest = path_join(dir, "x.csv");
    struct tempfile t;
    struct err e;
    int rc = tempfile_create(&t, dest, NULL, 0, &e);

    free(dest);
    exit(rc < 0 ? 3 : 0);
}

static void
test_at_exit(void **state)
{
    int status = in_child(exits, *state);

    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_int_equal(entries(*state), 0);
}

/* Create DIR/NAME (empty). */
static void
touch(const char *dir, const char *name)
{
    char *p = helpers_write(dir, name, "");

    free(p);
}

static void
test_sweep(void **state)
{
    const char *dir = *state;
    struct sbuf sb = SBUF_INIT;
    pid_t dead;
    int status;

    /* A process that has ended: its pid names no process now. */
    dead = fork();
    if (dead == 0) {
        _exit(0);
    }
    assert_int_equal(waitpid(dead, &status, 0), dead);
    sbuf_addf(&sb, ".c.db.zxtmp.%ld.a1B2c3", (long)dead);
    touch(dir, sb.buf);
    sbuf_adds(&sb, "-journal");
    touch(dir, sb.buf);
    sbuf_reset(&sb);
    sbuf_addf(&sb, ".c.db.zxtmp.%ld.d4E5f6", (long)getppid());   /* alive */
    touch(dir, sb.buf);
    touch(dir, "c.db.zxtmp.1.abcdef");                 /* not hidden: not ours */
    touch(dir, ".c.db.zxtmp.x.abcdef");                /* no pid */
    assert_int_equal(tempfile_sweep(dir), 2);
    assert_int_equal(entries(dir), 3);
    sbuf_release(&sb);
}

static void
test_dest_check(void **state)
{
    const char *dir = *state;
    char *file = helpers_write(dir, "f", "x");
    char *link = path_join(dir, "l");
    char *fifo = path_join(dir, "p");
    struct err e;
    mode_t mode = 0;

    assert_int_equal(chmod(file, 0640), 0);
    assert_int_equal(symlink(file, link), 0);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(tempfile_dest_check(file, 0, &mode, &e), -1);
    assert_non_null(strstr(e.msg, "already exists"));
    assert_int_equal(tempfile_dest_check(file, 1, &mode, &e), 0);
    assert_int_equal(mode, 0640);
    assert_int_equal(tempfile_dest_check(link, 1, &mode, &e), -1);
    assert_non_null(strstr(e.msg, "symbolic link"));
    assert_int_equal(tempfile_dest_check(fifo, 1, &mode, &e), -1);
    assert_non_null(strstr(e.msg, "not an ordinary file"));
    assert_int_equal(tempfile_dest_check(dir, 1, &mode, &e), -1);
    assert_non_null(strstr(e.msg, "is a directory"));
    assert_int_equal(tempfile_dest_check("", 1, &mode, &e), -1);
    free(file);
    free(link);
    free(fifo);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_create_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fatal_signals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_handled_signal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_at_exit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sweep, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dest_check, setup, teardown),
    };

    return cmocka_run_group_tests_name("tempfile", tests, NULL, NULL);
}
