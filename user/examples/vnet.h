/* A small virtio-net driver (virtio-mmio version 2, OASIS virtio 1.1 §4.2, §5.1; docs/cluster.md)
 * for umol4's network card, the same source on every ISA. Its rings and buffers lie in physical
 * memory the loader reserves 1:1 (RMGR's reserve_mem), so their addresses are the ones the
 * device uses; the device's registers and the rings are little-endian whatever the task's byte
 * order. Frames arrive by interrupt (V2 interrupt IPC). */
#ifndef UMOL4_EXAMPLES_VNET_H
#define UMOL4_EXAMPLES_VNET_H

#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <l4/umol4/devices.h>
#include <string.h>

#define VNET_WINDOW 0x21000000UL /* where the registers appear */
#define VNET_QN	    16		 /* descriptors per queue */
#define VNET_BUF    2048
#define VNET_HDR    12 /* struct virtio_net_hdr with num_buffers */
#define VNET_MEM    0x20000UL

struct vnet_queue {
	l4_uint8_t *desc, *avail, *used, *buf;
	unsigned avail_idx, last_used;
};

struct vnet {
	umol4_dev_t dev;
	l4_threadid_t irq;
	l4_uint8_t mac[6];
	struct vnet_queue rx, tx;
};

static inline int vnet_big_endian(void)
{
	const union {
		l4_uint32_t w;
		l4_uint8_t b[4];
	} probe = {1};
	return !probe.b[0];
}

static inline l4_uint32_t vnet_swap(l4_uint32_t v)
{
	return vnet_big_endian()
		   ? (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24)
		   : v;
}

static inline l4_uint32_t vnet_reg(struct vnet *n, unsigned off)
{
	return vnet_swap(UMOL4_MMIO_READ(l4_uint32_t, n->dev.base + off));
}

static inline void vnet_set(struct vnet *n, unsigned off, l4_uint32_t v)
{
	UMOL4_MMIO_WRITE(l4_uint32_t, n->dev.base + off, vnet_swap(v));
}

/* Ring memory: little-endian, written byte by byte (volatile: the device reads it). */
static inline void vnet_put(l4_uint8_t *p, l4_uint32_t v, unsigned bytes)
{
	for (unsigned i = 0; i < bytes; i++)
		((volatile l4_uint8_t *)p)[i] = (l4_uint8_t)(v >> (8 * i));
}

static inline l4_uint32_t vnet_get(const l4_uint8_t *p, unsigned bytes)
{
	l4_uint32_t v = 0;
	for (unsigned i = 0; i < bytes; i++)
		v |= (l4_uint32_t)((const volatile l4_uint8_t *)p)[i] << (8 * i);
	return v;
}

static inline void vnet_desc(struct vnet_queue *q, unsigned i, l4_addr_t addr, unsigned len,
			     unsigned flags)
{
	vnet_put(q->desc + 16 * i, addr, 4);
	vnet_put(q->desc + 16 * i + 4, 0, 4);
	vnet_put(q->desc + 16 * i + 8, len, 4);
	vnet_put(q->desc + 16 * i + 12, flags, 2);
	vnet_put(q->desc + 16 * i + 14, 0, 2);
}

/* Offers descriptor i to the device. */
static inline void vnet_offer(struct vnet *n, unsigned qi, struct vnet_queue *q, unsigned i)
{
	vnet_put(q->avail + 4 + 2 * (q->avail_idx % VNET_QN), i, 2);
	vnet_put(q->avail + 2, ++q->avail_idx, 2);
	__asm__ __volatile__("" ::: "memory");
	vnet_set(n, 0x050, qi); /* QueueNotify */
}

/* Queue memory at base: descriptors, driver ring, device ring, then VNET_QN buffers. */
static inline void vnet_queue_setup(struct vnet *n, unsigned qi, struct vnet_queue *q,
				    l4_addr_t base)
{
	q->desc = (l4_uint8_t *)base;
	q->avail = q->desc + 0x100;
	q->used = q->desc + 0x200;
	q->buf = q->desc + 0x1000;
	memset(q->desc, 0, 0x1000);
	vnet_set(n, 0x030, qi); /* QueueSel */
	vnet_set(n, 0x038, VNET_QN);
	vnet_set(n, 0x080, (l4_uint32_t)(l4_addr_t)q->desc);
	vnet_set(n, 0x090, (l4_uint32_t)(l4_addr_t)q->avail);
	vnet_set(n, 0x0a0, (l4_uint32_t)(l4_addr_t)q->used);
	vnet_set(n, 0x044, 1); /* QueueReady */
}

