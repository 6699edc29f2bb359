/* L4P0017: an instruction fetch is a read fault, whatever the instruction would do. Two
 * functions start on pages of their own with an instruction that adds to memory (on ia32 one
 * instruction, addl $1 to a word, which a CPU reports as a write fault when its memory operand
 * faults). The first runs on its never-touched code page: the fetch faults, the loader maps the
 * read-only code page. Then the program asks the loader for 32000 pages, so many host mappings
 * that the kernel drops them all (docs/architecture.md, the mapping database): the second
 * function, run before, runs again on a page the host no longer maps, and the fetch fault
 * re-mirrors it. A fetch decoded as a write would be refused: "write to a read-only page". */
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <stdio.h>

#define PAGES	 32000u
#define WINDOW	 0x40000000u /* 1 GiB: every frame lands at WINDOW + its physical address */
#define ANY_PAGE 0xfffffffcu

volatile unsigned counter;
void first_add(void);
void second_add(void);

#if defined(__i386__)
__asm__(".text\n"
	".balign 4096\n"
	".globl first_add\n"
	"first_add:\n"
	"	addl $1, counter\n"
	"	ret\n"
	".balign 4096\n"
	".globl second_add\n"
	"second_add:\n"
	"	addl $1, counter\n"
	"	ret\n"
	".balign 4096\n");
#else
__attribute__((noinline, aligned(4096))) void first_add(void)
{
	counter++;
}

__attribute__((noinline, aligned(4096))) void second_add(void)
{
	counter++;
}
#endif

int main(void)
{
	first_add();
	printf("a fresh code page: counter %u\n", counter);
	second_add();
	if (rmgr_init() != 1) {
		printf("no RMGR\n");
		return 1;
	}
	unsigned got = 0;
	for (; got < PAGES; got++) {
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		int err = l4_ipc_call(rmgr_pager_id, L4_IPC_SHORT_MSG, ANY_PAGE, 0,
				      L4_IPC_MAPMSG(WINDOW, 30), &w0, &w1, L4_IPC_NEVER, &dope);
		if (err || !l4_ipc_fpage_received(dope))
			break;
	}
	printf("pages from the loader: %u\n", got);
	second_add();
	printf("a code page the host had unmapped: counter %u\n", counter);
	return 0;
}
