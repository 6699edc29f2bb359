#ifndef UMOL4_OS_TRACE_JSON_H
#define UMOL4_OS_TRACE_JSON_H

#include <stdbool.h>
#include <stdio.h>

bool trace_open(const char *path);
void trace_close(void);
/* n bytes of s as a JSON string: quotes and backslashes escaped, other bytes outside printable
 * ASCII as \u00XX (the exit report writes its strings the same way). */
void json_string(FILE *f, const char *s, size_t n);

#endif
