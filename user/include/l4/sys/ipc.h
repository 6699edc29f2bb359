/*
 * L4 V2 IPC (2003 <l4/sys/ipc.h> names; reference/l4-v2-abi.md §2.2 and §5).
 *
 * The bindings fill the neutral slots of docs/abi/<isa>.md (S0 snd desc, S1 timeouts, S2/S3
 * w0/w1, S4 rcv desc, S5:S6 dest, S7:S8 virtual sender; out S0 dope, S2/S3 w0/w1, S5:S6 source,
 * S1:S4 real destination) and call the per-ISA primitive of <l4/sys/sysentry.h>.
 * The 2007 names are the primary ones; the 2003 ia32 names l4_i386_ipc_* are aliases on ia32.
 */
#ifndef __L4_SYS_IPC_H__
#define __L4_SYS_IPC_H__

#include <l4/sys/compiler.h>
#include <l4/sys/sysentry.h>
#include <l4/sys/timeout.h>
#include <l4/sys/types.h>

/* A chief forwarding a message names the destination and the sender the receiver shall see. */
typedef struct {
	l4_threadid_t dest;
	l4_threadid_t true_src;
} l4_ipc_deceit_ids_t;

/* Descriptors. Bit 0 of a send descriptor asks for deceit, bit 0 of a receive descriptor for an
 * open wait; bit 1 marks fpage messages / receive fpages; the rest is a buffer address. */
#define L4_IPC_NIL_DESCRIPTOR (-1)
#define L4_IPC_SHORT_MSG      0
#define L4_IPC_SHORT_FPAGE    ((void *)2)
#define L4_IPC_DECEIT	      1
#define L4_IPC_OPEN_IPC	      1

#define L4_IPC_STRING_SHIFT 8
#define L4_IPC_DWORD_SHIFT  13

#define L4_IPC_DOPE(ndw, nstr) ((l4_msgdope_t){.md = {.strings = (nstr), .dwords = (ndw)}})

#define L4_IPC_MAPMSG(address, size)                                                               \
	((void *)(l4_umword_t)(((address)&L4_PAGEMASK) | ((size) << 2) |                           \
			       (l4_umword_t)L4_IPC_SHORT_FPAGE))
#define L4_IPC_IOMAPMSG(port, iosize)                                                              \
	((void *)(l4_umword_t)(0xf0000000UL | ((port) << 12) | ((iosize) << 2) |                   \
			       (l4_umword_t)L4_IPC_SHORT_FPAGE))

/* Result dope bits and error codes. */
#define L4_IPC_ERROR_MASK    0xF0
#define L4_IPC_DECEIT_MASK   0x01
#define L4_IPC_FPAGE_MASK    0x02
#define L4_IPC_REDIRECT_MASK 0x04
#define L4_IPC_SRC_MASK	     0x08
#define L4_IPC_SND_ERR_MASK  0x10

#define L4_IPC_IS_ERROR(x)	 (((x).msgdope) & L4_IPC_ERROR_MASK)
#define L4_IPC_MSG_DECEITED(x)	 (((x).msgdope) & L4_IPC_DECEIT_MASK)
#define L4_IPC_MSG_REDIRECTED(x) (((x).msgdope) & L4_IPC_REDIRECT_MASK)
#define L4_IPC_SRC_INSIDE(x)	 (((x).msgdope) & L4_IPC_SRC_MASK)
#define L4_IPC_SND_ERROR(x)	 (((x).msgdope) & L4_IPC_SND_ERR_MASK)
#define L4_IPC_ERROR(x)		 (((x).msgdope) & L4_IPC_ERROR_MASK)

#define L4_IPC_ENOT_EXISTENT 0x10
#define L4_IPC_RETIMEOUT     0x20
#define L4_IPC_SETIMEOUT     0x30
#define L4_IPC_RECANCELED    0x40
#define L4_IPC_SECANCELED    0x50
#define L4_IPC_REMAPFAILED   0x60
#define L4_IPC_SEMAPFAILED   0x70
#define L4_IPC_RESNDPFTO     0x80
#define L4_IPC_SESNDPFTO     0x90
#define L4_IPC_RERCVPFTO     0xA0
#define L4_IPC_SERCVPFTO     0xB0
#define L4_IPC_REABORTED     0xC0
#define L4_IPC_SEABORTED     0xD0
#define L4_IPC_REMSGCUT	     0xE0
#define L4_IPC_SEMSGCUT	     0xF0

