/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * spool.c - handing a finished print over: to the print command (run
 * with fork and execve, never a shell, with the real user's ids, a clean
 * environment, its output captured and a time limit), or to a file
 * written whole or not at all (temporary file, fsync, rename).
 */
#include "config.h"
#include "print/spool.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/array.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/priv.h"
#include "util/sbuf.h"
#include "util/tempfile.h"
#include "util/xalloc.h"

/* Where a command name is looked up: never the user's PATH. */
#define SAFE_PATH "/usr/local/bin:/usr/bin:/bin"
/* Output of the command kept for the message; the rest is read and
 * dropped so the command never blocks on a full pipe. */
#define OUTPUT_MAX 4096
#define OUTPUT_LINES 3
/* After SIGTERM, how long the command has to go before SIGKILL. */
#define TERM_GRACE_MS 1000
/* How often the parent looks whether the command has ended. */
#define SLICE_MS 100
/* Fds above this are closed in the child by a loop when close_range()
 * is not there. */
#define FD_LOOP_MAX 65536

/* Variables passed on from our environment (besides the fixed PATH). */
static const char *const env_keep[] = {
    "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ",
    "CUPS_SERVER",          /* lp's print server, when not the local one */
};
#define ENV_MAX (1 + ARRAY_SIZE(env_keep) + 1)

/* Everything the child needs, prepared before fork so that the child
 * only makes async-signal-safe calls. */
struct job {
    char *prog;             /* the file executed */
    char *argv[10];
    char copies[16];
    char *envp[ENV_MAX];
    int devnull, out_r, out_w, st_r, st_w;
    int fd_max;
};

/* The outcome of running the command. */
struct run {
    int exec_errno;         /* the child could not execve: its errno */
    int status;             /* waitpid status */
    int timed_out;
    struct sbuf out;        /* first OUTPUT_MAX bytes of stdout+stderr */
};

/* ---- small file helpers ------------------------------------------------ */

