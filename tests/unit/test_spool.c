/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_spool.c - handing prints over: the print command (a fake one,
 * written by the test as a shell script, records what it was given: the
 * arguments, the environment and the file), its failures, and writing a
 * print to a file whole or not at all.
 */
#include "config.h"
#include "helpers.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "print/spool.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* A print with a NUL, a newline, Chinese and bytes that are not text. */
static const char DATA[] = "%PDF-1.4\n\0\x01\xff 低保名单\n%%EOF";
#define DATA_LEN (sizeof(DATA) - 1)

/* The fake lp: records its arguments, its initial environment (from
 * /proc, so the shell adds nothing) and a copy of its last argument. */
static const char REC_SH[] =
    "#!/bin/sh\n"
    "out=\"$(dirname \"$0\")/rec\"\n"
    ": >\"$out.argv\"\n"
    "for a in \"$@\"; do printf '%s\\n' \"$a\" >>\"$out.argv\"; last=$a; done\n"
    "tr '\\000' '\\n' </proc/$$/environ >\"$out.env\"\n"
    "cp -- \"$last\" \"$out.file\"\n"
    "ls -l -- \"$last\" >\"$out.ls\"\n";

struct fixture {
    char *dir;          /* scratch directory */
    char *tmp;          /* $TMPDIR while a test runs: must end up empty */
    char *old_tmpdir;
};

static int
setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    const char *t = getenv("TMPDIR");

    f->old_tmpdir = t != NULL ? xstrdup(t) : NULL;
    f->dir = helpers_tmpdir();
    f->tmp = path_join(f->dir, "tmp");
    assert_int_equal(mkdir(f->tmp, 0700), 0);
    setenv("TMPDIR", f->tmp, 1);
    i18n_set_language("en");
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *f = *state;

    if (f->old_tmpdir != NULL) {
        setenv("TMPDIR", f->old_tmpdir, 1);
    } else {
        unsetenv("TMPDIR");
    }
    free(f->old_tmpdir);
    free(f->tmp);
    helpers_rmdir(f->dir);
    free(f);
    return 0;
}

/* Write an executable script NAME with TEXT into DIR; returns its path. */
static char *
script(const char *dir, const char *name, const char *text)
{
    char *p = helpers_write(dir, name, text);

    assert_int_equal(chmod(p, 0755), 0);
    return p;
}

/* The whole of file DIR/NAME (NUL-terminated; *LEN its length). */
static char *
slurp(const char *dir, const char *name, size_t *len)
{
    char *p = path_join(dir, name);
    FILE *fp = fopen(p, "rb");
    struct sbuf sb = SBUF_INIT;
    char buf[4096];
    size_t n;

    if (fp == NULL) {
        fail_msg("cannot read %s", p);
    }
    while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
        sbuf_add(&sb, buf, n);
    }
    fclose(fp);
    free(p);
    if (len != NULL) {
        *len = sb.len;
    }
    return sbuf_detach(&sb);
}

static int
not_dots(const struct dirent *de)
{
    return strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
}

/* Names in DIR other than "." and "..", sorted, each followed by a
 * newline. */
static char *
listing(const char *dir)
{
    struct dirent **names;
    struct sbuf sb = SBUF_INIT;
    int i, n = scandir(dir, &names, not_dots, alphasort);

    assert_true(n >= 0);
    for (i = 0; i < n; i++) {
        sbuf_addf(&sb, "%s\n", names[i]->d_name);
        free(names[i]);
    }
    free(names);
    return sbuf_detach(&sb);
}

static void
assert_dir_holds(const char *dir, const char *want)
{
    char *have = listing(dir);

    assert_string_equal(have, want);
    free(have);
}

/* No child left behind, not even a zombie. */
static void
assert_no_child(void)
{
    int st;

    errno = 0;
    assert_int_equal(waitpid(-1, &st, WNOHANG), -1);
    assert_int_equal(errno, ECHILD);
}