L4_INLINE int l4_ipc_call(l4_threadid_t dest, const void *snd_msg, l4_umword_t snd_dword0,
			  l4_umword_t snd_dword1, void *rcv_msg, l4_umword_t *rcv_dword0,
			  l4_umword_t *rcv_dword1, l4_timeout_t timeout, l4_msgdope_t *result);
L4_INLINE int l4_ipc_reply_and_wait(l4_threadid_t dest, const void *snd_msg, l4_umword_t snd_dword0,
				    l4_umword_t snd_dword1, l4_threadid_t *src, void *rcv_msg,
				    l4_umword_t *rcv_dword0, l4_umword_t *rcv_dword1,
				    l4_timeout_t timeout, l4_msgdope_t *result);
L4_INLINE int l4_ipc_send(l4_threadid_t dest, const void *snd_msg, l4_umword_t snd_dword0,
			  l4_umword_t snd_dword1, l4_timeout_t timeout, l4_msgdope_t *result);
L4_INLINE int l4_ipc_wait(l4_threadid_t *src, void *rcv_msg, l4_umword_t *rcv_dword0,
			  l4_umword_t *rcv_dword1, l4_timeout_t timeout, l4_msgdope_t *result);
L4_INLINE int l4_ipc_receive(l4_threadid_t src, void *rcv_msg, l4_umword_t *rcv_dword0,
			     l4_umword_t *rcv_dword1, l4_timeout_t timeout, l4_msgdope_t *result);
L4_INLINE int l4_ipc_sleep(l4_timeout_t timeout);

L4_INLINE int l4_ipc_fpage_received(l4_msgdope_t msgdope);
L4_INLINE int l4_ipc_is_fpage_granted(l4_fpage_t fp);
L4_INLINE int l4_ipc_is_fpage_writable(l4_fpage_t fp);

L4_INLINE int l4_ipc_reply_deceiting_and_wait(const l4_ipc_deceit_ids_t ids, const void *snd_msg,
					      l4_umword_t snd_dword0, l4_umword_t snd_dword1,
					      l4_threadid_t *src, void *rcv_msg,
					      l4_umword_t *rcv_dword0, l4_umword_t *rcv_dword1,
					      l4_timeout_t timeout, l4_msgdope_t *result);
L4_INLINE int l4_ipc_send_deceiting(l4_ipc_deceit_ids_t ids, const void *snd_msg,
				    l4_umword_t snd_dword0, l4_umword_t snd_dword1,
				    l4_timeout_t timeout, l4_msgdope_t *result);
L4_INLINE int l4_ipc_chief_wait(l4_threadid_t *src, l4_threadid_t *real_dst, void *rcv_msg,
				l4_umword_t *rcv_dword0, l4_umword_t *rcv_dword1,
				l4_timeout_t timeout, l4_msgdope_t *result);
L4_INLINE int l4_ipc_chief_receive(l4_threadid_t src, l4_threadid_t *real_dst, void *rcv_msg,
				   l4_umword_t *rcv_dword0, l4_umword_t *rcv_dword1,
				   l4_timeout_t timeout, l4_msgdope_t *result);
L4_INLINE int l4_ipc_chief_call(l4_threadid_t dest, l4_threadid_t fake_src, const void *snd_msg,
				l4_umword_t snd_dword0, l4_umword_t snd_dword1,
				l4_threadid_t *real_dst, void *rcv_msg, l4_umword_t *rcv_dword0,
				l4_umword_t *rcv_dword1, l4_timeout_t timeout,
				l4_msgdope_t *result);
L4_INLINE int l4_ipc_chief_reply_and_wait(l4_threadid_t dest, l4_threadid_t fake_src,
					  const void *snd_msg, l4_umword_t snd_dword0,
					  l4_umword_t snd_dword1, l4_threadid_t *src,
					  l4_threadid_t *real_dst, void *rcv_msg,
					  l4_umword_t *rcv_dword0, l4_umword_t *rcv_dword1,
					  l4_timeout_t timeout, l4_msgdope_t *result);
