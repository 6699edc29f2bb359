#ifndef UMOL4_OS_TRACE_JSON_H
#define UMOL4_OS_TRACE_JSON_H

#include <stdbool.h>

bool trace_open(const char *path);
void trace_close(void);

#endif
