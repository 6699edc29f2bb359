/*
 * The assembler half of the l4sys compatibility check: <l4/sys/compiler.h> and
 * <l4/sys/linkage.h> as a 2003 crt0.S used them (ENTRY, ALIGN, SYMBOL_NAME, SYMBOL_NAME_LABEL).
 * Data only, so the file is the same on every ISA.
 */
#define __ASSEMBLY__
#include <l4/sys/compiler.h>
#include <l4/sys/linkage.h>

	.data
ENTRY(compat_asm_word)
	.long	SYMBOL_NAME(compat_asm_word)
SYMBOL_NAME_LABEL(compat_asm_end)
	.long	0

	.section .note.GNU-stack, "", %progbits
