/*
 * Kernel-debugger interface (2003 <l4/sys/kdebug.h> names, reference/l4-v2-abi.md §4.4).
 * The trap instructions are per ISA (<l4/arch/kdebug.h>); the function numbers are shared.
 */
#ifndef __L4_SYS_KDEBUG_H__
#define __L4_SYS_KDEBUG_H__

#include <l4/arch/kdebug.h>
#include <l4/sys/compiler.h>
#include <l4/sys/l4int.h>

#define L4_KDEBUG_OUTCHAR    0
#define L4_KDEBUG_OUTSTRING  2
#define L4_KDEBUG_OUTHEX32   5
#define L4_KDEBUG_OUTHEX20   6
#define L4_KDEBUG_OUTHEX16   7
#define L4_KDEBUG_OUTHEX12   8
#define L4_KDEBUG_OUTHEX8    9
#define L4_KDEBUG_OUTDEC     11
#define L4_KDEBUG_INCHAR     13
#define L4_KDEBUG_UMOL4_EXIT 0x60 /* umol4 extension, <l4/umol4/exit.h> */
#define L4_KDEBUG_UMOL4_NAME 0x61 /* umol4 extension, <l4/umol4/name.h> */
#define L4_KDEBUG_UMOL4_ERRSTRING 0x62 /* umol4 extension, <l4/umol4/errout.h> */

/* Stop in the kernel debugger; a text starting with '*' is only logged. On ia32 the text must be
 * a string literal (it is assembled behind the trap). */
#define enter_kdebug(text)     __L4_ENTER_KDEBUG(text)
#define asm_enter_kdebug(text) __L4_ASM_ENTER_KDEBUG(text)

/* umol4 has no separate display channel, so these print through the console functions. */
#define kd_display(text) outstring(text)
#define ko(c)		 outchar(c)

L4_INLINE void outchar(char c);
L4_INLINE void outstring(const char *text);
L4_INLINE void outhex32(int number);
L4_INLINE void outhex20(int number);
L4_INLINE void outhex16(int number);
L4_INLINE void outhex12(int number);
L4_INLINE void outhex8(int number);
L4_INLINE void outdec(int number);
L4_INLINE char kd_inchar(void);

L4_INLINE void fiasco_profile_start(void);
L4_INLINE void fiasco_profile_stop_and_dump(void);
L4_INLINE void fiasco_profile_stop(void);
L4_INLINE void fiasco_watchdog_enable(void);
L4_INLINE void fiasco_watchdog_disable(void);
L4_INLINE void fiasco_watchdog_takeover(void);
L4_INLINE void fiasco_watchdog_giveback(void);
L4_INLINE void fiasco_watchdog_touch(void);

L4_INLINE void outchar(char c)
{
	l4_umword_t w = (unsigned char)c;

	__L4_KDEBUG(L4_KDEBUG_OUTCHAR, w);
}

L4_INLINE void outstring(const char *text)
{
	l4_umword_t w = (l4_umword_t)text;

	__L4_KDEBUG(L4_KDEBUG_OUTSTRING, w);
}

#define __L4_KDEBUG_NUMBER(name, fn)                                                               \
	L4_INLINE void name(int number)                                                            \
	{                                                                                          \
		l4_umword_t w = (l4_umword_t)number;                                               \
                                                                                                   \
		__L4_KDEBUG(fn, w);                                                                \
	}

__L4_KDEBUG_NUMBER(outhex32, L4_KDEBUG_OUTHEX32)
__L4_KDEBUG_NUMBER(outhex20, L4_KDEBUG_OUTHEX20)
__L4_KDEBUG_NUMBER(outhex16, L4_KDEBUG_OUTHEX16)
__L4_KDEBUG_NUMBER(outhex12, L4_KDEBUG_OUTHEX12)
__L4_KDEBUG_NUMBER(outhex8, L4_KDEBUG_OUTHEX8)
__L4_KDEBUG_NUMBER(outdec, L4_KDEBUG_OUTDEC)

L4_INLINE char kd_inchar(void)
{
	l4_umword_t w = 0;

	__L4_KDEBUG(L4_KDEBUG_INCHAR, w);
	return (char)w;
}

/* Fiasco's profiler and watchdog do not exist in umol4; the calls are accepted and do nothing. */
L4_INLINE void fiasco_profile_start(void) {}

L4_INLINE void fiasco_profile_stop_and_dump(void) {}

L4_INLINE void fiasco_profile_stop(void) {}

L4_INLINE void fiasco_watchdog_enable(void) {}

L4_INLINE void fiasco_watchdog_disable(void) {}

L4_INLINE void fiasco_watchdog_takeover(void) {}

L4_INLINE void fiasco_watchdog_giveback(void) {}

L4_INLINE void fiasco_watchdog_touch(void) {}

#endif
