/* What crt0 learned at program entry (docs/abi/<isa>.md "Program entry"), for sigma0 and root
 * tasks that need more than argc/argv. */
#ifndef __L4_UMOL4_CRT0_H__
#define __L4_UMOL4_CRT0_H__

#include <l4/sys/l4int.h>

/* Entry EAX / r0 / $a0: 0x2BADB002 when crt0_multiboot_info points to Multiboot information. */
extern l4_mword_t crt0_multiboot_flag;
/* Entry EBX / r1 / $a1: the Multiboot information block. */
extern void *crt0_multiboot_info;
/* Entry ECX / r2 / $a2: the KIP address; only sigma0 is started with it. */
extern void *__crt0_kip;

#define UMOL4_MULTIBOOT_MAGIC 0x2BADB002UL

/* The 64 KiB .bss stack crt0 runs main on (from l4.ld). */
extern l4_uint8_t crt0_stack_low[];
extern l4_uint8_t crt0_stack_high[];

#endif
