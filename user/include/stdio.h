/*
 * The small umol4 libc: console output only. Everything written to stdout or stderr goes into one
 * line buffer that is handed to the kernel debugger's outstring at '\n', when full, on fflush and
 * at exit, so a printed line costs one kernel entry. Not safe against concurrent use by several
 * L4 threads of one task.
 */
#ifndef __UMOL4_STDIO_H__
#define __UMOL4_STDIO_H__

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

typedef struct __umol4_file FILE;
extern FILE *const stdout;
extern FILE *const stderr;
#define stdout stdout
#define stderr stderr

int printf(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
int vprintf(const char *fmt, va_list ap) __attribute__((__format__(__printf__, 1, 0)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((__format__(__printf__, 2, 3)));
int vfprintf(FILE *f, const char *fmt, va_list ap) __attribute__((__format__(__printf__, 2, 0)));
int sprintf(char *buf, const char *fmt, ...) __attribute__((__format__(__printf__, 2, 3)));
int vsprintf(char *buf, const char *fmt, va_list ap) __attribute__((__format__(__printf__, 2, 0)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((__format__(__printf__, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
    __attribute__((__format__(__printf__, 3, 0)));

int putchar(int c);
int puts(const char *s);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int fputs(const char *s, FILE *f);
int fflush(FILE *f);

/* Reads one character from the kernel debugger's console (umol4's standard input), waiting for
 * it; EOF once the input has ended (and, while the program has the console interrupt IRQ 1
 * associated, when no character is ready: the console is then interrupt-driven). */
int getchar(void);

#endif