static void
assert_contains(const char *s, const char *part)
{
    if (strstr(s, part) == NULL) {
        fail_msg("\"%s\" does not contain \"%s\"", s, part);
    }
}

/* Run the fake lp with PRINTER and COPIES; expect success, no temporary
 * file left and the exact arguments WANT_ARGS followed by "--" and the
 * temporary file, whose copy must equal DATA. */
static void
run_recorded(struct fixture *f, const char *printer, int copies,
             const char *want_args)
{
    char *cmd = script(f->dir, "lp.sh", REC_SH);
    struct spool_cmd c = { cmd, printer, copies, "低保 名单 2026年" };
    struct err e = { 0 };
    struct sbuf want = SBUF_INIT;
    char *argv, *copy, *ls, *file;
    size_t len;

    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), 0);
    assert_no_child();

    argv = slurp(f->dir, "rec.argv", NULL);
    file = strrchr(argv, '\n');
    assert_non_null(file);
    *file = '\0';
    file = strrchr(argv, '\n') + 1;       /* the last argument */
    sbuf_addf(&want, "%s--\n%s", want_args, file);
    assert_string_equal(argv, want.buf);
    assert_true(strncmp(file, f->tmp, strlen(f->tmp)) == 0);
    assert_non_null(strstr(file, "/.zhenxing-print.zxtmp."));

    copy = slurp(f->dir, "rec.file", &len);
    assert_int_equal(len, DATA_LEN);
    assert_memory_equal(copy, DATA, DATA_LEN);
    ls = slurp(f->dir, "rec.ls", NULL);
    assert_true(strncmp(ls, "-rw------- ", 11) == 0);
    assert_dir_holds(f->tmp, "");         /* the temporary file is gone */

    free(ls);
    free(copy);
    free(argv);
    sbuf_release(&want);
    free(cmd);
}

static void
test_command_arguments(void **state)
{
    run_recorded(*state, "HP_LaserJet", 2,
                 "-d\nHP_LaserJet\n-n\n2\n-t\n低保 名单 2026年\n");
}

static void
test_command_default_printer(void **state)
{
    run_recorded(*state, NULL, 1, "-n\n1\n-t\n低保 名单 2026年\n");
    run_recorded(*state, "", 99, "-n\n99\n-t\n低保 名单 2026年\n");
}

static void
test_command_environment(void **state)
{
    struct fixture *f = *state;
    char *cmd = script(f->dir, "lp.sh", REC_SH);
    struct spool_cmd c = { cmd, NULL, 1, "t" };
    struct err e = { 0 };
    char *env, *line, *save = NULL;
    int have_path = 0, have_lang = 0;

    setenv("FOO", "secret", 1);
    setenv("LD_PRELOAD", "/nonexistent/libspy.so", 1);
    setenv("IFS", "x", 1);
    setenv("LANG", "zh_CN.UTF-8", 1);
    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), 0);
    unsetenv("FOO");
    unsetenv("LD_PRELOAD");
    unsetenv("IFS");
    unsetenv("LANG");

    env = slurp(f->dir, "rec.env", NULL);
    for (line = strtok_r(env, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        static const char *const allowed[] = {
            "PATH=", "HOME=", "USER=", "LOGNAME=", "LANG=", "LC_ALL=", "TZ=",
        };
        size_t i;
        int ok = 0;

        for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
            ok |= strncmp(line, allowed[i], strlen(allowed[i])) == 0;
        }
        if (!ok) {
            fail_msg("the print command was given %s", line);
        }
        have_path |= strcmp(line, "PATH=/usr/local/bin:/usr/bin:/bin") == 0;
        have_lang |= strcmp(line, "LANG=zh_CN.UTF-8") == 0;
    }
    assert_true(have_path);
    assert_true(have_lang);
    free(env);
    free(cmd);
}