/* Write all of DATA to FD, through short writes and EINTR. */
static int
write_all(int fd, const void *data, size_t len)
{
    const char *p = data;

    while (len > 0) {
        ssize_t n = write(fd, p, len);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            if (n == 0) {
                errno = EIO;
            }
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Close FD, keeping errno; -1 is left alone. */
static void
close_quietly(int fd)
{
    int saved = errno;

    if (fd >= 0) {
        close(fd);
    }
    errno = saved;
}

/* Move FD above the standard ones (0, 1, 2) so that the child's dup2()
 * onto them can never clobber it.  Returns the fd, or -1. */
static int
fd_high(int fd)
{
    int hi;

    if (fd < 0 || fd > 2) {
        return fd;
    }
    hi = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    close_quietly(fd);
    return hi;
}

/* ---- the print command ------------------------------------------------- */

/* Write DATA to a new private file in $TMPDIR or /tmp (T, removed by
 * the caller). */
static int
temp_write(const char *name, const void *data, size_t len, struct tempfile *t,
           struct err *e)
{
    const char *dir = getenv("TMPDIR");
    int fd, rc = 0;

    if (dir == NULL || *dir == '\0') {
        dir = "/tmp";
    }
    fd = tempfile_create(t, "zhenxing-print", dir, 0, e);
    if (fd < 0) {
        err_prefix(e, _("cannot write the temporary file for the print command %s"), name);
        return -1;
    }
    if (write_all(fd, data, len) != 0) {
        rc = -1;
        close_quietly(fd);
    } else if (close(fd) != 0) {
        rc = -1;
    }
    if (rc != 0) {
        err_set(e, ERR_IO, _("cannot write the temporary file %s for the print command %s: %s"),
                t->path, name, strerror(errno));
        tempfile_remove(t);
    }
    return rc;
}

/* 1 when P is a regular file we may execute. */
static int
executable(const char *p)
{
    struct stat st;

    return stat(p, &st) == 0 && S_ISREG(st.st_mode) && access(p, X_OK) == 0;
}

/* The file to execute for CMD: CMD itself when it has a slash, else the
 * first executable CMD in SAFE_PATH.  NULL with errno set when none. */
static char *
resolve(const char *cmd)
{
    const char *dir = SAFE_PATH;

    if (strchr(cmd, '/') != NULL) {
        return xstrdup(cmd);
    }
    while (*dir != '\0') {
        size_t n = strcspn(dir, ":");
        char *d = xstrndup(dir, n);
        char *p = path_join(d, cmd);

        free(d);
        if (executable(p)) {
            return p;
        }
        free(p);
        dir += n + (dir[n] == ':');
    }
    errno = ENOENT;
    return NULL;
}

/* The child's environment: the safe PATH and the kept variables set. */
static void
env_build(char **envp)
{
    size_t i, n = 0;

    envp[n++] = xstrdup("PATH=" SAFE_PATH);
    for (i = 0; i < ARRAY_SIZE(env_keep); i++) {
        const char *v = getenv(env_keep[i]);

        if (v != NULL) {
            struct sbuf sb = SBUF_INIT;

            sbuf_addf(&sb, "%s=%s", env_keep[i], v);
            envp[n++] = sbuf_detach(&sb);
        }
    }
    envp[n] = NULL;
}

/* COMMAND [-d PRINTER] -n COPIES -t TITLE -- FILE */
static void
argv_build(struct job *j, const struct spool_cmd *c, char *file)
{
    size_t n = 0;

    snprintf(j->copies, sizeof(j->copies), "%d", c->copies);
    j->argv[n++] = (char *)c->command;
    if (c->printer != NULL && *c->printer != '\0') {
        j->argv[n++] = "-d";
        j->argv[n++] = (char *)c->printer;
    }
    j->argv[n++] = "-n";
    j->argv[n++] = j->copies;
    j->argv[n++] = "-t";
    j->argv[n++] = (char *)(c->title != NULL ? c->title : "zhenxing");
    j->argv[n++] = "--";
    j->argv[n++] = file;
    j->argv[n] = NULL;
}

/* Open /dev/null and the two pipes (output, exec status), all
 * close-on-exec and above fd 2. */
static int
job_fds(struct job *j)
{
    int out[2], st[2];

    j->devnull = fd_high(open("/dev/null", O_RDONLY | O_CLOEXEC));
    if (j->devnull < 0) {
        return -1;
    }
    if (pipe2(out, O_CLOEXEC) != 0) {
        return -1;
    }
    j->out_r = fd_high(out[0]);
    j->out_w = fd_high(out[1]);
    if (pipe2(st, O_CLOEXEC) != 0) {
        return -1;
    }
    j->st_r = fd_high(st[0]);
    j->st_w = fd_high(st[1]);
    if (j->out_r < 0 || j->out_w < 0 || j->st_r < 0 || j->st_w < 0) {
        return -1;
    }
    return 0;
}

static void
job_init(struct job *j)
{
    long m = sysconf(_SC_OPEN_MAX);

    memset(j, 0, sizeof(*j));
    j->devnull = j->out_r = j->out_w = j->st_r = j->st_w = -1;
    j->fd_max = (m < 0 || m > FD_LOOP_MAX) ? FD_LOOP_MAX : (int)m;
}

static void
job_clear(struct job *j)
{
    size_t i;

    for (i = 0; j->envp[i] != NULL; i++) {
        free(j->envp[i]);
    }
    free(j->prog);
    close_quietly(j->devnull);
    close_quietly(j->out_r);
    close_quietly(j->out_w);
    close_quietly(j->st_r);
    close_quietly(j->st_w);
}

/* In the child: close every fd from 3 up but KEEP (which is >= 3). */
static void
close_others(int keep, int fd_max)
{
    int fd;

#ifdef SYS_close_range
    if ((keep == 3 || syscall(SYS_close_range, 3u, (unsigned)keep - 1, 0u) == 0) &&
        syscall(SYS_close_range, (unsigned)keep + 1, ~0u, 0u) == 0) {
        return;
    }
#endif
    for (fd = 3; fd < fd_max; fd++) {
        if (fd != keep) {
            close(fd);
        }
    }
}

/* In the child: the default disposition of the signals a terminal
 * program catches or ignores, and none blocked. */
static void
signals_default(void)
{
    static const int sigs[] = { SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP,
                                SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH };
    struct sigaction sa;
    sigset_t none;
    size_t i;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < ARRAY_SIZE(sigs); i++) {
        sigaction(sigs[i], &sa, NULL);
    }
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

/* In the child (async-signal-safe calls only): set up stdin, stdout,
 * stderr, drop set-id privileges, execve.  On failure the errno goes
 * down the status pipe. */
static void __attribute__((noreturn))
child(const struct job *j)
{
    int err;

    setpgid(0, 0);
    if (dup2(j->devnull, 0) < 0 || dup2(j->out_w, 1) < 0 ||
        dup2(j->out_w, 2) < 0) {
        goto fail;
    }
    if (priv_give_up() != 0) {
        goto fail;
    }
    if (geteuid() != getuid() && setuid(getuid()) != 0) {
        goto fail;
    }
    close_others(j->st_w, j->fd_max);
    signals_default();
    execve(j->prog, j->argv, j->envp);
fail:
    err = errno;
    if (write(j->st_w, &err, sizeof(err)) < 0) {
        /* nothing more the child can do */
    }
    _exit(127);
}

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reap PID without blocking: 1 when it has ended (*STATUS set), 0 when
 * it runs.  A child we cannot wait for (ECHILD: someone else reaped it)
 * counts as ended with status 0. */
static int
reaped(pid_t pid, int *status)
{
    pid_t r;

    do {
        r = waitpid(pid, status, WNOHANG);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        *status = 0;
        return 1;
    }
    return r == pid;
}

/* 1 when PID has ended, without reaping it (so that its pid, which is
 * also its process group's id, cannot be reused yet). */
static int
ended(pid_t pid)
{
    siginfo_t si;

    memset(&si, 0, sizeof(si));
    while (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) != 0) {
        if (errno != EINTR) {
            return 1;
        }
    }
    return si.si_pid == pid;
}

/* Append the N bytes of BUF to OUT as far as OUTPUT_MAX allows. */
static void
keep(struct sbuf *out, const char *buf, size_t n)
{
    if (out->len < OUTPUT_MAX) {
        size_t room = OUTPUT_MAX - out->len;

        sbuf_add(out, buf, n < room ? n : room);
    }
}

/* Read once from FD, keeping the first OUTPUT_MAX bytes in OUT.  Returns
 * 0 at end of file or on an error, 1 when more may come. */
static int
read_some(int fd, struct sbuf *out)
{
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof(buf));

    if (n < 0) {
        return errno == EINTR || errno == EAGAIN;
    }
    if (n > 0) {
        keep(out, buf, (size_t)n);
    }
    return n > 0;
}

