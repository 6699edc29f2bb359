/* Files the user names as input (programs, configurations, modules): opened without ever
 * blocking, and only when they are regular files. */
#ifndef UMOL4_OS_INPUTFILE_H
#define UMOL4_OS_INPUTFILE_H

#include <stddef.h>
#include <stdio.h>

/* A read-only, close-on-exec descriptor of the regular file at path, or -1 with one line
 * ("PATH: why") in err. A FIFO or a device is refused, not waited on. */
int input_open(const char *path, char *err, size_t errsize);
/* The same as a stdio stream ("rb"), or 0. */
FILE *input_fopen(const char *path, char *err, size_t errsize);

#endif
