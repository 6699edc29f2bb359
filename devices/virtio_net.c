#include "devices/virtio_net.h"
#include "core/irq.h"
#include "core/kernel.h"

#include <string.h>

enum {
	VM_MAGIC = 0x000,
	VM_VERSION = 0x004,
	VM_DEVICE_ID = 0x008,
	VM_VENDOR_ID = 0x00c,
	VM_DEV_FEATURES = 0x010,
	VM_DEV_FEATURES_SEL = 0x014,
	VM_DRV_FEATURES = 0x020,
	VM_DRV_FEATURES_SEL = 0x024,
	VM_QUEUE_SEL = 0x030,
	VM_QUEUE_NUM_MAX = 0x034,
	VM_QUEUE_NUM = 0x038,
	VM_QUEUE_READY = 0x044,
	VM_QUEUE_NOTIFY = 0x050,
	VM_INTERRUPT_STATUS = 0x060,
	VM_INTERRUPT_ACK = 0x064,
	VM_STATUS = 0x070,
	VM_QUEUE_DESC = 0x080,
	VM_QUEUE_DRIVER = 0x090,
	VM_QUEUE_DEVICE = 0x0a0,
	VM_CONFIG_GENERATION = 0x0fc,
	VM_CONFIG = 0x100,
};

#define VIRTIO_MAGIC	   0x74726976u /* "virt" */
#define VIRTIO_VENDOR	   0x4c4f4d55u /* "UMOL" */
#define VIRTIO_ID_NET	   1u
#define NET_F_MAC	   (1u << 5)
#define F_VERSION_1_HI	   1u /* feature bit 32 */
#define STATUS_NEEDS_RESET 0x40u
#define DESC_NEXT	   1u
#define DESC_WRITE	   2u
#define NET_HDR		   12u /* struct virtio_net_hdr with num_buffers (VERSION_1) */
#define RXQ		   0
#define TXQ		   1

/* Guest-physical memory the device may touch: main memory above the kernel's pages. */
static uint8_t *dma(struct virtio_net *n, uint64_t addr, uint64_t len)
{
	const struct kernel *k = n->dev.k;
	if (addr < PHYS_KERNEL_END || addr > k->phys_size || len > k->phys_size - addr) {
		n->status |= STATUS_NEEDS_RESET;
		return 0;
	}
	return k->phys + addr;
}

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}
static word_t le32(const uint8_t *p)
{
	return (word_t)p[0] | (word_t)p[1] << 8 | (word_t)p[2] << 16 | (word_t)p[3] << 24;
}
static void put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}
static void put32(uint8_t *p, word_t v)
{
	put16(p, v & 0xffff);
	put16(p + 2, v >> 16);
}

static void update_line(struct virtio_net *n)
{
	bool line = n->isr != 0;
	if (line && !n->line && n->dev.irq != DEVICE_NO_IRQ)
		irq_raise(n->dev.k, n->dev.irq);
	n->line = line;
}

/* The head of the next available chain of q, or -1. */
static int next_avail(struct virtio_net *n, struct virtq *q)
{
	uint8_t *avail = dma(n, q->avail, 4 + 2 * q->num);
	if (!avail || !q->ready || q->last_avail == le16(avail + 2))
		return -1;
	int head = le16(avail + 4 + 2 * (q->last_avail % q->num));
	q->last_avail++;
	return head < (int)q->num ? head : -1;
}

static void push_used(struct virtio_net *n, struct virtq *q, unsigned head, word_t len)
{
	uint8_t *used = dma(n, q->used, 4 + 8 * q->num);
	if (!used)
		return;
	uint8_t *e = used + 4 + 8 * (q->used_idx % q->num);
	put32(e, head);
	put32(e + 4, len);
	put16(used + 2, ++q->used_idx);
	n->isr |= 1;
}

/* Walks the chain from head: calls fn on each buffer of the wanted direction. */
static bool walk(struct virtio_net *n, struct virtq *q, unsigned head, bool writable,
		 void (*fn)(void *cx, uint8_t *buf, word_t len), void *cx)
{
	for (unsigned i = head, hops = 0; hops < q->num; hops++) {
		uint8_t *d = dma(n, q->desc + 16u * i, 16);
		if (!d)
			return false;
		uint64_t addr = le32(d) | (uint64_t)le32(d + 4) << 32;
		word_t len = le32(d + 8);
		unsigned flags = le16(d + 12);
		uint8_t *buf = dma(n, addr, len);
		if (!buf || !(flags & DESC_WRITE) != !writable)
			return false;
		fn(cx, buf, len);
		if (!(flags & DESC_NEXT))
			return true;
		i = le16(d + 14);
		if (i >= q->num)
			return false;
	}
	return false;
}

struct gather {
	uint8_t data[NET_HDR + NET_FRAME_MAX];
	word_t len;
	bool too_long;
};

static void gather_buf(void *cx, uint8_t *buf, word_t len)
{
	struct gather *g = cx;
	if (len > sizeof g->data - g->len) {
		g->too_long = true;
		return;
	}
	memcpy(g->data + g->len, buf, len);
	g->len += len;
}

static void transmit(struct virtio_net *n)
{
	struct virtq *q = &n->q[TXQ];
	static struct gather g;
	int head;
	while ((head = next_avail(n, q)) >= 0) {
		g.len = 0;
		g.too_long = false;
		if (walk(n, q, (unsigned)head, false, gather_buf, &g) && !g.too_long &&
		    g.len > NET_HDR) {
			n->be.send(n->be.cx, g.data + NET_HDR, g.len - NET_HDR);
			n->sent++;
		} else {
			n->dropped++;
		}
		push_used(n, q, (unsigned)head, 0);
	}
}

