/* L4 V2 IPC between threads, and the page-fault RPC the kernel makes on a thread's behalf. */
#ifndef UMOL4_CORE_IPC_H
#define UMOL4_CORE_IPC_H

#include "core/kernel.h"

/* The ipc system call of thread t (arguments in its register slots). */
void ipc_syscall(struct kernel *k, struct thread *t);
/* Page fault of t at addr: a call to t's pager with the V2 fault message (reference §4.1). */
void ipc_pagefault(struct kernel *k, struct thread *t, word_t addr, bool write);
/* t's send or receive timeout expired. */
void ipc_timeout(struct kernel *k, struct thread *t);
/* Cancels t's blocked IPC (lthread_ex_regs): it ends with RECANCELED / SECANCELED. */
void ipc_cancel(struct kernel *k, struct thread *t);
/* Ends t's receive with `dope` (words and source already in place); a blocked t runs next
 * among its priority. */
void ipc_complete_receive(struct kernel *k, struct thread *t, word_t dope);
/* t disappears (task deletion): its IPC ends, and whoever waits for it gets ENOT_EXISTENT. */
void ipc_thread_gone(struct kernel *k, struct thread *t);
/* Microseconds of a V2 timeout (mantissa, exponent); UINT64_MAX = infinite. */
uint64_t ipc_timeout_us(unsigned man, unsigned exp);

#endif
