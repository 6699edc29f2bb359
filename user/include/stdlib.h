/*
 * General utilities of the small umol4 libc. The heap starts at the page-aligned end of the
 * program's memory (__l4_heap_start, behind its stack) and grows to at most 16 MiB above it; its
 * pages are never requested explicitly, the first touch page-faults them in from the task's
 * pager.
 */
#ifndef __UMOL4_STDLIB_H__
#define __UMOL4_STDLIB_H__

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* Flushes stdout and ends the task with status (umol4_exit). */
__attribute__((__noreturn__)) void exit(int status);
/* Reports "abort()" and exits with status 134 (128 + SIGABRT, as a shell would show it). */
__attribute__((__noreturn__)) void abort(void);

int abs(int x);
long labs(long x);
int atoi(const char *s);
long atol(const char *s);
long strtol(const char *restrict s, char **restrict end, int base);
unsigned long strtoul(const char *restrict s, char **restrict end, int base);

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);

#endif
