/* The GDB remote stub's host side (`umol4 --gdb`): the socket, packet framing, Ctrl-C, and the
 * run loop's hooks around core/gdb.c. Without --gdb nothing here runs. */
#ifndef UMOL4_OS_GDBSTUB_H
#define UMOL4_OS_GDBSTUB_H

#include "core/kernel.h"

#include <stddef.h>

/* Opens the socket gdb will connect to: "" or "PORT" (on 127.0.0.1), "HOST:PORT" (any address
 * the user names), "unix:PATH". false with one line in err. */
bool gdbstub_listen(const char *spec, char *err, size_t errsize);
/* Debugs instance k: its first stop is before the first instruction of the first thread of a
 * task numbered first_task or above; arch is the ISA gdb is told about. */
void gdbstub_attach(struct kernel *k, const struct arch *arch, unsigned first_task);
bool gdbstub_active(void);

/* Run-loop hooks (os/linux/main.c), each a no-op once the debugger has gone. */
void gdbstub_poll(struct kernel *k); /* SIGIO: a Ctrl-C from gdb? */
/* May stop and serve gdb; false if t must not run now (gdb holds it, or the instance ended). */
bool gdbstub_before_run(struct kernel *k, struct thread *t);
/* Nothing can run, but gdb holds ready threads: wait for gdb instead of a deadlock report. */
bool gdbstub_holding(void);
void gdbstub_wait(struct kernel *k);
bool gdbstub_after_event(struct kernel *k, struct thread *t, const struct hw_event *ev);
void gdbstub_after_trap(struct kernel *k, struct thread *t, word_t ip_before);
/* The instance stopped by itself (fault, exception, enter_kdebug): gdb gets the stop; true if
 * the instance goes on (gdb continued from enter_kdebug). */
bool gdbstub_at_end(struct kernel *k);
/* The instance ends with status: gdb hears of it. */
void gdbstub_exit(struct kernel *k, int status);
/* gdb killed the instance. */
bool gdbstub_killed(void);
void gdbstub_task_deleted(const struct task *t);

#endif
