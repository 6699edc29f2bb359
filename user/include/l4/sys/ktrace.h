/*
 * Fiasco kernel tracing (2003 <l4/sys/ktrace.h> names). umol4 keeps its traces inside the kernel
 * and has no trace buffer to map, so these report "no buffer" and otherwise do nothing.
 */
#ifndef __L4_SYS_KTRACE_H__
#define __L4_SYS_KTRACE_H__

#include <l4/sys/types.h>

#define LOG_EVENT_CONTEXT_SWITCH 0
#define LOG_EVENT_IPC_SHORTCUT	 1
#define LOG_EVENT_IRQ_RAISED	 2
#define LOG_EVENT_TIMER_IRQ	 3
#define LOG_EVENT_THREAD_EX_REGS 4
#define LOG_EVENT_MAX_EVENTS	 16

typedef struct {
	l4_umword_t tracebuffer0;
	l4_umword_t size0;
	l4_umword_t version0;
	l4_umword_t tracebuffer1;
	l4_umword_t size1;
	l4_umword_t version1;
	l4_umword_t logevents[LOG_EVENT_MAX_EVENTS];
	l4_umword_t scaler_tsc_to_ns;
	l4_umword_t scaler_tsc_to_us;
	l4_umword_t scaler_ns_to_tsc;
} l4_tracebuffer_status_t;

L4_INLINE l4_tracebuffer_status_t *fiasco_get_tbuf_status(void);
L4_INLINE l4_tracebuffer_status_t *fiasco_tbuf_get_status(void); /* 2007 name */
L4_INLINE l4_umword_t fiasco_tbuf_log(const char *text);
L4_INLINE l4_umword_t fiasco_tbuf_log_3val(const char *text, unsigned v1, unsigned v2, unsigned v3);
L4_INLINE void fiasco_tbuf_clear(void);
L4_INLINE void fiasco_tbuf_dump(void);

L4_INLINE l4_tracebuffer_status_t *fiasco_get_tbuf_status(void)
{
	return NULL;
}

L4_INLINE l4_tracebuffer_status_t *fiasco_tbuf_get_status(void)
{
	return fiasco_get_tbuf_status();
}

L4_INLINE l4_umword_t fiasco_tbuf_log(const char *text)
{
	(void)text;
	return 0;
}

L4_INLINE l4_umword_t fiasco_tbuf_log_3val(const char *text, unsigned v1, unsigned v2, unsigned v3)
{
	(void)text;
	(void)v1;
	(void)v2;
	(void)v3;
	return 0;
}

L4_INLINE void fiasco_tbuf_clear(void) {}

L4_INLINE void fiasco_tbuf_dump(void) {}

#endif
