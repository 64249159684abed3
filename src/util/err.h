/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * err.h - error values that flow up from core and db to the screens and
 * the command line.  A function that can fail returns 0 on success or -1
 * and fills a struct err; the caller decides how to show the message.
 */
#ifndef ZX_ERR_H
#define ZX_ERR_H

enum err_code {
    ERR_OK = 0,
    ERR_USAGE,        /* wrong arguments */
    ERR_INVALID,      /* bad input data */
    ERR_NOTFOUND,     /* no such record / file */
    ERR_CONFLICT,     /* someone else changed the record */
    ERR_DENIED,       /* role or scope does not allow it */
    ERR_RULE,         /* a business rule refuses it */
    ERR_DB,           /* storage failure */
    ERR_IO,           /* file system failure */
    ERR_CONFIG,       /* bad settings or policy file */
    ERR_SCHEMA,       /* database from a newer zhenxing, or not ours */
};

/* Long enough for a Chinese sentence naming a file and a line. */
#define ERR_MSG_MAX 1024

struct err {
    enum err_code code;
    char msg[ERR_MSG_MAX];
};

/* Record an error (message is printf-formatted).  Always returns -1 so
 * callers can write "return err_set(e, ...);".  E may be NULL. */
int err_set(struct err *e, enum err_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Forget any recorded error. */
void err_clear(struct err *e);

/* Prepend context to an existing message: "CONTEXT: old message". */
void err_prefix(struct err *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
