/* The kernel info page (reference §4.6), kept once per byte order because tasks of both byte
 * orders may share an instance; and the Multiboot-style boot information of a program. */
#ifndef UMOL4_CORE_KIP_H
#define UMOL4_CORE_KIP_H

#include "core/kernel.h"

#define KIP_MAGIC 0x4be6344cu
#define KIP_VERSION 0x01004444u /* Fiasco's V2 version word: L4Env code tests it */
#define KIP_OFF_SIGMA0 0x20u
#define KIP_OFF_ROOT 0x40u
#define KIP_OFF_MAIN_MEMORY 0x60u
#define KIP_OFF_RESERVED0 0x68u
#define KIP_OFF_CLOCK 0xa0u
#define KIP_OFF_CPU_MHZ 0xb0u
#define KIP_OFF_BUS_MHZ 0xb4u
#define KIP_OFF_VERSION_STRING 0xe0u
/* The call-entry table (docs/abi/<isa>.md "Kernel entry"): a header {magic, version, entries,
 * slot size}, then per ISA {ELF machine, entry address of system call 0, system calls}. */
#define KIP_OFF_CALL_ENTRIES 0x300u
#define KIP_CALL_MAGIC	     0x4c4c4143u /* "CALL" in a little-endian word */
#define KIP_CALL_MAX	     8u

#define MULTIBOOT_MAGIC 0x2badb002u
#define MULTIBOOT_CMDLINE 4u /* flags bit 2 */
#define MULTIBOOT_MODS 8u    /* flags bit 3 */
#define MAX_BOOT_MODULES 32u
/* The boot-information page holds the root task's command line (at most BOOTINFO_CMDLINE_MAX
 * bytes) and the command lines of all modules together (BOOTINFO_MODSTR_SIZE bytes with their
 * terminating NULs); the host refuses longer ones rather than cut them. */
#define BOOTINFO_CMDLINE_MAX 1023u
#define BOOTINFO_MODSTR_SIZE 2048u

/* A boot module (file image) the os layer put into physical memory for the root task. */
struct boot_module {
	word_t start, end; /* physical, end exclusive */
	const char *cmdline;
};

void kip_init(struct kernel *k);
/* Writes word v at KIP offset `off` into the KIP of each byte order. */
void kip_put(struct kernel *k, word_t off, word_t v);
/* Writes a boot-table entry (esp, eip, memory low/high) at KIP offset `off`. */
void kip_set_boot(struct kernel *k, word_t off, word_t esp, word_t eip, word_t low, word_t high);
/* Updates the clock field (µs since boot) in every KIP. */
void kip_tick(struct kernel *k, uint64_t now_us);
/* The processor (and, lacking a better figure, bus) frequency fields, in MHz. */
void kip_set_frequency(struct kernel *k, word_t cpu_mhz);
/* Announces the call entries of the given backends (NULL-terminated) in every KIP. */
void kip_set_call_entries(struct kernel *k, const struct arch *const *arches);
/* KIP frame for a task's byte order. */
word_t kip_phys_for(const struct kernel *k, const struct task *t);
/* Multiboot information at PHYS_BOOTINFO in t's byte order: the command line and the module
 * table {start, end, string, 0} (layout in docs/abi/x86.md "Program entry"). */
void bootinfo_write(struct kernel *k, const struct task *t, const char *cmdline,
		    const struct boot_module *mods, unsigned nmods);

#endif
