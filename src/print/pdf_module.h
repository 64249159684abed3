/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf_module.h - the PDF writer's module (pdf.so in the package's library
 * directory, src/print/pdf_cairo.c): Pango and cairo, with fontconfig,
 * HarfBuzz and GLib behind them, loaded by pdf.c in the process that
 * draws a print (util/module.h), never by the program itself.  The
 * module calls nothing of the program: it lays out no document (pdf.c
 * does, with core/doc.h and the measures the module fills in) and says
 * no message (it returns what went wrong; pdf.c says it).
 */
#ifndef ZX_PDF_MODULE_H
#define ZX_PDF_MODULE_H

#include <stddef.h>

#include "core/doc.h"

/* The name of the module's one symbol; a new version when the table
 * changes, so that a module of another build is refused, not called. */
#define PDF_MODULE_FILE "pdf.so"
#define PDF_MODULE_SYM "zx_pdf_module_v1"

struct pdf_writer;

/* Where the PDF's bytes go. */
typedef void pdf_sink(void *closure, const unsigned char *data, size_t len);

struct pdf_module {
    /* A writer of A4 pages for the fonts BODY and TITLE (families), the
     * document titled DOC_TITLE (may be NULL) made by CREATOR, its bytes
     * to SINK; M filled with its page and its measures.  NULL when no
     * installed font covers Chinese for BODY or TITLE. */
    struct pdf_writer *(*open)(const char *body, const char *title,
                               const char *doc_title, const char *creator,
                               pdf_sink *sink, void *closure,
                               struct doc_metrics *m);
    /* Draw the page PG laid out with M. */
    void (*page)(struct pdf_writer *w, const struct doc_page *pg,
                 const struct doc_metrics *m);
    /* Finish and free W: NULL, or cairo's words for what went wrong. */
    const char *(*close)(struct pdf_writer *w);
};

#endif
