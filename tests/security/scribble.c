/* SEC0002: an L4 program scribbles over its own mailbox, the page the kernel and its task stub
 * share (os/linux/mbox.h), with plain stores and no system call, then enters the kernel. The
 * kernel must check everything it reads there: whatever the program writes, the instance goes
 * on or ends with a report, and the kernel never crashes (tests/security/scribble_test.sh runs
 * every mode, also under AddressSanitizer). */
#include "os/linux/mbox.h"
#include <l4/sys/syscalls.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__mips__)
#define STUB_BASE 0x70000000u
#else
#define STUB_BASE 0xC0000000u
#endif

/* The stub's image lies at the stub area (docs/abi/<isa>.md) with its ELF header; the mailbox is
 * the first page of its .bss, which follows the data of its writable segment. */
static struct mbox *find_mailbox(void)
{
	const uint8_t *eh = (const uint8_t *)STUB_BASE;
	uint32_t phoff = *(const uint32_t *)(eh + 28);
	uint16_t phnum = *(const uint16_t *)(eh + 44);
	for (unsigned i = 0; i < phnum; i++) {
		const uint32_t *ph = (const uint32_t *)(eh + phoff + 32 * i);
		if (ph[0] == 1 /* PT_LOAD */ && (ph[6] & 2 /* PF_W */))
			return (struct mbox *)((ph[2] + ph[4] + 4095u) & ~4095u);
	}
	return 0;
}

/* one untouched page per round: its fault makes the kernel queue a mapping op right after the
 * scribbling, with whatever count the mailbox then says */
static char fresh[50][4096] __attribute__((aligned(4096)));

static uint32_t seed = 12345;
static uint32_t rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8 ^ seed << 13;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "nops";
	struct mbox *m = find_mailbox();
	if (!m || memcmp(m->name, "t", 1)) {
		printf("mailbox not found\n");
		return 2;
	}
	printf("mailbox found\n");
	for (int round = 0; round < 50; round++) {
		if (!strcmp(mode, "nops")) {
			m->nops = round & 1 ? 0xffffffffu : MBOX_MAX_OPS + 1 + (uint32_t)round;
		} else if (!strcmp(mode, "ops")) {
			m->nops = MBOX_MAX_OPS;
			for (unsigned i = 0; i < MBOX_MAX_OPS; i++) {
				m->ops[i].kind = rnd() % 4;
				m->ops[i].vaddr = rnd() & ~4095u;
				m->ops[i].npages = rnd() % 64;
				m->ops[i].pfn = rnd();
				m->ops[i].prot = rnd();
			}
		} else if (!strcmp(mode, "words")) {
			/* every word the stub does not rewrite at its next entry */
			m->op_errors = rnd();
			m->first_err = rnd();
			m->nregs = rnd();
			m->mbox_va = rnd();
			m->fast_myself = rnd() & 1;
			m->cur_lo = rnd();
			m->cur_hi = rnd();
			m->spin = rnd() % 5000;
			m->confined = 0;
			memset(m->name, 'x', sizeof m->name);
		} else if (!strcmp(mode, "random")) {
			uint32_t *w = (uint32_t *)m;
			/* leave ctl alone here (mode "ctl" does it): the whole rest */
			for (unsigned i = 1; i < sizeof *m / 4; i++)
				w[i] = rnd();
		} else if (!strcmp(mode, "ctl")) {
			m->ctl = MBOX_IN_KERNEL; /* "I am in the kernel" while running */
		} else {
			printf("unknown mode %s\n", mode);
			return 2;
		}
		fresh[round][0] = 1;	     /* a page fault, and a mapping op for it */
		l4_thread_switch(L4_NIL_ID); /* a kernel entry that reads the mailbox */
	}
	printf("survived %s\n", mode);
	return 0;
}
