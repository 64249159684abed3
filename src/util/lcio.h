/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lcio.h - the command line in the locale's character set.
 *
 * Inside, zhenxing works in UTF-8.  A terminal whose locale uses another
 * character set (zh_CN.GB18030 or GBK, through luit or an office's old
 * server settings) gets the command line's text converted at the edges:
 * what is printed on stdout and stderr, the arguments typed after the
 * command, and the names of the files read and written.  With a UTF-8 (or
 * plain ASCII) locale nothing is converted.
 */
#ifndef ZX_LCIO_H
#define ZX_LCIO_H

#include <stdio.h>

/* Whether the locale's character set (LC_CTYPE) is one text must be
 * converted to: neither UTF-8 nor ASCII.  After i18n_init(). */
int lcio_legacy(void);

/* When lcio_legacy(): stdout and stderr become streams that convert the
 * program's UTF-8 to the locale's character set (iconv).  Data that is
 * no text (a PDF, an XLSX, a CSV in the encoding asked for) goes to
 * lcio_data_out() instead. */
void lcio_wrap_std(void);
FILE *lcio_data_out(void);

/* ARGV[0..ARGC) converted from the locale's character set to UTF-8, in
 * place (the strings are allocated and kept for the program's life); an
 * argument that is not valid in the locale's set is left as it was. */
void lcio_args_in(int argc, char **argv);

/* A file name made of UTF-8 text, as the file system names it in the
 * locale's character set (a copy; caller frees). */
char *lcio_path(const char *utf8);

#endif
