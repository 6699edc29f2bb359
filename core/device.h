/* Virtual devices (docs/devices.md): the models the kernel performs device accesses on, the
 * I/O port and memory-mapped windows through which tasks reach them, and the device table a
 * program finds in the KIP. The core knows no device: a model is a pair of access functions on
 * its own state. Values cross this interface as a little-endian bus carries them: byte i of a
 * wider access is bits 8i..8i+7, whatever the byte order of the task that made the access. */
#ifndef UMOL4_CORE_DEVICE_H
#define UMOL4_CORE_DEVICE_H

#include "core/types.h"

struct kernel;
struct device;

struct device_ops {
	/* width is 1, 2 or 4 bytes; off is relative to the window's base */
	word_t (*read)(struct device *d, word_t off, unsigned width);
	void (*write)(struct device *d, word_t off, unsigned width, word_t value);
};

/* Device types in the device table (docs/devices.md). */
enum device_type {
	DEVTYPE_UART16550 = 1,
	DEVTYPE_TESTDEV = 2,
	DEVTYPE_VIRTIO_NET = 3, /* virtio-mmio, device id 1 */
};

#define DEVICE_NO_IRQ 0xffu
#define MAX_DEVICES   8u

struct device {
	enum device_type type;
	const char *name;
	word_t mmio_base, mmio_size;  /* physical window; size 0: none */
	word_t port_base, port_count; /* ia32 I/O ports; count 0: none */
	unsigned irq;		      /* DEVICE_NO_IRQ: none */
	const struct device_ops *ops;
	void *state;
	struct kernel *k; /* set by device_add: a model raises its interrupt through it */
};

/* Physical addresses of memory-mapped windows: above any main memory (--mem <= 3 GiB) and
 * below 0xF0000000, which the sigma0 protocol reads as I/O fpages. */
#define DEVICE_PHYS_BASE 0xe0000000u
#define DEVICE_PHYS_END	 0xe0100000u

/* The device table in the KIP (both byte orders), docs/devices.md. */
#define KIP_OFF_DEVICES	   0x400u
#define DEVTAB_MAGIC	   0x44455654u /* "DEVT" */
#define DEVTAB_ENTRY_SIZE  32u
#define DEVTAB_HEADER_SIZE 16u
#define DEVTAB_FLAG_PORT   1u /* the window is ia32 I/O ports, not physical memory */

/* Sets up d as a device of a model: no windows, no interrupt yet. */
void device_init(struct device *d, enum device_type type, const char *name,
		 const struct device_ops *ops, void *state);
/* Gives d its windows: nports ports from port_base (0: none) and one page of physical memory at
 * mmio_base (0: none); and its interrupt. */
void device_set_windows(struct device *d, word_t port_base, word_t nports, word_t mmio_base,
			unsigned irq);
/* Adds a device to the instance (before boot writes the KIP); false when full or its windows
 * overlap another's. */
bool device_add(struct kernel *k, struct device *d);
/* Writes the device table into the KIP pages. */
void device_table_write(struct kernel *k);
/* Whether physical frame `frame` (address >> PAGE_SHIFT) lies in a memory-mapped window. */
bool device_frame(const struct kernel *k, word_t frame);
/* Performs an access on whatever device window covers [addr, addr + width) (ports when `port`),
 * returning the value read; false when no device is there (the access then reads all ones and
 * writes nothing, as on a bus without a device). */
bool device_access(struct kernel *k, bool port, word_t addr, unsigned width, bool write,
		   word_t *value);

#endif