static void
test_command_exit_status(void **state)
{
    struct fixture *f = *state;
    char *cmd = script(f->dir, "lp.sh",
                       "#!/bin/sh\n"
                       "echo 'lp: 错误 - 没有默认打印目标' >&2\n"
                       "printf '\\n  second\\tline \\n\\nthird\\nfourth\\n'\n"
                       "exit 3\n");
    struct spool_cmd c = { cmd, NULL, 1, "t" };
    struct err e = { 0 };

    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), -1);
    assert_int_equal(e.code, ERR_IO);
    assert_contains(e.msg, strrchr(cmd, '/') + 1);   /* the program's name */
    assert_contains(e.msg, "exit status 3");
    assert_contains(e.msg, "lp: 错误 - 没有默认打印目标; second line; third");
    assert_null(strstr(e.msg, "fourth"));
    assert_dir_holds(f->tmp, "");
    assert_no_child();
    free(cmd);
}

static void
test_command_missing(void **state)
{
    struct fixture *f = *state;
    struct spool_cmd c = { "zhenxing-no-such-lp", NULL, 1, "t" };
    struct err e = { 0 };
    char *bin = path_join(f->dir, "bin");
    char *p;

    /* On the user's PATH but not on the safe one: not found either. */
    assert_int_equal(mkdir(bin, 0700), 0);
    free(script(bin, "zhenxing-no-such-lp", "#!/bin/sh\nexit 0\n"));
    p = xstrdup(getenv("PATH"));
    setenv("PATH", bin, 1);
    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), -1);
    setenv("PATH", p, 1);
    free(p);
    assert_int_equal(e.code, ERR_IO);
    assert_contains(e.msg, "cannot run the print command zhenxing-no-such-lp");
    assert_contains(e.msg, "print_command");

    /* A path that does not exist: execve fails in the child. */
    c.command = "/nonexistent/bin/lp";
    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), -1);
    assert_contains(e.msg, "cannot run the print command /nonexistent/bin/lp");
    assert_contains(e.msg, strerror(ENOENT));
    assert_no_child();

    /* A file that is not executable: not "failed", "cannot run". */
    p = helpers_write(f->dir, "lp.txt", "#!/bin/sh\nexit 0\n");
    c.command = p;
    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), -1);
    assert_contains(e.msg, "cannot run the print command");
    assert_contains(e.msg, strerror(EACCES));
    assert_null(strstr(e.msg, "exit status"));
    assert_dir_holds(f->tmp, "");
    assert_no_child();
    free(p);
    free(bin);
}

static void
test_command_timeout(void **state)
{
    struct fixture *f = *state;
    /* Deaf to SIGTERM, so only SIGKILL ends it. */
    char *cmd = script(f->dir, "lp.sh",
                       "#!/bin/sh\ntrap '' TERM\necho queued\nsleep 30\n");
    struct spool_cmd c = { cmd, NULL, 1, "t" };
    struct err e = { 0 };
    struct timespec t0, t1;
    double secs;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 1, &e), -1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    assert_true(secs >= 0.9);
    assert_true(secs < 3.0);
    assert_int_equal(e.code, ERR_IO);
    assert_contains(e.msg, strrchr(cmd, '/') + 1);   /* the program's name */
    assert_contains(e.msg, "within 1 seconds");
    assert_contains(e.msg, "queued");
    assert_dir_holds(f->tmp, "");
    assert_no_child();
    free(cmd);
}

static void
test_command_signal(void **state)
{
    struct fixture *f = *state;
    char *cmd = script(f->dir, "lp.sh", "#!/bin/sh\nkill -9 $$\n");
    struct spool_cmd c = { cmd, NULL, 1, "t" };
    struct err e = { 0 };

    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), -1);
    assert_int_equal(e.code, ERR_IO);
    assert_contains(e.msg, strrchr(cmd, '/') + 1);   /* the program's name */
    assert_contains(e.msg, "killed by signal 9");
    assert_dir_holds(f->tmp, "");
    assert_no_child();
    free(cmd);
}

