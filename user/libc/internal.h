/* Internal interfaces between the files of the small umol4 libc. */
#ifndef __UMOL4_LIBC_INTERNAL_H__
#define __UMOL4_LIBC_INTERNAL_H__

#include <stdarg.h>
#include <stddef.h>

/* The console line buffer (console.c). */
void __umol4_console_putc(char c);
void __umol4_console_write(const char *s);
void __umol4_console_flush(void);
/* n bytes of s (which has room for a NUL at s[n]): one outstring when they are a whole line and
 * nothing is buffered, else through the line buffer. */
void __umol4_console_write_n(char *s, size_t n);

/* The printf engine (format.c): calls put(ctx, c) for every character produced and returns how
 * many characters that was. */
int __umol4_vformat(void (*put)(void *ctx, char c), void *ctx, const char *fmt, va_list ap);

/* strtol's and strtoul's parser (strtoul_parse.c): the magnitude of an optionally signed number
 * in base (0 = by prefix), saturated at ULONG_MAX, and its sign. */
unsigned long __umol4_strtoul_parse(const char *s, char **end, int base, int *neg);

#endif