struct scatter {
	const uint8_t *data;
	word_t len, done;
};

static void scatter_buf(void *cx, uint8_t *buf, word_t len)
{
	struct scatter *s = cx;
	word_t n = len < s->len - s->done ? len : s->len - s->done;
	memcpy(buf, s->data + s->done, n);
	s->done += n;
}

void virtio_net_input(struct virtio_net *n)
{
	struct virtq *q = &n->q[RXQ];
	static uint8_t frame[NET_HDR + NET_FRAME_MAX];
	for (;;) {
		uint8_t *avail = q->ready ? dma(n, q->avail, 4 + 2 * q->num) : 0;
		if (!avail || q->last_avail == le16(avail + 2) || !(n->status & 4))
			break; /* no buffer: the frames wait in the backend */
		int len = n->be.recv(n->be.cx, frame + NET_HDR, NET_FRAME_MAX);
		if (len < 0)
			break;
		memset(frame, 0, NET_HDR);
		put16(frame + 10, 1); /* num_buffers */
		int head = next_avail(n, q);
		struct scatter s = {frame, NET_HDR + (word_t)len, 0};
		if (head < 0)
			break;
		if (!walk(n, q, (unsigned)head, true, scatter_buf, &s) || s.done < s.len)
			n->dropped++;
		else
			n->received++;
		push_used(n, q, (unsigned)head, s.done);
	}
	update_line(n);
}

static void reset(struct virtio_net *n)
{
	if (n->q[RXQ].ready)
		n->be.watch(n->be.cx, false);
	n->status = n->isr = n->queue_sel = 0;
	n->drv_features[0] = n->drv_features[1] = 0;
	memset(n->q, 0, sizeof n->q);
}

static word_t features(const struct virtio_net *n)
{
	return n->dev_features_sel == 0 ? NET_F_MAC : n->dev_features_sel == 1 ? F_VERSION_1_HI : 0;
}

static word_t net_read(struct device *d, word_t off, unsigned width)
{
	struct virtio_net *n = d->state;
	struct virtq *q = &n->q[n->queue_sel & 1];
	if (off >= VM_CONFIG) { /* mac[6], then status (not offered) */
		word_t v = 0;
		for (unsigned i = 0; i < width; i++)
			if (off - VM_CONFIG + i < 6)
				v |= (word_t)n->mac[off - VM_CONFIG + i] << (8 * i);
		return v;
	}
	switch (off) {
	case VM_MAGIC:
		return VIRTIO_MAGIC;
	case VM_VERSION:
		return 2;
	case VM_DEVICE_ID:
		return VIRTIO_ID_NET;
	case VM_VENDOR_ID:
		return VIRTIO_VENDOR;
	case VM_DEV_FEATURES:
		return features(n);
	case VM_QUEUE_NUM_MAX:
		return n->queue_sel < 2 ? VIRTQ_MAX : 0;
	case VM_QUEUE_READY:
		return q->ready;
	case VM_INTERRUPT_STATUS:
		return n->isr;
	case VM_STATUS:
		return n->status;
	default: /* config generation 0, write-only registers */
		return 0;
	}
}

static void net_write(struct device *d, word_t off, unsigned width, word_t v)
{
	(void)width;
	struct virtio_net *n = d->state;
	struct virtq *q = &n->q[n->queue_sel & 1];
	switch (off) {
	case VM_DEV_FEATURES_SEL:
		n->dev_features_sel = v;
		break;
	case VM_DRV_FEATURES:
		if (n->drv_features_sel < 2)
			n->drv_features[n->drv_features_sel] = v;
		break;
	case VM_DRV_FEATURES_SEL:
		n->drv_features_sel = v;
		break;
	case VM_QUEUE_SEL:
		n->queue_sel = v;
		break;
	case VM_QUEUE_NUM:
		if (v && v <= VIRTQ_MAX && !(v & (v - 1)))
			q->num = v;
		break;
	case VM_QUEUE_READY:
		if (n->queue_sel >= 2 || !q->num)
			break;
		if (n->queue_sel == RXQ && !q->ready != !v)
			n->be.watch(n->be.cx, v & 1);
		q->ready = v & 1;
		break;
	case VM_QUEUE_NOTIFY:
		if (v == TXQ)
			transmit(n);
		else if (v == RXQ)
			virtio_net_input(n);
		break;
	case VM_INTERRUPT_ACK:
		n->isr &= ~v;
		break;
	case VM_STATUS:
		if (!v)
			reset(n);
		else
			n->status = v;
		break;
	case VM_QUEUE_DESC:
		q->desc = v;
		break;
	case VM_QUEUE_DRIVER:
		q->avail = v;
		break;
	case VM_QUEUE_DEVICE:
		q->used = v;
		break;
	default: /* the high address words must stay 0: physical memory ends below 4 GiB */
		break;
	}
	update_line(n);
}

static const struct device_ops net_ops = {net_read, net_write};

void virtio_net_init(struct virtio_net *n, const struct net_backend *be, const uint8_t mac[6],
		     word_t mmio_base, unsigned irq)
{
	*n = (struct virtio_net){.be = *be};
	memcpy(n->mac, mac, 6);
	device_init(&n->dev, DEVTYPE_VIRTIO_NET, "net0", &net_ops, n);
	device_set_windows(&n->dev, 0, 0, mmio_base, irq);
}