L4_INLINE int l4_ipc_chief_send(l4_threadid_t dest, l4_threadid_t fake_src, const void *snd_msg,
				l4_umword_t snd_dword0, l4_umword_t snd_dword1,
				l4_timeout_t timeout, l4_msgdope_t *result);

#define __L4_IPC_NIL ((l4_umword_t)L4_IPC_NIL_DESCRIPTOR)

/*
 * Receive descriptors: "closed" clears and "open" sets bit 0, as 2003 l4sys did, but the nil
 * descriptor stays nil (clearing its bit 0 would turn it into a receive-fpage descriptor).
 */
L4_INLINE l4_umword_t __l4_rcv_desc(const void *rcv_msg, int open)
{
	l4_umword_t d = (l4_umword_t)rcv_msg;

	if (d == __L4_IPC_NIL)
		return d;
	return open ? d | L4_IPC_OPEN_IPC : d & ~(l4_umword_t)L4_IPC_OPEN_IPC;
}

/*
 * Every binding fills the slots, enters the kernel through __l4_sys_ipc() or, when it deceits,
 * __l4_sys_ipc_deceit(), and copies out exactly the results its 2003 signature returns.
 */
L4_INLINE struct __l4_slots __l4_ipc_slots(l4_umword_t snd, l4_umword_t rcv, l4_threadid_t dest,
					   l4_umword_t w0, l4_umword_t w1, l4_timeout_t timeout)
{
	struct __l4_slots r = {.s0 = snd,
			       .s1 = timeout.timeout,
			       .s2 = w0,
			       .s3 = w1,
			       .s4 = rcv,
			       .s5 = dest.lh.low,
			       .s6 = dest.lh.high};
	return r;
}

/* Descriptor bit 0 requests the deceit; 2003 l4sys cleared it instead, which turned its deceit
 * bindings into plain sends (reference/l4-v2-abi.md §5). */
L4_INLINE void __l4_ipc_deceiting(struct __l4_slots *r, l4_threadid_t vsender)
{
	if (r->s0 != __L4_IPC_NIL)
		r->s0 |= L4_IPC_DECEIT;
	r->s7 = vsender.lh.low;
	r->s8 = vsender.lh.high;
	__l4_sys_ipc_deceit(r);
}

L4_INLINE int __l4_ipc_result(const struct __l4_slots *r, l4_umword_t *rcv_dword0,
			      l4_umword_t *rcv_dword1, l4_msgdope_t *result)
{
	*rcv_dword0 = r->s2;
	*rcv_dword1 = r->s3;
	result->msgdope = r->s0;
	return L4_IPC_ERROR(*result);
}

L4_INLINE int __l4_ipc_send_result(const struct __l4_slots *r, l4_msgdope_t *result)
{
	result->msgdope = r->s0;
	return L4_IPC_ERROR(*result);
}

L4_INLINE void __l4_ipc_source(const struct __l4_slots *r, l4_threadid_t *src)
{
	src->lh.low = r->s5;
	src->lh.high = r->s6;
}

/* What a redirected message was originally addressed to (S1:S4). */
L4_INLINE void __l4_ipc_real_dst(const struct __l4_slots *r, l4_threadid_t *real_dst)
{
	real_dst->lh.low = r->s1;
	real_dst->lh.high = r->s4;
}

L4_INLINE int l4_ipc_call(l4_threadid_t dest, const void *snd_msg, l4_umword_t snd_dword0,
			  l4_umword_t snd_dword1, void *rcv_msg, l4_umword_t *rcv_dword0,
			  l4_umword_t *rcv_dword1, l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r = __l4_ipc_slots((l4_umword_t)snd_msg, __l4_rcv_desc(rcv_msg, 0), dest,
					     snd_dword0, snd_dword1, timeout);

	__l4_sys_ipc(&r);
	return __l4_ipc_result(&r, rcv_dword0, rcv_dword1, result);
}