/* Finds, maps and starts the card; 0 on success. */
static inline int vnet_open(struct vnet *n)
{
	if (umol4_device_open(&n->dev, UMOL4_DEV_VIRTIO_NET, VNET_WINDOW) ||
	    vnet_reg(n, 0x000) != 0x74726976 || vnet_reg(n, 0x004) != 2 || vnet_reg(n, 0x008) != 1)
		return -1;
	rmgr_init();
	l4_addr_t mem = rmgr_reserve_mem(VNET_MEM, 12, 0, 0x01000000, 0x08000000);
	if (mem == ~0UL)
		return -2;
	vnet_set(n, 0x070, 0);	   /* reset */
	vnet_set(n, 0x070, 1 | 2); /* ACKNOWLEDGE, DRIVER */
	vnet_set(n, 0x014, 1);
	if (!(vnet_reg(n, 0x010) & 1)) /* VIRTIO_F_VERSION_1 (bit 32) */
		return -3;
	vnet_set(n, 0x024, 0);
	vnet_set(n, 0x020, 1u << 5); /* VIRTIO_NET_F_MAC */
	vnet_set(n, 0x024, 1);
	vnet_set(n, 0x020, 1);
	vnet_set(n, 0x070, 1 | 2 | 8); /* FEATURES_OK */
	if (!(vnet_reg(n, 0x070) & 8))
		return -4;
	for (unsigned i = 0; i < 6; i++)
		n->mac[i] = umol4_dev_read8(&n->dev, 0x100 + i);
	vnet_queue_setup(n, 0, &n->rx, mem);
	vnet_queue_setup(n, 1, &n->tx, mem + VNET_MEM / 2);
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_make_taskid_from_irq((int)n->dev.irq, &n->irq);
	l4_ipc_receive(n->irq, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &dope);
	vnet_set(n, 0x070, 1 | 2 | 8 | 4); /* DRIVER_OK */
	for (unsigned i = 0; i < VNET_QN; i++) {
		vnet_desc(&n->rx, i, (l4_addr_t)n->rx.buf + i * VNET_BUF, VNET_BUF, 2 /* WRITE */);
		vnet_offer(n, 0, &n->rx, i);
	}
	return 0;
}

static inline void vnet_send(struct vnet *n, const void *frame, unsigned len)
{
	struct vnet_queue *q = &n->tx;
	unsigned i = q->avail_idx % VNET_QN;
	l4_uint8_t *b = q->buf + i * VNET_BUF;
	if (len > VNET_BUF - VNET_HDR)
		len = VNET_BUF - VNET_HDR;
	memset(b, 0, VNET_HDR);
	memcpy(b + VNET_HDR, frame, len);
	vnet_desc(q, i, (l4_addr_t)b, VNET_HDR + len, 0);
	vnet_offer(n, 1, q, i); /* the device sends at once: the slot is free again */
}

/* The next received frame into buf (at most size bytes): its length; waits up to `timeout`
 * for the card's interrupt; -1 when it passed. */
static inline int vnet_recv(struct vnet *n, void *buf, unsigned size, l4_timeout_t timeout)
{
	struct vnet_queue *q = &n->rx;
	while (q->last_used == vnet_get(q->used + 2, 2)) {
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		if (l4_ipc_receive(n->irq, L4_IPC_SHORT_MSG, &w0, &w1, timeout, &dope))
			return -1;
		vnet_set(n, 0x064, vnet_reg(n, 0x060)); /* acknowledge the interrupt */
	}
	const l4_uint8_t *e = q->used + 4 + 8 * (q->last_used++ % VNET_QN);
	unsigned id = vnet_get(e, 4) % VNET_QN, len = vnet_get(e + 4, 4);
	len = len > VNET_HDR ? len - VNET_HDR : 0;
	if (len > size)
		len = size;
	memcpy(buf, q->buf + id * VNET_BUF + VNET_HDR, len);
	vnet_offer(n, 0, q, id);
	return (int)len;
}

#endif
