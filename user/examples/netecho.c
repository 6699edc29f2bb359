/* Ethernet frames between umol4 instances (docs/cluster.md), through the virtio-net driver
 * (vnet.h). `netecho ping [N [P]]` broadcasts a probe of the demo's EtherType per round, for N
 * rounds, and waits until P instances have answered it (sending it again every 0.13 s while none
 * comes), printing each answer and its round trip; `netecho pong [N]` answers every probe to its
 * sender and ends after answering round N's (N 0: never). */
#include <l4/sys/kernel.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vnet.h"

#define ETHERTYPE 0x88b5 /* IEEE 802 local experimental */
#define MAX_PEERS 1024

static void put_mac(char *s, const l4_uint8_t *m)
{
	sprintf(s, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

static int ours(const l4_uint8_t *f, int len)
{
	return len >= 14 && f[12] == (ETHERTYPE >> 8) && f[13] == (ETHERTYPE & 0xff);
}

/* One round of ping: broadcast probe `seq` until `peers` instances have answered it. */
static int ping_round(struct vnet *n, l4_uint8_t *f, unsigned seq, unsigned peers)
{
	l4_kernel_info_t *kip = l4_kernel_interface();
	static l4_uint8_t seen[MAX_PEERS][6];
	unsigned nseen = 0;
	l4_cpu_time_t t0 = 0;
	int len = -1;
	for (unsigned tries = 0; nseen < peers && tries < 400 + 4 * peers; tries++) {
		if (len < 0) { /* nothing came in time: (again) send */
			memset(f, 0xff, 6);
			memcpy(f + 6, n->mac, 6);
			f[12] = ETHERTYPE >> 8;
			f[13] = ETHERTYPE & 0xff;
			f[14] = 'Q';
			f[15] = (l4_uint8_t)seq;
			memset(f + 16, 0, 60 - 16);
			t0 = kip->clock;
			vnet_send(n, f, 60);
		}
		len = vnet_recv(n, f, 1514, L4_IPC_TIMEOUT(0, 0, 2, 7, 0, 0));
		if (len < 16 || !ours(f, len) || f[14] != 'R' || f[15] != (l4_uint8_t)seq)
			continue;
		unsigned i = 0;
		while (i < nseen && memcmp(seen[i], f + 6, 6))
			i++;
		if (i < nseen)
			continue;
		memcpy(seen[nseen++], f + 6, 6);
		char from[18];
		put_mac(from, f + 6);
		printf("netecho: reply %u from %s in %llu us\n", seq, from,
		       (unsigned long long)(kip->clock - t0));
	}
	return nseen == peers;
}

int main(int argc, char **argv)
{
	static struct vnet n;
	static l4_uint8_t f[1514];
	int ping = argc > 1 && !strcmp(argv[1], "ping");
	long count = argc > 2 ? atol(argv[2]) : ping ? 3 : 0;
	long peers = argc > 3 ? atol(argv[3]) : 1;
	if (argc < 2 || (!ping && strcmp(argv[1], "pong")) || count < 0 || peers < 1 ||
	    peers > MAX_PEERS) {
		printf("usage: netecho ping [rounds [peers]] | pong [rounds]\n");
		return 2;
	}
	int err = vnet_open(&n);
	if (err) {
		printf("netecho: no network card (umol4 --net=...?): %d\n", err);
		return 1;
	}
	char mac[18];
	put_mac(mac, n.mac);
	printf("netecho: %s on %s\n", argv[1], mac);
	if (!ping) { /* answer every probe; end after the last round's (rounds 0: never) */
		for (;;) {
			int len = vnet_recv(&n, f, sizeof f, L4_IPC_NEVER);
			if (len < 16 || !ours(f, len) || f[14] != 'Q' || !memcmp(f + 6, n.mac, 6))
				continue;
			memcpy(f, f + 6, 6);
			memcpy(f + 6, n.mac, 6);
			f[14] = 'R';
			vnet_send(&n, f, (unsigned)len);
			if (count && f[15] == (l4_uint8_t)(count - 1))
				break;
		}
		printf("pong: answered %ld rounds\n", count);
		return 0;
	}
	l4_kernel_info_t *kip = l4_kernel_interface();
	l4_cpu_time_t start = kip->clock;
	for (long seq = 0; seq < count; seq++) {
		if (!ping_round(&n, f, (unsigned)seq, (unsigned)peers)) {
			printf("ping: round %ld: not every peer answered\n", seq);
			return 1;
		}
	}
	printf("ping: %ld rounds, %ld peers each\n", count, peers);
	/* the total, not a quotient: a division would carry its source path (the divide check) */
	printf("netecho: %ld rounds in %llu us\n", count, (unsigned long long)(kip->clock - start));
	return 0;
}
