/* umol4's own crashes: a backtrace, then every task process goes (os/linux/crash.c). */
#ifndef UMOL4_OS_CRASH_H
#define UMOL4_OS_CRASH_H

void crash_setup(void);

#endif
