/* Memory-mapped device access (docs/devices.md): the test device's window, found in the KIP's
 * device table and mapped from the pager, takes loads and stores of every width; the device
 * sees them as a little-endian bus carries them, so a program sees its own byte order, as with
 * memory, and reads the device's own (little-endian) registers swapped when it is big-endian;
 * signed loads extend; a loop with an advancing pointer (ARM writeback, MIPS delay
 * slots) reads what it should; the device's interrupt arrives as IPC; and once the program has
 * flushed its mapping, an access is a page fault its pager does not resolve. */
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <l4/umol4/devices.h>
#include <stdio.h>
#include <string.h>

#define VA		 0x20000000UL /* where the window appears: free on every ISA */
#define SCRATCH		 0x000
#define REG_ID		 0x100
#define REG_LAST	 0x104
#define REG_IRQ		 0x108
#define LAST(w, wr, off) ((w) | (wr) << 8 | (off) << 16)

/* Device registers are little-endian on the bus: a big-endian task swaps them (docs/devices.md). */
static l4_uint32_t reg32(l4_addr_t a)
{
	const union {
		l4_uint32_t w;
		unsigned char b[4];
	} probe = {1};
	l4_uint32_t v = UMOL4_MMIO_READ(l4_uint32_t, a);
	return probe.b[0] ? v : (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

static const char *ok(int c)
{
	return c ? "ok" : "FAILED";
}

int main(void)
{
	const umol4_dev_entry_t *e = umol4_device_find(UMOL4_DEV_TESTDEV, 0);
	printf("device table: %s\n", ok(umol4_devtab() && e));
	if (!e)
		return 1;
	printf("test device at 0x%08x, %u bytes, irq %u\n", (unsigned)e->base, (unsigned)e->size,
	       (unsigned)e->irq);
	printf("mapped: %s\n", ok(umol4_device_map_page(e->base, VA) == 0));
	l4_addr_t d = VA;
	printf("id: 0x%08x\n", (unsigned)reg32(d + REG_ID));

	/* stores of each width, read back through every width, compared with memory */
	unsigned char mem[8];
	l4_uint32_t w32 = 0x11223344;
	l4_uint16_t w16 = 0xa1b2;
	memcpy(mem, &w32, 4);
	memcpy(mem + 4, &w16, 2);
	mem[6] = 0xc3;
	mem[7] = 0xd4;
	UMOL4_MMIO_WRITE(l4_uint32_t, d + SCRATCH, w32);
	printf("32-bit store reached the device: %s\n", ok(reg32(d + REG_LAST) == LAST(4, 1, 0)));
	UMOL4_MMIO_WRITE(l4_uint16_t, d + SCRATCH + 4, w16);
	printf("16-bit store reached the device: %s\n", ok(reg32(d + REG_LAST) == LAST(2, 1, 4)));
	UMOL4_MMIO_WRITE(l4_uint8_t, d + SCRATCH + 6, 0xc3);
	UMOL4_MMIO_WRITE(l4_uint8_t, d + SCRATCH + 7, 0xd4);
	printf("8-bit store reached the device: %s\n", ok(reg32(d + REG_LAST) == LAST(1, 1, 7)));
	int bytes = 1, halves = 1;
	for (unsigned i = 0; i < 8; i++)
		bytes &= UMOL4_MMIO_READ(l4_uint8_t, d + SCRATCH + i) == mem[i];
	for (unsigned i = 0; i < 8; i += 2) {
		l4_uint16_t h;
		memcpy(&h, mem + i, 2);
		halves &= UMOL4_MMIO_READ(l4_uint16_t, d + SCRATCH + i) == h;
	}
	l4_uint32_t second;
	memcpy(&second, mem + 4, 4);
	printf("bytes in the task's byte order: %s\n", ok(bytes));
	printf("halfwords in the task's byte order: %s\n", ok(halves));
	printf("words in the task's byte order: %s\n",
	       ok(UMOL4_MMIO_READ(l4_uint32_t, d + SCRATCH) == w32 &&
		  UMOL4_MMIO_READ(l4_uint32_t, d + SCRATCH + 4) == second));
	printf("8-bit load reached the device: %s\n",
	       ok(UMOL4_MMIO_READ(l4_uint8_t, d + SCRATCH + 3) == mem[3] &&
		  reg32(d + REG_LAST) == LAST(1, 0, 3)));

	/* sign and zero extension */
	UMOL4_MMIO_WRITE(l4_uint8_t, d + SCRATCH + 8, 0x80);
	UMOL4_MMIO_WRITE(l4_uint16_t, d + SCRATCH + 10, 0x8001);
	printf("signed byte: %d, unsigned byte: %u\n",
	       (int)UMOL4_MMIO_READ(l4_int8_t, d + SCRATCH + 8),
	       (unsigned)UMOL4_MMIO_READ(l4_uint8_t, d + SCRATCH + 8));
	printf("signed half: %d, unsigned half: %u\n",
	       (int)UMOL4_MMIO_READ(l4_int16_t, d + SCRATCH + 10),
	       (unsigned)UMOL4_MMIO_READ(l4_uint16_t, d + SCRATCH + 10));

	/* an advancing pointer: post-indexed and pre-indexed forms, loads in delay slots */
	for (unsigned i = 0; i < 64; i++)
		UMOL4_MMIO_WRITE(l4_uint8_t, d + SCRATCH + 64 + i, i * 3 + 1);
	unsigned sum = 0, expect = 0;
	volatile l4_uint8_t *p = (volatile l4_uint8_t *)(d + SCRATCH + 64);
	for (unsigned i = 0; i < 64; i++) {
		sum += *p++;
		expect += i * 3 + 1;
	}
	volatile l4_uint16_t *q = (volatile l4_uint16_t *)(d + SCRATCH + 128);
	for (unsigned i = 0; i < 16; i++)
		*q++ = (l4_uint16_t)(i * 1000);
	for (unsigned i = 0; i < 16; i++) {
		sum += *--q;
		expect += i * 1000;
	}
	printf("pointer walks: %s (%u)\n", ok(sum == expect), sum);

	/* the device's interrupt as V2 interrupt IPC */
	l4_threadid_t irq, src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_make_taskid_from_irq((int)e->irq, &irq);
	int err = l4_ipc_receive(irq, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &dope);
	printf("associate irq: 0x%x\n", err);
	UMOL4_MMIO_WRITE(l4_uint32_t, d + REG_IRQ, 1);
	err = l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	printf("interrupt: 0x%x from irq %u: %s\n", err, (unsigned)src.lh.low - 1,
	       ok(src.lh.low - 1 == e->irq));

	/* without the mapping an access is an ordinary page fault: the loader refuses it */
	l4_fpage_unmap(l4_fpage(VA, L4_LOG2_PAGESIZE, 0, 0), L4_FP_FLUSH_PAGE | L4_FP_ALL_SPACES);
	printf("flushed; reading again\n");
	fflush(stdout);
	printf("read 0x%x after the flush: FAILED\n", (unsigned)reg32(d + REG_ID));
	return 0;
}