L4_INLINE int l4_ipc_reply_and_wait(l4_threadid_t dest, const void *snd_msg, l4_umword_t snd_dword0,
				    l4_umword_t snd_dword1, l4_threadid_t *src, void *rcv_msg,
				    l4_umword_t *rcv_dword0, l4_umword_t *rcv_dword1,
				    l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r = __l4_ipc_slots((l4_umword_t)snd_msg, __l4_rcv_desc(rcv_msg, 1), dest,
					     snd_dword0, snd_dword1, timeout);

	__l4_sys_ipc(&r);
	__l4_ipc_source(&r, src);
	return __l4_ipc_result(&r, rcv_dword0, rcv_dword1, result);
}

L4_INLINE int l4_ipc_send(l4_threadid_t dest, const void *snd_msg, l4_umword_t snd_dword0,
			  l4_umword_t snd_dword1, l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r = __l4_ipc_slots((l4_umword_t)snd_msg, __L4_IPC_NIL, dest, snd_dword0,
					     snd_dword1, timeout);

	__l4_sys_ipc(&r);
	return __l4_ipc_send_result(&r, result);
}

L4_INLINE int l4_ipc_wait(l4_threadid_t *src, void *rcv_msg, l4_umword_t *rcv_dword0,
			  l4_umword_t *rcv_dword1, l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r =
	    __l4_ipc_slots(__L4_IPC_NIL, __l4_rcv_desc(rcv_msg, 1), L4_NIL_ID, 0, 0, timeout);

	__l4_sys_ipc(&r);
	__l4_ipc_source(&r, src);
	return __l4_ipc_result(&r, rcv_dword0, rcv_dword1, result);
}

L4_INLINE int l4_ipc_receive(l4_threadid_t src, void *rcv_msg, l4_umword_t *rcv_dword0,
			     l4_umword_t *rcv_dword1, l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r =
	    __l4_ipc_slots(__L4_IPC_NIL, __l4_rcv_desc(rcv_msg, 0), src, 0, 0, timeout);

	__l4_sys_ipc(&r);
	return __l4_ipc_result(&r, rcv_dword0, rcv_dword1, result);
}

/* Receiving from nil never succeeds: the thread sleeps until the receive timeout expires. */
L4_INLINE int l4_ipc_sleep(l4_timeout_t timeout)
{
	l4_umword_t dummy;
	l4_msgdope_t result;

	return l4_ipc_receive(L4_NIL_ID, L4_IPC_SHORT_MSG, &dummy, &dummy, timeout, &result);
}

L4_INLINE int l4_ipc_fpage_received(l4_msgdope_t msgdope)
{
	return msgdope.md.fpage_received != 0;
}

L4_INLINE int l4_ipc_is_fpage_granted(l4_fpage_t fp)
{
	return fp.fp.grant != 0;
}

L4_INLINE int l4_ipc_is_fpage_writable(l4_fpage_t fp)
{
	return fp.fp.write != 0;
}

L4_INLINE int l4_ipc_reply_deceiting_and_wait(const l4_ipc_deceit_ids_t ids, const void *snd_msg,
					      l4_umword_t snd_dword0, l4_umword_t snd_dword1,
					      l4_threadid_t *src, void *rcv_msg,
					      l4_umword_t *rcv_dword0, l4_umword_t *rcv_dword1,
					      l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r = __l4_ipc_slots((l4_umword_t)snd_msg, __l4_rcv_desc(rcv_msg, 1),
					     ids.dest, snd_dword0, snd_dword1, timeout);

	__l4_ipc_deceiting(&r, ids.true_src);
	__l4_ipc_source(&r, src);
	return __l4_ipc_result(&r, rcv_dword0, rcv_dword1, result);
}

L4_INLINE int l4_ipc_send_deceiting(l4_ipc_deceit_ids_t ids, const void *snd_msg,
				    l4_umword_t snd_dword0, l4_umword_t snd_dword1,
				    l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r = __l4_ipc_slots((l4_umword_t)snd_msg, __L4_IPC_NIL, ids.dest,
					     snd_dword0, snd_dword1, timeout);

	__l4_ipc_deceiting(&r, ids.true_src);
	return __l4_ipc_send_result(&r, result);
}

