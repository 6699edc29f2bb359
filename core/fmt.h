/* A minimal formatter for kernel messages: core/ may not use the host's stdio.
 * Supports %s %c %d %u %x %X with '0' padding and a width, and %% . */
#ifndef UMOL4_CORE_FMT_H
#define UMOL4_CORE_FMT_H

#include <stdarg.h>
#include <stddef.h>

size_t kfmt(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
size_t kvfmt(char *buf, size_t size, const char *fmt, va_list ap);
/* Formats one line and hands it to plat_log. */
void klog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
