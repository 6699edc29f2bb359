/* What the core needs from its host, bound at link time (os/linux/ in the kernel, a fake in the
 * unit tests). The core never touches a host API any other way. */
#ifndef UMOL4_CORE_PLAT_H
#define UMOL4_CORE_PLAT_H

#include "core/types.h"

struct task;
struct thread;
struct kernel;

void *plat_alloc(size_t size); /* zeroed; NULL on exhaustion */
void plat_free(void *p);
uint64_t plat_now_us(void); /* monotonic microseconds since the instance booted */

/* Program output (kdebug out*), exactly the bytes the program printed. */
void plat_output(const char *s, size_t n);
/* A program's error output (umol4's kdebug extension 0x62): the host's standard error. */
void plat_error_output(const char *s, size_t n);
/* Kernel messages (reports, warnings): one line each, without trailing newline. */
void plat_log(const char *line);
/* One byte of console input; -1 at end of input, or (if `nonblock`) when none is available. */
int plat_inchar(bool nonblock);
/* A task was deleted: its host process (if any) must go. */
void plat_task_deleted(struct task *t);
/* Debugging views the host adds to the kernel's reports (os/linux/report_linux.c): where t is
 * (" in main (hello.c:12)", or ""), t's program file, registers and backtrace as further lines, and
 * what a fault at addr means beyond the L4 view ("stack overflow", or 0). They read t's program
 * file and memory; none of them is ever called on the normal path. */
const char *plat_thread_where(const struct thread *t, char *buf, size_t size);
void plat_thread_details(const struct kernel *k, const struct thread *t, bool registers);
const char *plat_fault_cause(const struct kernel *k, const struct thread *t, word_t addr);
/* The kernel is in the middle of a long piece of work for the thread that entered it (a string
 * copy): the host may keep that thread's hand-off awake. Cheap; called every 64 KiB of a copy. */
void plat_busy(void);
/* An interrupt with a host source gained (on) or lost its associated thread. */
void plat_irq_attach(unsigned irq, bool on);
/* Describes host system call nr of host architecture code arch ("openat (x86_64 #257)") for a
 * report; buf has size n. */
const char *plat_hostsys_name(word_t arch, word_t nr, char *buf, size_t n);

#endif