L4_INLINE int l4_ipc_chief_wait(l4_threadid_t *src, l4_threadid_t *real_dst, void *rcv_msg,
				l4_umword_t *rcv_dword0, l4_umword_t *rcv_dword1,
				l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r =
	    __l4_ipc_slots(__L4_IPC_NIL, __l4_rcv_desc(rcv_msg, 1), L4_NIL_ID, 0, 0, timeout);

	__l4_sys_ipc(&r);
	__l4_ipc_source(&r, src);
	__l4_ipc_real_dst(&r, real_dst);
	return __l4_ipc_result(&r, rcv_dword0, rcv_dword1, result);
}

L4_INLINE int l4_ipc_chief_receive(l4_threadid_t src, l4_threadid_t *real_dst, void *rcv_msg,
				   l4_umword_t *rcv_dword0, l4_umword_t *rcv_dword1,
				   l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r =
	    __l4_ipc_slots(__L4_IPC_NIL, __l4_rcv_desc(rcv_msg, 0), src, 0, 0, timeout);

	__l4_sys_ipc(&r);
	__l4_ipc_real_dst(&r, real_dst);
	return __l4_ipc_result(&r, rcv_dword0, rcv_dword1, result);
}

L4_INLINE int l4_ipc_chief_call(l4_threadid_t dest, l4_threadid_t fake_src, const void *snd_msg,
				l4_umword_t snd_dword0, l4_umword_t snd_dword1,
				l4_threadid_t *real_dst, void *rcv_msg, l4_umword_t *rcv_dword0,
				l4_umword_t *rcv_dword1, l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r = __l4_ipc_slots((l4_umword_t)snd_msg, __l4_rcv_desc(rcv_msg, 0), dest,
					     snd_dword0, snd_dword1, timeout);

	__l4_ipc_deceiting(&r, fake_src);
	__l4_ipc_real_dst(&r, real_dst);
	return __l4_ipc_result(&r, rcv_dword0, rcv_dword1, result);
}

L4_INLINE int l4_ipc_chief_reply_and_wait(l4_threadid_t dest, l4_threadid_t fake_src,
					  const void *snd_msg, l4_umword_t snd_dword0,
					  l4_umword_t snd_dword1, l4_threadid_t *src,
					  l4_threadid_t *real_dst, void *rcv_msg,
					  l4_umword_t *rcv_dword0, l4_umword_t *rcv_dword1,
					  l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r = __l4_ipc_slots((l4_umword_t)snd_msg, __l4_rcv_desc(rcv_msg, 1), dest,
					     snd_dword0, snd_dword1, timeout);

	__l4_ipc_deceiting(&r, fake_src);
	__l4_ipc_source(&r, src);
	__l4_ipc_real_dst(&r, real_dst);
	return __l4_ipc_result(&r, rcv_dword0, rcv_dword1, result);
}

L4_INLINE int l4_ipc_chief_send(l4_threadid_t dest, l4_threadid_t fake_src, const void *snd_msg,
				l4_umword_t snd_dword0, l4_umword_t snd_dword1,
				l4_timeout_t timeout, l4_msgdope_t *result)
{
	struct __l4_slots r = __l4_ipc_slots((l4_umword_t)snd_msg, __L4_IPC_NIL, dest, snd_dword0,
					     snd_dword1, timeout);

	__l4_ipc_deceiting(&r, fake_src);
	return __l4_ipc_send_result(&r, result);
}

#ifdef __L4_ARCH_I386_NAMES
#define l4_i386_ipc_call		     l4_ipc_call
#define l4_i386_ipc_reply_and_wait	     l4_ipc_reply_and_wait
#define l4_i386_ipc_send		     l4_ipc_send
#define l4_i386_ipc_wait		     l4_ipc_wait
#define l4_i386_ipc_receive		     l4_ipc_receive
#define l4_i386_ipc_reply_deceiting_and_wait l4_ipc_reply_deceiting_and_wait
#define l4_i386_ipc_send_deceiting	     l4_ipc_send_deceiting
#define l4_i386_ipc_chief_wait		     l4_ipc_chief_wait
#define l4_i386_ipc_chief_receive	     l4_ipc_chief_receive
#define l4_i386_ipc_chief_call		     l4_ipc_chief_call
#define l4_i386_ipc_chief_reply_and_wait     l4_ipc_chief_reply_and_wait
#define l4_i386_ipc_chief_send		     l4_ipc_chief_send
#endif

#endif
