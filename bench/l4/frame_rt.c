/* Ethernet frames between two umol4 instances through VDE (docs/performance.md, docs/cluster.md),
 * with the virtio-net driver of the examples (user/examples/vnet.h); umol4-bench starts both with
 * --net on one private network:
 *
 *   frame_rt 0 pong       answers every frame of ours to its sender, until it is stopped
 *   frame_rt N rt         N round trips of one frame, one after the other: the latency
 *   frame_rt N stream     N frames echoed with up to STREAM_WINDOW in flight: the frame rate
 *
 * The pinger first finds its partner by broadcast (the partner may still be starting), warms the
 * path up with WARMUP unicast round trips, then times the N with the KIP clock. A frame that
 * has not come back after 0.13 s is sent again (rt) or counted lost (stream); more than a tenth
 * lost is an error, fewer are reported on a line of their own. */
#include "bench.h"

#include <stdio.h>
#include <string.h>

#include "../../user/examples/vnet.h"

#define ETHERTYPE     0x88b6 /* IEEE 802 local experimental, not netecho's */
#define FRAME	      60     /* the smallest Ethernet frame without its FCS */
#define WARMUP	      50
#define STREAM_WINDOW 8	  /* half the driver's receive buffers */
#define HELLO_TRIES   230 /* 30 s for the partner to boot, on a loaded host */
#define WAIT_013S     L4_IPC_TIMEOUT(0, 0, 2, 7, 0, 0)

static struct vnet net;
static l4_uint8_t peer[6];

static void frame(l4_uint8_t *f, const l4_uint8_t *to, char kind, l4_uint32_t seq)
{
	memcpy(f, to, 6);
	memcpy(f + 6, net.mac, 6);
	f[12] = ETHERTYPE >> 8;
	f[13] = ETHERTYPE & 0xff;
	f[14] = (l4_uint8_t)kind;
	for (int i = 0; i < 4; i++)
		f[15 + i] = (l4_uint8_t)(seq >> (8 * i));
	memset(f + 19, 0x5a, FRAME - 19);
}

/* The next frame of ours from someone else: its kind, its sequence number in *seq; 0 after the
 * timeout. */
static char receive(l4_uint8_t *f, l4_uint32_t *seq, l4_timeout_t timeout)
{
	for (;;) {
		int len = vnet_recv(&net, f, FRAME, timeout);
		if (len < 0)
			return 0;
		if (len < 19 || f[12] != (ETHERTYPE >> 8) || f[13] != (ETHERTYPE & 0xff) ||
		    !memcmp(f + 6, net.mac, 6))
			continue;
		*seq = 0;
		for (int i = 0; i < 4; i++)
			*seq |= (l4_uint32_t)f[15 + i] << (8 * i);
		return (char)f[14];
	}
}

static void pong(void)
{
	static l4_uint8_t f[FRAME];
	l4_uint32_t seq;
	for (;;) {
		char kind = receive(f, &seq, L4_IPC_NEVER);
		if (kind == 'H' || kind == 'Q') {
			l4_uint8_t to[6];
			memcpy(to, f + 6, 6);
			frame(f, to, (char)(kind + 1), seq); /* 'I' answers 'H', 'R' answers 'Q' */
			vnet_send(&net, f, FRAME);
		}
	}
}

/* Broadcasts a hello until the partner answers; its address goes to peer. */
static int find_peer(void)
{
	static const l4_uint8_t all[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	static l4_uint8_t f[FRAME];
	l4_uint32_t seq;
	for (int i = 0; i < HELLO_TRIES; i++) {
		frame(f, all, 'H', (l4_uint32_t)i);
		vnet_send(&net, f, FRAME);
		char kind;
		while ((kind = receive(f, &seq, WAIT_013S)) && kind != 'I')
			;
		if (kind == 'I') {
			memcpy(peer, f + 6, 6);
			return 1;
		}
	}
	return 0;
}

/* Round trips seq .. seq + n - 1, each sent again until it comes back. The frames sent again. */
static unsigned round_trips(l4_uint32_t seq, unsigned n)
{
	static l4_uint8_t f[FRAME];
	unsigned again = 0;
	for (l4_uint32_t s = seq; s < seq + n; s++) {
		l4_uint32_t got = ~s;
		frame(f, peer, 'Q', s);
		vnet_send(&net, f, FRAME);
		char kind;
		while (!(kind = receive(f, &got, WAIT_013S)) || kind != 'R' || got != s) {
			if (kind)
				continue; /* an old answer, or a late hello's */
			if (++again > n / 10 + 1)
				return again;
			frame(f, peer, 'Q', s);
			vnet_send(&net, f, FRAME);
		}
	}
	return again;
}

/* n frames echoed with up to STREAM_WINDOW in flight; a frame missing for 0.13 s is lost and
 * replaced. Returns the frames lost. */
static unsigned stream(l4_uint32_t seq, unsigned n)
{
	static l4_uint8_t f[FRAME];
	unsigned back = 0, sent = 0, lost = 0, flight = 0;
	while (back < n) {
		while (flight < STREAM_WINDOW && sent < n + lost) {
			frame(f, peer, 'Q', seq + sent++);
			vnet_send(&net, f, FRAME);
			flight++;
		}
		l4_uint32_t got;
		char kind = receive(f, &got, WAIT_013S);
		if (kind == 'R' && got >= seq && got < seq + sent) {
			back++;
			flight--;
		} else if (!kind) {
			lost += flight;
			flight = 0;
			if (lost > n / 10 + 1)
				break;
		}
	}
	return lost;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 2 ? argv[2] : "rt";
	const char *figure = !strcmp(mode, "stream") ? "frame_stream" : "frame_rt";
	unsigned n = bench_iters(argc, argv, 1000);
	if (strcmp(mode, "rt") && strcmp(mode, "stream") && strcmp(mode, "pong")) {
		printf("usage: frame_rt N rt|stream | frame_rt 0 pong\n");
		return 2;
	}
	int err = vnet_open(&net);
	if (err == -1)
		return bench_na(figure, "no network card (umol4 --net)");
	if (err) {
		printf("BENCH %s error the network card did not start: %d\n", figure, err);
		return 1;
	}
	if (!strcmp(mode, "pong"))
		pong(); /* until stopped */
	if (!find_peer()) {
		printf("BENCH %s error no partner answered in %d hellos\n", figure, HELLO_TRIES);
		return 1;
	}
	if (round_trips(0, WARMUP) > WARMUP / 10 + 1) {
		printf("BENCH %s error the warm-up lost frames\n", figure);
		return 1;
	}
	l4_uint64_t t0 = bench_now_us();
	unsigned lost = !strcmp(mode, "rt") ? round_trips(WARMUP, n) : stream(WARMUP, n);
	l4_uint64_t t1 = bench_now_us();
	if (lost > n / 10 + 1) {
		printf("BENCH %s error %u of %u frames lost\n", figure, lost, n);
		return 1;
	}
	if (lost)
		printf("frame_rt: %u frames sent again or lost\n", lost);
	bench_result(figure, n, t1 - t0);
	return 0;
}
