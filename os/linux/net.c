#include "os/linux/net.h"
#include "core/fmt.h"
#include "devices/virtio_net.h"

#include <errno.h>
#include <fcntl.h>
#include <libvdeplug.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NET_MMIO (DEVICE_PHYS_BASE + 2 * PAGE_SIZE)
#define NET_IRQ	 6u

static char url[512];
static uint8_t mac[6];
static bool mac_given;
static VDECONN *conn;
static struct virtio_net card;
static bool watching;

bool net_option(const char *arg, char *err, size_t n)
{
	if (!strcmp(arg, "none")) {
		url[0] = 0;
		return true;
	}
	if (!strstr(arg, "://") || strlen(arg) >= sizeof url) {
		kfmt(err, n,
		     "--net wants 'none' or a VDE URL such as vde:///tmp/switch or "
		     "vxvde://239.1.2.3, not '%s'",
		     arg);
		return false;
	}
	strcpy(url, arg);
	return true;
}

bool mac_option(const char *arg, char *err, size_t n)
{
	unsigned b[6];
	char end;
	if (sscanf(arg, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
		   &end) != 6 ||
	    (b[0] & 1)) {
		kfmt(err, n, "--mac wants a unicast address like 02:00:00:00:00:01, not '%s'", arg);
		return false;
	}
	for (int i = 0; i < 6; i++)
		mac[i] = (uint8_t)b[i];
	mac_given = true;
	return true;
}

static void send_frame(void *cx, const uint8_t *frame, unsigned len)
{
	(void)cx;
	/* a full switch port drops, as Ethernet does */
	(void)vde_send(conn, frame, len, MSG_DONTWAIT);
}

static int recv_frame(void *cx, uint8_t *buf, unsigned size)
{
	(void)cx;
	struct pollfd p = {vde_datafd(conn), POLLIN, 0};
	if (poll(&p, 1, 0) <= 0)
		return -1;
	ssize_t r = vde_recv(conn, buf, size, MSG_DONTWAIT);
	return r > 0 ? (int)r : -1;
}

/* SIGIO tells the kernel about frames while a task runs, as for the console (taskproc.c). */
static void watch(void *cx, bool on)
{
	(void)cx;
	watching = on;
	int fd = vde_datafd(conn);
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0) {
		fcntl(fd, F_SETOWN, getpid());
		fcntl(fd, F_SETFL, on ? fl | O_ASYNC : fl & ~O_ASYNC);
	}
}

bool net_setup(struct kernel *k, char *err, size_t n)
{
	if (!url[0])
		return true;
	if (!mac_given) { /* locally administered, from the process id: distinct on one host */
		unsigned pid = (unsigned)getpid();
		const uint8_t dflt[6] = {0x02,
					 0x75,
					 (uint8_t)(pid >> 24),
					 (uint8_t)(pid >> 16),
					 (uint8_t)(pid >> 8),
					 (uint8_t)pid};
		memcpy(mac, dflt, 6);
	}
	char descr[] = "umol4";
	conn = vde_open(url, descr, 0);
	if (!conn) {
		kfmt(err, n, "--net=%s: cannot connect: %s", url, strerror(errno));
		return false;
	}
	fcntl(vde_datafd(conn), F_SETFD, FD_CLOEXEC);
	struct net_backend be = {send_frame, recv_frame, watch, 0};
	virtio_net_init(&card, &be, mac, NET_MMIO, NET_IRQ);
	if (!device_add(k, &card.dev)) {
		kfmt(err, n, "%s", "cannot add the network card");
		return false;
	}
	return true;
}

int net_poll_fd(void)
{
	return conn && watching ? vde_datafd(conn) : -1;
}

void net_input(void)
{
	virtio_net_input(&card);
}

void net_close(void)
{
	if (conn)
		vde_close(conn);
	conn = 0;
}