/* A name is looked up in the safe PATH, never the user's: a "true" that
 * fails, first on the user's PATH, is not the one run. */
static void
test_command_safe_path(void **state)
{
    struct fixture *f = *state;
    struct spool_cmd c = { "true", NULL, 1, "t" };
    struct err e = { 0 };
    char *bin = path_join(f->dir, "bin");
    char *old = xstrdup(getenv("PATH"));
    struct sbuf p = SBUF_INIT;
    int rc;

    assert_int_equal(mkdir(bin, 0700), 0);
    free(script(bin, "true", "#!/bin/sh\necho 'wrong true'\nexit 1\n"));
    sbuf_addf(&p, "%s:%s", bin, old);
    setenv("PATH", p.buf, 1);
    rc = spool_command(&c, DATA, DATA_LEN, 10, &e);
    setenv("PATH", old, 1);
    if (rc != 0) {
        fail_msg("%s", e.msg);
    }
    assert_dir_holds(f->tmp, "");
    assert_no_child();
    sbuf_release(&p);
    free(old);
    free(bin);
}

/* A command that prints far more than is kept does not block on the
 * pipe, and only the start of its output is kept. */
static void
test_command_much_output(void **state)
{
    struct fixture *f = *state;
    char *cmd = script(f->dir, "lp.sh",
                       "#!/bin/sh\nhead -c 300000 /dev/zero | tr '\\000' x\nexit 1\n");
    struct spool_cmd c = { cmd, NULL, 1, "t" };
    struct err e = { 0 };

    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 5, &e), -1);
    assert_contains(e.msg, "exit status 1");
    assert_no_child();
    free(cmd);
}

