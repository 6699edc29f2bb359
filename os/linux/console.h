/* The console device: host standard input as interrupt IRQ_CONSOLE (plat_linux.c). */
#ifndef UMOL4_OS_CONSOLE_H
#define UMOL4_OS_CONSOLE_H

enum { CONSOLE_DEAD, CONSOLE_IDLE, CONSOLE_INPUT };

/* Whether input is waiting (waits up to timeout_ms, -1 = forever; signals interrupt). DEAD: no
 * thread is associated, or the input has ended. */
int console_state(int timeout_ms);
/* Undoes the O_ASYNC set on standard input. */
void console_restore(void);

#endif
