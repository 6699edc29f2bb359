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

word_t kip_phys_for(const struct kernel *k, const struct task *t)
{
	return k->kip_phys[t->arch->big_endian ? 1 : 0];
}

void bootinfo_write(struct kernel *k, const struct task *t, const char *cmdline)
{
	word_t f = k->bootinfo_phys;
	bool be = t->arch->big_endian;
	memset(k->phys + f, 0, PAGE_SIZE);
	put32(k, f, be, 0, MULTIBOOT_CMDLINE);
	put32(k, f, be, 16, f + 0x100);
	size_t n = strlen(cmdline);
	if (n > PAGE_SIZE - 0x101)
		n = PAGE_SIZE - 0x101;
	memcpy(k->phys + f + 0x100, cmdline, n);
}