static void
test_command_invalid(void **state)
{
    struct spool_cmd c = { "true", NULL, 0, "t" };
    struct err e = { 0 };

    (void)state;
    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    c.copies = 100;
    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    c.copies = 1;
    c.command = "";
    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    c.command = NULL;
    assert_int_equal(spool_command(&c, DATA, DATA_LEN, 10, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    assert_no_child();
}

static void
test_file_new(void **state)
{
    struct fixture *f = *state;
    char *p = path_join(f->dir, "名单.pdf");
    struct err e = { 0 };
    struct stat st;
    char *got;
    size_t len;

    assert_int_equal(spool_exists(p), 0);
    assert_int_equal(spool_file(p, 0, DATA, DATA_LEN, &e), 0);
    assert_int_equal(spool_exists(p), 1);
    got = slurp(f->dir, "名单.pdf", &len);
    assert_int_equal(len, DATA_LEN);
    assert_memory_equal(got, DATA, DATA_LEN);
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    assert_dir_holds(f->dir, "tmp\n名单.pdf\n");
    free(got);
    free(p);
}

static void
test_file_exists(void **state)
{
    struct fixture *f = *state;
    char *p = helpers_write(f->dir, "out.pdf", "old");
    struct err e = { 0 };
    char *got;

    assert_int_equal(spool_file(p, 0, DATA, DATA_LEN, &e), -1);
    assert_int_equal(e.code, ERR_IO);
    assert_contains(e.msg, "exists");
    assert_contains(e.msg, p);
    got = slurp(f->dir, "out.pdf", NULL);
    assert_string_equal(got, "old");
    free(got);

    assert_int_equal(spool_file(p, 1, "new", 3, &e), 0);
    got = slurp(f->dir, "out.pdf", NULL);
    assert_string_equal(got, "new");
    free(got);
    assert_dir_holds(f->dir, "out.pdf\ntmp\n");
    free(p);
}

static void
test_file_bad_places(void **state)
{
    struct fixture *f = *state;
    char *p = path_join(f->dir, "no-such-dir/out.pdf");
    struct err e = { 0 };

    assert_int_equal(spool_file(p, 1, DATA, DATA_LEN, &e), -1);
    assert_int_equal(e.code, ERR_IO);
    assert_contains(e.msg, "does not exist");
    free(p);

    assert_int_equal(spool_file(f->tmp, 1, DATA, DATA_LEN, &e), -1);
    assert_int_equal(e.code, ERR_IO);
    assert_contains(e.msg, "is a directory");
    assert_int_equal(spool_exists(f->tmp), 0);

    p = helpers_write(f->dir, "plain", "x");
    free(p);
    p = path_join(f->dir, "plain/out.pdf");
    assert_int_equal(spool_file(p, 1, DATA, DATA_LEN, &e), -1);
    assert_contains(e.msg, "is not a directory");
    free(p);

    assert_int_equal(spool_file("", 1, DATA, DATA_LEN, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    assert_int_equal(spool_file(NULL, 1, DATA, DATA_LEN, &e), -1);
    assert_int_equal(e.code, ERR_INVALID);
    assert_dir_holds(f->dir, "plain\ntmp\n");
    assert_dir_holds(f->tmp, "");
}

/* --force replaces an ordinary file only: a FIFO, a symbolic link (to
 * a file or to nowhere) and a device are refused and left as they are. */
static void
test_file_not_ordinary(void **state)
{
    struct fixture *f = *state;
    char *fifo = path_join(f->dir, "fifo");
    char *target = helpers_write(f->dir, "target", "keep");
    char *link = path_join(f->dir, "link");
    struct err e = { 0 };
    struct stat st;
    char buf[8] = "";
    FILE *fp;

    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(spool_file(fifo, 1, DATA, DATA_LEN, &e), -1);
    assert_int_equal(e.code, ERR_IO);
    assert_contains(e.msg, "not an ordinary file");
    assert_int_equal(lstat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));

    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(spool_file(link, 1, DATA, DATA_LEN, &e), -1);
    assert_contains(e.msg, "symbolic link");
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    fp = fopen(target, "r");
    assert_non_null(fp);
    assert_non_null(fgets(buf, sizeof(buf), fp));
    fclose(fp);
    assert_string_equal(buf, "keep");

    /* /dev/null is a device: refused before anything is written near it */
    assert_int_equal(spool_file("/dev/null", 1, DATA, DATA_LEN, &e), -1);
    assert_contains(e.msg, "not an ordinary file");
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    free(fifo);
    free(target);
    free(link);
}

/* As root, the same check in a child that runs as nobody, in "/". */
static void
unwritable_as_nobody(void)
{
    pid_t pid = fork();
    int st;

    assert_true(pid >= 0);
    if (pid == 0) {
        struct err e = { 0 };
        int ok;

        if (setgid(65534) != 0 || setuid(65534) != 0) {
            _exit(2);
        }
        ok = spool_file("/zhenxing-spool-test.pdf", 1, DATA, DATA_LEN, &e) == -1 &&
             e.code == ERR_IO && strstr(e.msg, "may not write") != NULL;
        _exit(ok ? 0 : 1);
    }
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
}

static void
test_file_unwritable_dir(void **state)
{
    struct fixture *f = *state;
    char *p = path_join(f->tmp, "out.pdf");
    struct err e = { 0 };

    if (geteuid() == 0) {
        unwritable_as_nobody();
        free(p);
        return;
    }
    assert_int_equal(chmod(f->tmp, 0500), 0);
    assert_int_equal(spool_file(p, 1, DATA, DATA_LEN, &e), -1);
    chmod(f->tmp, 0700);
    assert_int_equal(e.code, ERR_IO);
    assert_contains(e.msg, "may not write");
    assert_dir_holds(f->tmp, "");
    free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_command_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_default_printer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_environment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_exit_status, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_timeout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_signal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_safe_path, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_much_output, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_invalid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_new, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_exists, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_bad_places, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_not_ordinary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_unwritable_dir, setup, teardown),
    };

    return cmocka_run_group_tests_name("spool", tests, NULL, NULL);
}
