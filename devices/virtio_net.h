/* A virtio-net device on the virtio-mmio transport (OASIS virtio 1.1 §4.2, §5.1; docs/devices.md,
 * docs/cluster.md): version 2 registers, a receive and a transmit split virtqueue whose buffers
 * the device reads and writes straight in the instance's physical memory, a MAC address in the
 * configuration space. Host-free: a backend (os/linux/net.c, libvdeplug) carries the frames. */
#ifndef UMOL4_DEVICES_VIRTIO_NET_H
#define UMOL4_DEVICES_VIRTIO_NET_H

#include "core/device.h"

struct net_backend {
	void (*send)(void *cx, const uint8_t *frame, unsigned len);
	/* the next received frame into buf (at most size bytes): its length, or -1 if none */
	int (*recv)(void *cx, uint8_t *buf, unsigned size);
	void (*watch)(void *cx, bool on); /* receive buffers are there (on) or not */
	void *cx;
};

#define VIRTQ_MAX     64u
#define NET_FRAME_MAX 1514u

struct virtq {
	unsigned num;
	bool ready;
	word_t desc, avail, used; /* physical addresses (the high words must be 0) */
	uint16_t last_avail, used_idx;
};

struct virtio_net {
	struct device dev;
	struct net_backend be;
	uint8_t mac[6];
	word_t status, isr, queue_sel, dev_features_sel, drv_features_sel;
	word_t drv_features[2];
	struct virtq q[2]; /* 0: receive, 1: transmit */
	bool line;
	unsigned long long sent, received, dropped;
};

void virtio_net_init(struct virtio_net *n, const struct net_backend *be, const uint8_t mac[6],
		     word_t mmio_base, unsigned irq);
/* The backend has frames: move them into receive buffers while there are any. */
void virtio_net_input(struct virtio_net *n);

#endif