/* After the command ended: what is left in the pipe, without waiting
 * (a process it left behind may hold the pipe open). */
static void
read_rest(int fd, struct sbuf *out)
{
    char buf[4096];
    int i;

    if (fcntl(fd, F_SETFL, O_NONBLOCK) != 0) {
        return;
    }
    for (i = 0; i < 16; i++) {
        ssize_t n = read(fd, buf, sizeof(buf));

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        keep(out, buf, (size_t)n);
    }
}

/* Read the output until the command ends (reaped: returns 1) or
 * DEADLINE passes (returns 0). */
static int
collect(int fd, pid_t pid, long long deadline, struct run *r)
{
    int more = 1;

    for (;;) {
        long long left = deadline - now_ms();
        struct pollfd p = { fd, POLLIN, 0 };

        if (left <= 0) {
            return 0;
        }
        if (poll(&p, more ? 1 : 0, left < SLICE_MS ? (int)left : SLICE_MS) > 0) {
            more = read_some(fd, &r->out);
        } else if (reaped(pid, &r->status)) {
            if (more) {
                read_rest(fd, &r->out);
            }
            return 1;
        }
    }
}

/* Stop the command and whatever it started (its process group):
 * SIGTERM, SIGKILL after a grace period, then reap it. */
static void
stop(pid_t pid, int *status)
{
    long long until = now_ms() + TERM_GRACE_MS;

    kill(-pid, SIGTERM);
    kill(pid, SIGTERM);
    while (!ended(pid) && now_ms() < until) {
        poll(NULL, 0, 20);
    }
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
    while (waitpid(pid, status, 0) < 0 && errno == EINTR) {
    }
}

