#include "core/kip.h"
#include "core/task.h"

#include <string.h>

static void put32(struct kernel *k, word_t frame, bool be, word_t off, word_t v)
{
	word_t raw = word_bytes(&v, be);
	memcpy(k->phys + frame + off, &raw, 4);
}

static void put64(struct kernel *k, word_t frame, bool be, word_t off, uint64_t v)
{
	/* a 64-bit field reads as one integer in the task's byte order */
	put32(k, frame, be, off + (be ? 4 : 0), (word_t)v);
	put32(k, frame, be, off + (be ? 0 : 4), (word_t)(v >> 32));
}

void kip_init(struct kernel *k)
{
	static const char version[] = "umol4 user-mode L4 V2 kernel";
	for (int be = 0; be < 2; be++) {
		word_t f = k->kip_phys[be];
		memset(k->phys + f, 0, PAGE_SIZE);
		put32(k, f, be, 0x00, KIP_MAGIC);
		put32(k, f, be, 0x04, KIP_VERSION);
		k->phys[f + 0x08] = KIP_OFF_VERSION_STRING / 16;
		put32(k, f, be, KIP_OFF_MAIN_MEMORY, 0);
		put32(k, f, be, KIP_OFF_MAIN_MEMORY + 4, k->phys_size);
		put32(k, f, be, KIP_OFF_RESERVED0, 0);
		put32(k, f, be, KIP_OFF_RESERVED0 + 4, PHYS_KERNEL_END);
		memcpy(k->phys + f + KIP_OFF_VERSION_STRING, version, sizeof version);
	}
}

void kip_put(struct kernel *k, word_t off, word_t v)
{
	for (int be = 0; be < 2; be++)
		put32(k, k->kip_phys[be], be, off, v);
}

void kip_set_boot(struct kernel *k, word_t off, word_t esp, word_t eip, word_t low, word_t high)
{
	for (int be = 0; be < 2; be++) {
		word_t f = k->kip_phys[be];
		put32(k, f, be, off + 0, esp);
		put32(k, f, be, off + 4, eip);
		put32(k, f, be, off + 8, low);
		put32(k, f, be, off + 12, high);
	}
}

void kip_tick(struct kernel *k, uint64_t now_us)
{
	put64(k, k->kip_phys[0], false, KIP_OFF_CLOCK, now_us);
	put64(k, k->kip_phys[1], true, KIP_OFF_CLOCK, now_us);
}

void kip_set_frequency(struct kernel *k, word_t cpu_mhz)
{
	for (int be = 0; be < 2; be++) {
		put32(k, k->kip_phys[be], be, KIP_OFF_CPU_MHZ, cpu_mhz);
		put32(k, k->kip_phys[be], be, KIP_OFF_BUS_MHZ, cpu_mhz);
	}
}

void kip_set_call_entries(struct kernel *k, const struct arch *const *arches)
{
	word_t n = 0, off = KIP_OFF_CALL_ENTRIES + 16;
	unsigned machine[KIP_CALL_MAX];
	for (; *arches && n < KIP_CALL_MAX; arches++) {
		const struct arch *a = *arches;
		bool dup = false; /* mips and mipsel: one machine, one address */
		for (word_t i = 0; i < n; i++)
			dup |= machine[i] == a->elf_machine;
		if (!a->call_entry || dup)
			continue;
		machine[n++] = a->elf_machine;
		kip_put(k, off + 0, a->elf_machine);
		kip_put(k, off + 4, a->call_entry);
		kip_put(k, off + 8, a->call_nsys);
		kip_put(k, off + 12, 0);
		off += 16;
	}
	kip_put(k, KIP_OFF_CALL_ENTRIES + 0, KIP_CALL_MAGIC);
	kip_put(k, KIP_OFF_CALL_ENTRIES + 4, 1); /* version */
	kip_put(k, KIP_OFF_CALL_ENTRIES + 8, n);
	kip_put(k, KIP_OFF_CALL_ENTRIES + 12, CALL_SLOT_SIZE);
}

word_t kip_phys_for(const struct kernel *k, const struct task *t)
{
	return k->kip_phys[t->arch->big_endian ? 1 : 0];
}

/* Copies a string into the boot-information page; returns its physical address. */
static word_t put_str(struct kernel *k, word_t *at, word_t limit, const char *str)
{
	word_t start = *at;
	size_t n = strlen(str);
	if (n > limit - *at - 1)
		n = limit - *at - 1;
	memcpy(k->phys + k->bootinfo_phys + *at, str, n);
	k->phys[k->bootinfo_phys + *at + n] = 0;
	*at += (word_t)n + 1;
	return k->bootinfo_phys + start;
}

void bootinfo_write(struct kernel *k, const struct task *t, const char *cmdline,
		    const struct boot_module *mods, unsigned nmods)
{
	word_t f = k->bootinfo_phys,
	       strings = PAGE_SIZE - BOOTINFO_MODSTR_SIZE - BOOTINFO_CMDLINE_MAX - 1;
	bool be = t->arch->big_endian;
	if (nmods > MAX_BOOT_MODULES)
		nmods = MAX_BOOT_MODULES;
	memset(k->phys + f, 0, PAGE_SIZE);
	put32(k, f, be, 0, MULTIBOOT_CMDLINE | (nmods ? MULTIBOOT_MODS : 0));
	put32(k, f, be, 16, put_str(k, &strings, PAGE_SIZE - BOOTINFO_MODSTR_SIZE, cmdline));
	put32(k, f, be, 20, nmods);
	put32(k, f, be, 24, f + 0x40);
	strings = PAGE_SIZE - BOOTINFO_MODSTR_SIZE;
	for (unsigned i = 0; i < nmods; i++) {
		word_t e = 0x40 + 16 * i;
		put32(k, f, be, e, mods[i].start);
		put32(k, f, be, e + 4, mods[i].end);
		put32(k, f, be, e + 8, put_str(k, &strings, PAGE_SIZE, mods[i].cmdline));
	}
}
