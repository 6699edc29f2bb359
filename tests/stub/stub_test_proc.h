/* Host process helpers of the stub protocol test: starting the task process, and looking at it
 * through /proc. */
#ifndef UMOL4_STUB_TEST_PROC_H
#define UMOL4_STUB_TEST_PROC_H

#include <sys/types.h>

/* Forks and execs stub (under qemu when given) with the mailbox on fd 3 and physical memory on
 * fd 4, as the kernel does; the child dies with us. Returns its pid, or -1. */
pid_t stub_test_start(const char *stub, const char *qemu, int mbfd, int physfd);
/* Whether any process is named name (/proc/PID/comm). */
int stub_test_name_alive(const char *name);
/* The lowest address pid maps, or ~0 if its maps cannot be read. */
unsigned long stub_test_lowest_mapping(pid_t pid);
/* Pins us and child to the CPU we run on; the CPU, or -1 if that failed. */
int stub_test_pin(pid_t child);

#endif