/* The errno the child sent down the status pipe, or 0 when it reached
 * execve (the pipe closed). */
static int
exec_errno(int fd)
{
    int err = 0;
    ssize_t n;

    do {
        n = read(fd, &err, sizeof(err));
    } while (n < 0 && errno == EINTR);
    return n == (ssize_t)sizeof(err) ? err : 0;
}

/* Fork, exec and wait for the command of J. */
static int
job_run(struct job *j, int timeout_s, struct run *r)
{
    pid_t pid = fork();

    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        child(j);
    }
    setpgid(pid, pid);
    close_quietly(j->out_w);
    close_quietly(j->st_w);
    j->out_w = j->st_w = -1;
    r->exec_errno = exec_errno(j->st_r);
    if (r->exec_errno != 0) {
        while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR) {
        }
        return 0;
    }
    if (!collect(j->out_r, pid, now_ms() + (long long)timeout_s * 1000, r)) {
        r->timed_out = 1;
        stop(pid, &r->status);
    }
    return 0;
}

/* The first OUTPUT_LINES non-empty lines of OUT on one line, separated
 * by "; ", control characters made spaces. */
static void
first_lines(const struct sbuf *out, struct sbuf *lines)
{
    const char *p = out->buf, *end = out->buf + out->len;
    struct sbuf one = SBUF_INIT;
    int n = 0;

    while (p < end && n < OUTPUT_LINES) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *q = nl != NULL ? nl : end;
        size_t lead;

        sbuf_reset(&one);
        for (; p < q; p++) {
            unsigned char ch = (unsigned char)*p;

            sbuf_addch(&one, ch < 0x20 || ch == 0x7f ? ' ' : ch);
        }
        sbuf_rtrim(&one);
        lead = strspn(one.buf, " ");
        if (one.buf[lead] != '\0') {
            sbuf_adds(lines, n++ > 0 ? "; " : "");
            sbuf_adds(lines, one.buf + lead);
        }
        p = q + (q < end);
    }
    sbuf_release(&one);
}

/* Turn the outcome R of command NAME into 0 or an error. */
static int
report(const char *name, struct run *r, int timeout_s, struct err *e)
{
    struct sbuf what = SBUF_INIT, lines = SBUF_INIT;
    int rc = -1;

    if (r->exec_errno == ENOENT) {
        return err_set(e, ERR_IO, _("cannot run the print command %s: %s; set print_command in the settings, or install cups-client"),
                       name, strerror(r->exec_errno));
    }
    if (r->exec_errno != 0) {
        return err_set(e, ERR_IO, _("cannot run the print command %s: %s"),
                       name, strerror(r->exec_errno));
    }
    if (r->timed_out) {
        sbuf_addf(&what, _("the print command %s did not finish within %d seconds and was stopped"),
                  name, timeout_s);
    } else if (WIFSIGNALED(r->status)) {
        sbuf_addf(&what, _("the print command %s was killed by signal %d"),
                  name, WTERMSIG(r->status));
    } else if (WIFEXITED(r->status) && WEXITSTATUS(r->status) != 0) {
        sbuf_addf(&what, _("the print command %s failed with exit status %d"),
                  name, WEXITSTATUS(r->status));
    } else {
        rc = 0;
    }
    if (rc != 0) {
        first_lines(&r->out, &lines);
        if (lines.len > 0) {
            err_set(e, ERR_IO, _("%s: %s"), what.buf, lines.buf);
        } else {
            err_set(e, ERR_IO, "%s", what.buf);
        }
    }
    sbuf_release(&what);
    sbuf_release(&lines);
    return rc;
}

