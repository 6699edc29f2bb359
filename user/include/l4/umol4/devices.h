/* umol4 extension: the virtual devices of an instance (docs/devices.md). The device table lies
 * in the KIP at offset 0x400, in the task's byte order; each entry is one window of a device:
 * ia32 I/O ports, or a physical range to map from the pager (sigma0 protocol: w0 = the physical
 * address of a page, receive window = where it should appear). Accesses to a mapped window
 * trap to the kernel, which performs them on the device. Device registers are little-endian on
 * the bus, as on a PCI or AMBA bus: a big-endian task swaps multi-byte registers itself. */
#ifndef __L4_UMOL4_DEVICES_H__
#define __L4_UMOL4_DEVICES_H__

#include <l4/sys/compiler.h>
#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <l4/sys/types.h>

#define UMOL4_KIP_DEVICES    0x400
#define UMOL4_DEVTAB_MAGIC   0x44455654UL /* "DEVT" */
#define UMOL4_DEV_UART16550  1
#define UMOL4_DEV_TESTDEV    2
#define UMOL4_DEV_VIRTIO_NET 3
#define UMOL4_DEV_FLAG_PORTS 1 /* an ia32 I/O port window */
#define UMOL4_DEV_NO_IRQ     0xff

typedef struct {
	l4_umword_t type, flags, base, size, irq, device, reserved[2];
} umol4_dev_entry_t;

typedef struct {
	l4_umword_t magic, version, count, entry_size;
	umol4_dev_entry_t entry[];
} umol4_devtab_t;

/* The instance's device table, or 0 if this kernel has none. */
L4_INLINE const umol4_devtab_t *umol4_devtab(void)
{
	const umol4_devtab_t *t =
	    (const umol4_devtab_t *)((l4_addr_t)l4_kernel_interface() + UMOL4_KIP_DEVICES);
	return t->magic == UMOL4_DEVTAB_MAGIC ? t : 0;
}

/* The first window of a device of `type`: ports when `ports` (ia32), else memory-mapped. */
L4_INLINE const umol4_dev_entry_t *umol4_device_find(unsigned type, int ports)
{
	const umol4_devtab_t *t = umol4_devtab();
	for (l4_umword_t i = 0; t && i < t->count; i++)
		if (t->entry[i].type == type &&
		    !(t->entry[i].flags & UMOL4_DEV_FLAG_PORTS) == !ports)
			return &t->entry[i];
	return 0;
}

/* The pager of the calling thread (lthread_ex_regs leaves everything as it is). */
L4_INLINE l4_threadid_t umol4_my_pager(void)
{
	l4_threadid_t pre = L4_INVALID_ID, pager = L4_INVALID_ID;
	l4_umword_t flags, ip, sp;
	l4_thread_ex_regs(l4_myself(), (l4_umword_t)-1, (l4_umword_t)-1, &pre, &pager, &flags, &ip,
			  &sp);
	return pager;
}

/* Asks the pager for the device page at physical address `phys`, to appear at `va`; 0 on
 * success. */
L4_INLINE int umol4_device_map_page(l4_addr_t phys, l4_addr_t va)
{
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err = l4_ipc_call(umol4_my_pager(), L4_IPC_SHORT_MSG, phys, 0,
			      L4_IPC_MAPMSG(va, L4_LOG2_PAGESIZE), &w0, &w1, L4_IPC_NEVER, &dope);
	return err ? err : l4_ipc_fpage_received(dope) ? 0 : -1;
}

#if defined(__i386__)
/* ia32 port I/O: an access to a port the task does not hold is an I/O fault to its pager. */
L4_INLINE l4_uint8_t umol4_inb(unsigned port)
{
	l4_uint8_t v;
	__asm__ __volatile__("inb %w1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
L4_INLINE l4_uint16_t umol4_inw(unsigned port)
{
	l4_uint16_t v;
	__asm__ __volatile__("inw %w1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
L4_INLINE l4_uint32_t umol4_inl(unsigned port)
{
	l4_uint32_t v;
	__asm__ __volatile__("inl %w1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
L4_INLINE void umol4_outb(unsigned port, l4_uint8_t v)
{
	__asm__ __volatile__("outb %0, %w1" : : "a"(v), "Nd"(port));
}
L4_INLINE void umol4_outw(unsigned port, l4_uint16_t v)
{
	__asm__ __volatile__("outw %0, %w1" : : "a"(v), "Nd"(port));
}
L4_INLINE void umol4_outl(unsigned port, l4_uint32_t v)
{
	__asm__ __volatile__("outl %0, %w1" : : "a"(v), "Nd"(port));
}
#define UMOL4_HAVE_PORTS 1
#else
#define UMOL4_HAVE_PORTS 0
#endif

/* Memory-mapped registers: one plain load or store each (the empty asm keeps the compiler from
 * folding the access into another instruction, which the kernel would not perform). */
#define UMOL4_MMIO_READ(type, addr)                                                                \
	({                                                                                         \
		type v_ = *(volatile type *)(addr);                                                \
		__asm__ __volatile__("" : "+r"(v_));                                               \
		v_;                                                                                \
	})
#define UMOL4_MMIO_WRITE(type, addr, v) (*(volatile type *)(addr) = (type)(v))

/* A device's registers, wherever they are: ia32 ports, or a mapped memory window. */
typedef struct {
	int ports;
	l4_addr_t base; /* first port, or the virtual address of the window */
	unsigned irq;
} umol4_dev_t;

/* Opens the first device of `type`: its port window on ia32 if it has one, else its memory
 * window, mapped at `va` by the pager. 0 on success. */
L4_INLINE int umol4_device_open(umol4_dev_t *d, unsigned type, l4_addr_t va)
{
	const umol4_dev_entry_t *e = UMOL4_HAVE_PORTS ? umol4_device_find(type, 1) : 0;
	if (e) {
		d->ports = 1;
		d->base = e->base;
		d->irq = e->irq;
		return 0;
	}
	if (!(e = umol4_device_find(type, 0)))
		return -1;
	for (l4_addr_t o = 0; o < e->size; o += L4_PAGESIZE)
		if (umol4_device_map_page(e->base + o, va + o))
			return -1;
	d->ports = 0;
	d->base = va;
	d->irq = e->irq;
	return 0;
}

L4_INLINE l4_uint8_t umol4_dev_read8(const umol4_dev_t *d, unsigned off)
{
#if UMOL4_HAVE_PORTS
	if (d->ports)
		return umol4_inb(d->base + off);
#endif
	return UMOL4_MMIO_READ(l4_uint8_t, d->base + off);
}

L4_INLINE void umol4_dev_write8(const umol4_dev_t *d, unsigned off, l4_uint8_t v)
{
#if UMOL4_HAVE_PORTS
	if (d->ports) {
		umol4_outb(d->base + off, v);
		return;
	}
#endif
	UMOL4_MMIO_WRITE(l4_uint8_t, d->base + off, v);
}

#endif
