/*
 * IPC timeouts (reference/l4-v2-abi.md §2.2): the 2003 L4_IPC_TIMEOUT/L4_IPC_NEVER and the names
 * 2007 l4sys added for the same 32-bit V2 timeout word.
 */
#ifndef __L4_SYS_TIMEOUT_H__
#define __L4_SYS_TIMEOUT_H__

#include <l4/sys/compiler.h>
#include <l4/sys/types.h>

/* A mantissa m with exponent e means m * 4^(15 - e) us; e = 0 is infinite, m = 0 (e != 0) is 0.
 * The page-fault timeouts p mean 4^(15 - p) us, 0 infinite, 15 zero. */
#define L4_IPC_TIMEOUT(sman, sexp, rman, rexp, spf, rpf)                                           \
	((l4_timeout_t){.to = {.rcv_exp = (rexp),                                                  \
			       .snd_exp = (sexp),                                                  \
			       .rcv_pfault = (rpf),                                                \
			       .snd_pfault = (spf),                                                \
			       .snd_man = (sman),                                                  \
			       .rcv_man = (rman)}})

#define L4_IPC_NEVER ((l4_timeout_t){.timeout = 0})
/* clang-format would spread the braces over four lines. */
/* clang-format off */
#define L4_IPC_NEVER_INITIALIZER { .timeout = 0 }
/* clang-format on */
#define L4_IPC_RECV_TIMEOUT_0 L4_IPC_TIMEOUT(0, 0, 0, 1, 0, 0)
#define L4_IPC_SEND_TIMEOUT_0 L4_IPC_TIMEOUT(0, 1, 0, 0, 0, 0)
#define L4_IPC_BOTH_TIMEOUT_0 L4_IPC_TIMEOUT(0, 1, 0, 1, 0, 0)

/* 2007 l4sys: send and receive timeout, page-fault timeouts infinite. */
L4_INLINE l4_timeout_t l4_ipc_timeout(unsigned snd_man, unsigned snd_exp, unsigned rcv_man,
				      unsigned rcv_exp);

L4_INLINE l4_timeout_t l4_ipc_timeout(unsigned snd_man, unsigned snd_exp, unsigned rcv_man,
				      unsigned rcv_exp)
{
	l4_timeout_t t = {.timeout = (rcv_man & 0xffU) << 24 | (snd_man & 0xffU) << 16 |
				     (snd_exp & 0xfU) << 4 | (rcv_exp & 0xfU)};
	return t;
}

#endif
