/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf.h - the PDF print: documents laid out on A4 by doc_layout() and
 * drawn with cairo, in a Chinese font found through fontconfig.  cairo
 * embeds only the glyphs used and maps them back to Unicode, so the text
 * can be searched and copied (pdftotext reads it).
 */
#ifndef ZX_PDF_H
#define ZX_PDF_H

#include <stddef.h>

struct doc;
struct err;
struct sbuf;

struct pdf_fonts {
    const char *body;      /* family for the text, e.g. "Noto Serif CJK SC" */
    const char *title;     /* family for titles and headings */
};

/* The PDF of DOCS[0..N-1], each starting on a new page and numbered on
 * its own, appended to OUT.  Fails (ERR_CONFIG) when no installed font
 * covers Chinese, saying which package to install. */
int pdf_render(struct doc *const *docs, size_t n, const struct pdf_fonts *f,
               struct sbuf *out, struct err *e);

#endif
