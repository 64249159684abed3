/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf.c - documents drawn on A4 pages by the PDF writer's module
 * (pdf_module.h: cairo and Pango), which only the process drawing loads.
 *
 * The drawing happens in a child process: the module, the libraries it
 * brings, the fonts and caches it loads (some 80 MB for the Noto CJK
 * fonts) go away with it instead of staying in a full-screen session for
 * hours, and a crash in the font code cannot take the session down.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/doc.h"
#include "print/pdf.h"
#include "print/pdf_module.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/module.h"
#include "util/sbuf.h"

static void to_sbuf(void *closure, const unsigned char *data, size_t len)
{
    sbuf_add(closure, data, len);
}

static int render_here(struct doc *const *docs, size_t n,
                       const struct pdf_fonts *f, struct sbuf *out,
                       struct err *e)
{
    const char *body = f && f->body ? f->body : "Noto Serif CJK SC";
    const char *title = f && f->title ? f->title : "Noto Sans CJK SC";
    const struct pdf_module *mod = module_ours(PDF_MODULE_FILE, PDF_MODULE_SYM, e);
    struct pdf_writer *w;
    struct doc_metrics m;
    const char *why;
    size_t i, k;

    if (mod == NULL) {
        return -1;
    }
    w = mod->open(body, title, n > 0 ? doc_title(docs[0]) : NULL,
                  PACKAGE_NAME " " PACKAGE_VERSION, to_sbuf, out, &m);
    if (w == NULL) {
        return err_set(e, ERR_CONFIG,
                       _("no installed font can show Chinese (looked for %s and %s): "
                         "install the package fonts-noto-cjk (apt-get install fonts-noto-cjk) "
                         "or name an installed Chinese font in the setting print_font"),
                       body, title);
    }
    for (i = 0; i < n; i++) {
        struct doc_layout l;

        doc_layout(docs[i], &m, &l);
        for (k = 0; k < l.npages; k++) {
            mod->page(w, &l.pages[k], &m);
        }
        doc_layout_free(&l);
    }
    why = mod->close(w);
    return why == NULL ? 0 : err_set(e, ERR_IO, _("cannot make the PDF: %s"), why);
}

/* Read FD to its end into OUT. */
static int read_all(int fd, struct sbuf *out)
{
    char buf[65536];

    for (;;) {
        ssize_t k = read(fd, buf, sizeof(buf));

        if (k > 0) {
            sbuf_add(out, buf, (size_t)k);
        } else if (k == 0) {
            return 0;
        } else if (errno != EINTR) {
            return -1;
        }
    }
}

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, p, n);

        if (k < 0 && errno == EINTR) {
            continue;
        }
        if (k <= 0) {
            return;
        }
        p += k;
        n -= (size_t)k;
    }
}

/* The child: the PDF on DATA, or the message on MSG and status 1. */
static void child(struct doc *const *docs, size_t n, const struct pdf_fonts *f,
                  int data, int msg)
{
    struct sbuf pdf = SBUF_INIT;
    struct err e;

    err_clear(&e);
    if (render_here(docs, n, f, &pdf, &e) < 0) {
        write_all(msg, e.msg, strlen(e.msg));
        _exit(1);
    }
    write_all(data, pdf.buf, pdf.len);
    _exit(0);
}

int pdf_render(struct doc *const *docs, size_t n, const struct pdf_fonts *f,
               struct sbuf *out, struct err *e)
{
    int data[2], msg[2], status = 0, rc = 0;
    struct sbuf why = SBUF_INIT;
    pid_t pid;

    if (pipe(data) < 0) {
        return err_set(e, ERR_IO, _("cannot make the PDF: %s"), strerror(errno));
    }
    if (pipe(msg) < 0) {
        close(data[0]);
        close(data[1]);
        return err_set(e, ERR_IO, _("cannot make the PDF: %s"), strerror(errno));
    }
    fflush(NULL);
    pid = fork();
    if (pid == 0) {
        close(data[0]);
        close(msg[0]);
        child(docs, n, f, data[1], msg[1]);
    }
    close(data[1]);
    close(msg[1]);
    if (pid < 0) {
        close(data[0]);
        close(msg[0]);
        return err_set(e, ERR_IO, _("cannot make the PDF: %s"), strerror(errno));
    }
    /* The message is short and written only when there is no PDF, so
     * reading the PDF to its end first cannot block the child. */
    if (read_all(data[0], out) < 0 || read_all(msg[0], &why) < 0) {
        rc = err_set(e, ERR_IO, _("cannot make the PDF: %s"), strerror(errno));
    }
    close(data[0]);
    close(msg[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (rc == 0 && why.len > 0) {
        rc = err_set(e, ERR_CONFIG, "%s", why.buf);
    } else if (rc == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        rc = err_set(e, ERR_IO, "%s", _("cannot make the PDF: the process drawing it failed"));
    }
    sbuf_release(&why);
    return rc;
}
