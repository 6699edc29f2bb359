#include "devices/testdev.h"
#include "core/irq.h"

static word_t td_read(struct device *d, word_t off, unsigned width)
{
	struct testdev *t = d->state;
	word_t v = 0;
	if (off == TESTDEV_ID)
		v = TESTDEV_ID_VALUE;
	else if (off == TESTDEV_LAST)
		v = t->last;
	else if (off + width <= TESTDEV_SCRATCH)
		for (unsigned i = 0; i < width; i++)
			v |= (word_t)t->scratch[off + i] << (8 * i);
	t->last = width | off << 16;
	return v;
}

static void td_write(struct device *d, word_t off, unsigned width, word_t v)
{
	struct testdev *t = d->state;
	if (off + width <= TESTDEV_SCRATCH)
		for (unsigned i = 0; i < width; i++)
			t->scratch[off + i] = (uint8_t)(v >> (8 * i));
	else if (off == TESTDEV_IRQ && d->irq != DEVICE_NO_IRQ && d->k)
		irq_raise(d->k, d->irq);
	t->last = width | 1u << 8 | off << 16;
}

static const struct device_ops td_ops = {td_read, td_write};

void testdev_init(struct testdev *t, word_t port_base, word_t mmio_base, unsigned irq)
{
	*t = (struct testdev){0};
	device_init(&t->dev, DEVTYPE_TESTDEV, "testdev", &td_ops, t);
	device_set_windows(&t->dev, port_base, port_base ? 16 : 0, mmio_base, irq);
}
