/* umol4 --help (os/linux/usage.c). */
#ifndef UMOL4_OS_USAGE_H
#define UMOL4_OS_USAGE_H

#include <stdio.h>

void umol4_usage(FILE *f);

#endif
