#include "core/device.h"
#include "core/kernel.h"
#include "core/kip.h"

static bool overlaps(word_t a, word_t an, word_t b, word_t bn)
{
	return an && bn && a < b + bn && b < a + an;
}

void device_init(struct device *d, enum device_type type, const char *name,
		 const struct device_ops *ops, void *state)
{
	*d = (struct device){
	    .type = type, .name = name, .irq = DEVICE_NO_IRQ, .ops = ops, .state = state};
}

void device_set_windows(struct device *d, word_t port_base, word_t nports, word_t mmio_base,
			unsigned irq)
{
	d->port_base = port_base;
	d->port_count = nports;
	d->mmio_base = mmio_base;
	d->mmio_size = mmio_base ? PAGE_SIZE : 0;
	d->irq = irq;
}

bool device_add(struct kernel *k, struct device *d)
{
	if (k->ndevices >= MAX_DEVICES)
		return false;
	if (d->mmio_size && (d->mmio_base < DEVICE_PHYS_BASE || d->mmio_size > DEVICE_PHYS_END ||
			     d->mmio_base > DEVICE_PHYS_END - d->mmio_size ||
			     (d->mmio_base | d->mmio_size) & (PAGE_SIZE - 1)))
		return false;
	for (unsigned i = 0; i < k->ndevices; i++) {
		const struct device *o = k->devices[i];
		if (overlaps(d->mmio_base, d->mmio_size, o->mmio_base, o->mmio_size) ||
		    overlaps(d->port_base, d->port_count, o->port_base, o->port_count))
			return false;
	}
	d->k = k;
	k->devices[k->ndevices++] = d;
	return true;
}

static void put_entry(struct kernel *k, unsigned i, const struct device *d, bool port,
		      unsigned devno)
{
	word_t e = KIP_OFF_DEVICES + DEVTAB_HEADER_SIZE + i * DEVTAB_ENTRY_SIZE;
	kip_put(k, e + 0, d->type);
	kip_put(k, e + 4, port ? DEVTAB_FLAG_PORT : 0);
	kip_put(k, e + 8, port ? d->port_base : d->mmio_base);
	kip_put(k, e + 12, port ? d->port_count : d->mmio_size);
	kip_put(k, e + 16, d->irq);
	kip_put(k, e + 20, devno); /* the windows of one device have the same number */
}

void device_table_write(struct kernel *k)
{
	unsigned n = 0;
	for (unsigned i = 0; i < k->ndevices; i++) {
		const struct device *d = k->devices[i];
		if (d->port_count)
			put_entry(k, n++, d, true, i);
		if (d->mmio_size)
			put_entry(k, n++, d, false, i);
	}
	kip_put(k, KIP_OFF_DEVICES + 0, DEVTAB_MAGIC);
	kip_put(k, KIP_OFF_DEVICES + 4, 1); /* version */
	kip_put(k, KIP_OFF_DEVICES + 8, n);
	kip_put(k, KIP_OFF_DEVICES + 12, DEVTAB_ENTRY_SIZE);
}

bool device_frame(const struct kernel *k, word_t frame)
{
	word_t a = frame << PAGE_SHIFT;
	if (frame >= (DEVICE_PHYS_END >> PAGE_SHIFT) || a < DEVICE_PHYS_BASE)
		return false;
	for (unsigned i = 0; i < k->ndevices; i++) {
		const struct device *d = k->devices[i];
		if (d->mmio_size && a >= d->mmio_base && a - d->mmio_base < d->mmio_size)
			return true;
	}
	return false;
}

bool device_access(struct kernel *k, bool port, word_t addr, unsigned width, bool write,
		   word_t *value)
{
	for (unsigned i = 0; i < k->ndevices; i++) {
		struct device *d = k->devices[i];
		word_t base = port ? d->port_base : d->mmio_base;
		word_t size = port ? d->port_count : d->mmio_size;
		if (!size || addr < base || addr - base > size - width)
			continue;
		if (write)
			d->ops->write(d, addr - base, width, *value);
		else
			*value = d->ops->read(d, addr - base, width);
		return true;
	}
	if (!write)
		*value = width == 4 ? 0xffffffffu : (1u << (8 * width)) - 1;
	return false;
}
