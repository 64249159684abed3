/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * array.h - the number of elements of an array (not of a pointer).
 */
#ifndef ZX_ARRAY_H
#define ZX_ARRAY_H

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
