/* L4P0021: L4 code that jumps into the middle of its stub's call entry, past a slot's first
 * instruction, with a register the slot uses as a base set to 0: the slot's store faults inside
 * the stub. The task process ends (the stub cannot tell what state the thread is in), and the
 * kernel names the cause. Not on ia32, whose slots address memory absolutely and do not fault. */
#include <stdio.h>

int main(void)
{
	printf("callfault: jumping into the call entry\n");
#if defined(__arm__)
	__asm__ __volatile__("mov r12, #0\n\tldr pc, =0xc0000404" ::: "r12", "memory");
#elif defined(__mips__)
	__asm__ __volatile__(".set push\n\t.set noreorder\n\tmove $25, $0\n\tli $2, 0x70000404\n\t"
			     "jr $2\n\tnop\n\t.set pop" ::: "$2", "$25", "memory");
#elif defined(__riscv)
	__asm__ __volatile__("li t6, 0\n\tli t5, 0xc0000404\n\tjr t5" ::: "t5", "t6", "memory");
#endif
	printf("callfault: still here\n");
	return 0;
}
