/* Symbol and assembler-entry helpers (2003 <l4/sys/linkage.h> names). */
#ifndef __L4_SYS_LINKAGE_H__
#define __L4_SYS_LINKAGE_H__

/* ELF targets need no leading underscore, so symbol names are used verbatim. */
#define SYMBOL_NAME(x)	   x
#define SYMBOL_NAME_STR(x) #x
/* clang-format would take the colon for a C label. */
/* clang-format off */
#define SYMBOL_NAME_LABEL(x) x:
/* clang-format on */

/* All supported ABIs pass C arguments the default way; nothing to force. */
#define asmlinkage

#ifdef __ASSEMBLY__
#ifndef __ALIGN
#define __ALIGN .p2align 2
#endif
#ifndef ALIGN
#define ALIGN __ALIGN
#endif
#ifndef ENTRY
#define ENTRY(name)                                                                                \
	.globl name;                                                                               \
	ALIGN;                                                                                     \
	name:
#endif
#endif /* __ASSEMBLY__ */

#endif
