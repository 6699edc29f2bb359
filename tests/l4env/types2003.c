/* L4E0011: the l4sys integer types of 2003 on every 32-bit ISA: l4_umword_t / l4_mword_t are
 * unsigned int / signed int and l4_addr_t is l4_uint32_t. Code written against them passes
 * unsigned int pointers for message words, prints words with %x and mixes l4_addr_t with
 * l4_uint32_t pointers; it must compile with -Werror=incompatible-pointer-types and -Wformat. */
#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <l4/sys/types.h>
#include <stdio.h>

#define SAME(a, b) __builtin_types_compatible_p(a, b)
_Static_assert(SAME(l4_umword_t, unsigned int), "l4_umword_t is unsigned int");
_Static_assert(SAME(l4_mword_t, signed int), "l4_mword_t is signed int");
_Static_assert(SAME(l4_addr_t, l4_uint32_t), "l4_addr_t is l4_uint32_t");
_Static_assert(SAME(l4_offs_t, l4_uint32_t), "l4_offs_t is l4_uint32_t");
_Static_assert(SAME(l4_size_t, l4_uint32_t), "l4_size_t is l4_uint32_t");

int main(void)
{
	l4_threadid_t sigma0 = L4_NIL_ID, me = l4_myself(), preempter = L4_INVALID_ID, pager;
	unsigned int w0 = 7, w1 = 7, eflags, eip, esp;
	l4_msgdope_t dope;
	sigma0.id.task = 2;
	/* sigma0's kernel-memory query (w0 = 1, w1 = 0): umol4's kernel needs none */
	int err = l4_ipc_call(sigma0, L4_IPC_SHORT_MSG, 1, 0, L4_IPC_SHORT_MSG, &w0, &w1,
			      L4_IPC_NEVER, &dope);
	printf("types: sigma0 answers 0x%x: %x %x\n", err, w0, w1);

	/* reading our own registers back: the old ip lies in our code */
	pager = L4_INVALID_ID;
	l4_thread_ex_regs(me, ~0u, ~0u, &preempter, &pager, &eflags, &eip, &esp);
	l4_uint32_t *ip = &eip;
	printf("types: ex_regs of ourselves: ip %s\n", *ip ? "non-zero" : "zero");

	l4_kernel_info_t *kip = l4_kernel_interface();
	l4_addr_t a = (l4_addr_t)kip;
	l4_uint32_t *pa = &a;
	l4_mword_t m = -1;
	int *pm = &m;
	printf("types: KIP magic %s, %d, l4_addr_t %u bytes\n",
	       kip->magic == L4_KERNEL_INFO_MAGIC && *pa ? "ok" : "wrong", *pm,
	       (unsigned)sizeof(l4_addr_t));
	return 0;
}
