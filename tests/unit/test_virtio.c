/* The virtio-net model (docs/cluster.md): registers, feature words, queues in physical memory,
 * transmit on notify, receive into offered buffers, interrupt status, DMA bounds. */
#include "devices/virtio_net.h"
#include "tests/unit/unit.h"

#include <string.h>

static uint8_t sent[64], inbox[64];
static unsigned nsent, ninbox;
static bool watched;

static void send(void *cx, const uint8_t *f, unsigned len)
{
	(void)cx;
	memcpy(sent, f, len < sizeof sent ? len : sizeof sent);
	nsent = len;
}
static int recv(void *cx, uint8_t *buf, unsigned size)
{
	(void)cx;
	if (!ninbox)
		return -1;
	unsigned n = ninbox < size ? ninbox : size;
	memcpy(buf, inbox, n);
	ninbox = 0;
	return (int)n;
}
static void watch(void *cx, bool on)
{
	(void)cx;
	watched = on;
}

static void put(uint8_t *p, word_t v, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}
static word_t get(const uint8_t *p, unsigned n)
{
	word_t v = 0;
	for (unsigned i = 0; i < n; i++)
		v |= (word_t)p[i] << (8 * i);
	return v;
}

/* Queue qi with 4 descriptors at physical base: desc +0, avail +0x100, used +0x200. */
static void setup_queue(struct device *d, unsigned qi, word_t base)
{
	d->ops->write(d, 0x030, 4, qi);
	d->ops->write(d, 0x038, 4, 4);
	d->ops->write(d, 0x080, 4, base);
	d->ops->write(d, 0x090, 4, base + 0x100);
	d->ops->write(d, 0x0a0, 4, base + 0x200);
	d->ops->write(d, 0x044, 4, 1);
}

static void offer(uint8_t *mem, word_t base, unsigned slot, word_t buf, unsigned len, bool w)
{
	uint8_t *desc = mem + base + 16 * slot, *avail = mem + base + 0x100;
	put(desc, buf, 4);
	put(desc + 4, 0, 4);
	put(desc + 8, len, 4);
	put(desc + 12, w ? 2 : 0, 2);
	unsigned idx = get(avail + 2, 2);
	put(avail + 4 + 2 * (idx % 4), slot, 2);
	put(avail + 2, idx + 1, 2);
}

static void test_virtio_net(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	static struct virtio_net n;
	struct net_backend be = {send, recv, watch, 0};
	const uint8_t mac[6] = {2, 0, 0, 0, 0, 7};
	virtio_net_init(&n, &be, mac, DEVICE_PHYS_BASE + 2 * PAGE_SIZE, 6);
	CHECK(device_add(k, &n.dev));
	struct device *d = &n.dev;
	CHECK_EQ(d->ops->read(d, 0x000, 4), 0x74726976u);
	CHECK_EQ(d->ops->read(d, 0x004, 4), 2u);
	CHECK_EQ(d->ops->read(d, 0x008, 4), 1u);
	d->ops->write(d, 0x014, 4, 1);
	CHECK_EQ(d->ops->read(d, 0x010, 4), 1u); /* VERSION_1 */
	d->ops->write(d, 0x014, 4, 0);
	CHECK_EQ(d->ops->read(d, 0x010, 4), 1u << 5); /* MAC */
	CHECK_EQ(d->ops->read(d, 0x105, 1), 7u);
	CHECK_EQ(d->ops->read(d, 0x102, 2), 0u);
	const word_t rxq = 0x10000, txq = 0x11000, bufs = 0x12000;
	setup_queue(d, 0, rxq);
	CHECK(watched);
	setup_queue(d, 1, txq);
	d->ops->write(d, 0x070, 4, 1 | 2 | 8 | 4);
	/* transmit: header, then the frame, split over two descriptors */
	uint8_t *mem = k->phys;
	memcpy(mem + bufs, "\0\0\0\0\0\0\0\0\0\0\0\0abc", 15);
	memcpy(mem + bufs + 0x100, "defg", 4);
	put(mem + txq + 12, 1, 2); /* NEXT */
	put(mem + txq + 14, 1, 2);
	uint8_t *d0 = mem + txq;
	put(d0, bufs, 4);
	put(d0 + 8, 15, 4);
	put(d0 + 16, bufs + 0x100, 4);
	put(d0 + 24, 4, 4);
	put(mem + txq + 0x100 + 4, 0, 2);
	put(mem + txq + 0x100 + 2, 1, 2);
	d->ops->write(d, 0x050, 4, 1);
	CHECK(nsent == 7 && !memcmp(sent, "abcdefg", 7));
	CHECK_EQ(get(mem + txq + 0x200 + 2, 2), 1u);
	CHECK_EQ(d->ops->read(d, 0x060, 4), 1u);
	CHECK(k->irqs[6].pending);
	d->ops->write(d, 0x064, 4, 1);
	CHECK_EQ(d->ops->read(d, 0x060, 4), 0u);
	/* receive: waits in the backend without a buffer, lands in one when offered */
	memcpy(inbox, "hello", 5);
	ninbox = 5;
	virtio_net_input(&n);
	CHECK_EQ(ninbox, 5u);
	offer(mem, rxq, 0, bufs + 0x200, 64, true);
	d->ops->write(d, 0x050, 4, 0);
	CHECK_EQ(ninbox, 0u);
	CHECK_EQ(get(mem + rxq + 0x200 + 2, 2), 1u);
	CHECK_EQ(get(mem + rxq + 0x200 + 8, 4), 12u + 5u);
	CHECK(!memcmp(mem + bufs + 0x200 + 12, "hello", 5) && get(mem + bufs + 0x200 + 10, 2) == 1);
	/* a buffer outside main memory or on the kernel's pages: the device needs a reset */
	memcpy(inbox, "x", 1);
	ninbox = 1;
	offer(mem, rxq, 1, 0x1000, 64, true);
	d->ops->write(d, 0x050, 4, 0);
	CHECK(d->ops->read(d, 0x070, 4) & 0x40);
	d->ops->write(d, 0x070, 4, 0);
	CHECK(!watched && d->ops->read(d, 0x070, 4) == 0);
}

const struct unit_test virtio_tests[] = {
    {"virtio-net: registers, features, transmit, receive, interrupt, DMA bounds", test_virtio_net},
    {0, 0},
};