static int
check_cmd(const struct spool_cmd *c, struct err *e)
{
    if (c->command == NULL || *c->command == '\0') {
        return err_set(e, ERR_INVALID, _("no print command is set; set print_command in the settings"));
    }
    if (c->copies < 1 || c->copies > 99) {
        return err_set(e, ERR_INVALID, _("the number of copies must be between 1 and 99, not %d"),
                       c->copies);
    }
    return 0;
}

int
spool_command(const struct spool_cmd *c, const void *data, size_t len,
              int timeout_s, struct err *e)
{
    struct job j;
    struct run r;
    struct tempfile file;
    int rc;

    if (check_cmd(c, e) != 0) {
        return -1;
    }
    if (timeout_s < 1) {
        timeout_s = 1;
    }
    job_init(&j);
    memset(&r, 0, sizeof(r));
    sbuf_init(&r.out);
    j.prog = resolve(c->command);
    if (j.prog == NULL) {
        r.exec_errno = errno;
        rc = report(c->command, &r, timeout_s, e);
    } else if (temp_write(c->command, data, len, &file, e) != 0) {
        rc = -1;
    } else {
        argv_build(&j, c, file.path);
        env_build(j.envp);
        if (job_fds(&j) != 0 || job_run(&j, timeout_s, &r) != 0) {
            rc = err_set(e, ERR_IO, _("cannot run the print command %s: %s"),
                         c->command, strerror(errno));
        } else {
            /* The program's own name when it ran: its message must fit
             * a status line.  The whole path when it could not start. */
            const char *name = strrchr(c->command, '/');

            rc = report(r.exec_errno == 0 && name != NULL && name[1] != '\0'
                            ? name + 1 : c->command,
                        &r, timeout_s, e);
        }
        tempfile_remove(&file);
    }
    job_clear(&j);
    sbuf_release(&r.out);
    return rc;
}

/* ---- a file ------------------------------------------------------------ */

/* Write DATA into the new temporary FD (named TMP), with MODE, durably. */
static int
file_fill(int fd, const char *tmp, mode_t mode, const void *data, size_t len,
          struct err *e)
{
    int rc = 0;

    if (fchmod(fd, mode) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        rc = -1;
        close_quietly(fd);
    } else if (close(fd) != 0) {
        rc = -1;
    }
    if (rc != 0) {
        err_set(e, ERR_IO, _("cannot write '%s': %s"), tmp, strerror(errno));
    }
    return rc;
}

int
spool_file(const char *path, int overwrite, const void *data, size_t len,
           struct err *e)
{
    struct tempfile t;
    mode_t mode = 0600;
    int fd, rc;

    if (tempfile_dest_check(path, overwrite, &mode, e) != 0) {
        return -1;
    }
    fd = tempfile_create(&t, path, NULL, 0, e);
    if (fd < 0) {
        return -1;
    }
    rc = file_fill(fd, t.path, mode, data, len, e);
    if (rc == 0) {
        rc = tempfile_place(&t, path, overwrite, e);
    }
    tempfile_remove(&t);
    return rc;
}

int
spool_exists(const char *path)
{
    struct stat st;

    return path != NULL && *path != '\0' && stat(path, &st) == 0 &&
           !S_ISDIR(st.st_mode);
}
