/* The GDB remote stub's host side: one connection on a local socket, the protocol's framing
 * ($payload#checksum, acknowledgements until gdb turns them off), Ctrl-C as a SIGIO while the
 * instance runs, the L4 clock held while it is stopped. What a packet means is core/gdb.c. */
#include "os/linux/gdbstub.h"
#include "core/gdb.h"
#include "os/linux/symbolize.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

void plat_clock_hold(bool on);

static int listen_fd = -1, conn_fd = -1;
static char where[160];
static struct gdb gdb;
static bool active, killed, ended;
static struct thread *last_run;
static char in[GDB_PACKET_MAX + 16], out[GDB_PACKET_MAX + 1];

bool gdbstub_listen(const char *spec, char *err, size_t errsize)
{
	if (!strncmp(spec, "unix:", 5)) {
		struct sockaddr_un un = {.sun_family = AF_UNIX};
		if (!spec[5] || strlen(spec + 5) >= sizeof un.sun_path) {
			snprintf(err, errsize,
				 "--gdb=unix:PATH wants a socket path (at most %zu bytes)",
				 sizeof un.sun_path - 1);
			return false;
		}
		strcpy(un.sun_path, spec + 5);
		unlink(un.sun_path); /* a socket left by an earlier run */
		listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (listen_fd < 0 || bind(listen_fd, (struct sockaddr *)&un, sizeof un) != 0 ||
		    listen(listen_fd, 1) != 0) {
			snprintf(err, errsize, "cannot listen for gdb on %s: %s", spec + 5,
				 strerror(errno));
			return false;
		}
		snprintf(where, sizeof where, "%s", spec + 5);
		return true;
	}
	char host[64] = "127.0.0.1";
	const char *port_s = spec, *colon = strrchr(spec, ':');
	if (colon) {
		if ((size_t)(colon - spec) >= sizeof host) {
			snprintf(err, errsize, "--gdb: host name too long in '%s'", spec);
			return false;
		}
		memcpy(host, spec, (size_t)(colon - spec));
		host[colon - spec] = 0;
		port_s = colon + 1;
	}
	char *end;
	long port = *port_s ? strtol(port_s, &end, 10) : 1234;
	struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	if ((*port_s && *end) || port < 1 || port > 65535 ||
	    inet_pton(AF_INET, host, &sin.sin_addr) != 1) {
		snprintf(err, errsize,
			 "--gdb wants PORT, HOST:PORT (an IPv4 address) or unix:PATH, not '%s'",
			 spec);
		return false;
	}
	int one = 1;
	listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (listen_fd < 0 || setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
	    bind(listen_fd, (struct sockaddr *)&sin, sizeof sin) != 0 ||
	    listen(listen_fd, 1) != 0) {
		snprintf(err, errsize, "cannot listen for gdb on %s:%ld: %s", host, port,
			 strerror(errno));
		return false;
	}
	snprintf(where, sizeof where, "%s:%ld", host, port);
	return true;
}

/* UMOL4_GDB_DEBUG=1: every packet both ways on stderr, with the time (the stub's side of gdb's
 * `set debug remote 1`). */
static bool trace_packets;

static void trace_packet(const char *dir, const char *p)
{
	if (!trace_packets)
		return;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	fprintf(stderr, "umol4: gdb %ld.%06ld %s %.200s\n", (long)ts.tv_sec, ts.tv_nsec / 1000, dir,
		p);
}

static bool send_raw(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(conn_fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

/* $payload#checksum, with the protocol's escapes for the characters that frame packets. */
static bool send_packet(const char *payload)
{
	trace_packet("->", payload);
	static char frame[2 * GDB_PACKET_MAX + 8];
	size_t n = 0;
	unsigned sum = 0;
	frame[n++] = '$';
	for (const char *p = payload; *p && n < sizeof frame - 5; p++) {
		char c = *p;
		if (c == '$' || c == '#' || c == '}' || c == '*') {
			frame[n++] = '}', sum += '}';
			c ^= 0x20;
		}
		frame[n++] = c, sum += (uint8_t)c;
	}
	n += (size_t)snprintf(frame + n, 4, "#%02x", sum & 0xff);
	return send_raw(frame, n);
}

static void console_out(void *cx, const char *text)
{
	(void)cx;
	static char pkt[GDB_PACKET_MAX + 1];
	size_t len = strlen(text);
	if (len > GDB_PACKET_MAX / 2 - 1)
		len = GDB_PACKET_MAX / 2 - 1;
	pkt[0] = 'O';
	gdb_hex_encode(pkt + 1, text, len);
	send_packet(pkt);
}

static const struct gdb_ops ops = {
    .read_image = sym_read_image, .exec_path = sym_program_path, .console = console_out};

void gdbstub_attach(struct kernel *k, const struct arch *arch, unsigned first_task)
{
	gdb_init(&gdb, k, &ops, arch, first_task);
	active = true;
	trace_packets = getenv("UMOL4_GDB_DEBUG") != 0;
	fprintf(stderr,
		"umol4: gdb: the instance stops before its first program's first instruction; "
		"connect with: gdb-multiarch -ex 'set schedule-multiple on' -ex 'target remote "
		"%s'\n",
		where);
}

bool gdbstub_active(void)
{
	return active;
}
bool gdbstub_killed(void)
{
	return killed;
}

/* Reads one packet's payload into `in` (acknowledging it unless gdb turned that off); 0 when gdb
 * has gone. A Ctrl-C while stopped means nothing. */
static size_t read_packet(void)
{
	enum { IDLE, DATA, SUM1, SUM2 } st = IDLE;
	size_t n = 0;
	unsigned sum = 0, want = 0;
	for (;;) {
		char c;
		ssize_t r = read(conn_fd, &c, 1);
		if (r < 0 && (errno == EINTR || errno == EAGAIN)) {
			struct pollfd p = {conn_fd, POLLIN, 0};
			poll(&p, 1, -1);
			continue;
		}
		if (r <= 0)
			return 0;
		switch (st) {
		case IDLE:
			if (c == '$')
				st = DATA, n = 0, sum = 0;
			break;
		case DATA:
			if (c == '#') {
				st = SUM1;
			} else if (n < GDB_PACKET_MAX) {
				in[n++] = c;
				sum += (uint8_t)c;
			}
			break;
		case SUM1:
			want = (unsigned)(c >= 'a'   ? c - 'a' + 10
					  : c >= 'A' ? c - 'A' + 10
						     : c - '0')
			       << 4;
			st = SUM2;
			break;
		case SUM2:
			want |= (unsigned)(c >= 'a'   ? c - 'a' + 10
					   : c >= 'A' ? c - 'A' + 10
						      : c - '0');
			in[n] = 0;
			if (!gdb.noack && !send_raw((sum & 0xff) == want ? "+" : "-", 1))
				return 0;
			if ((sum & 0xff) == want || gdb.noack) {
				trace_packet("<-", in);
				return n ? n : (in[0] = 0, 1);
			}
			st = IDLE;
			break;
		}
	}
}

static void hang_up(void)
{
	if (conn_fd >= 0)
		close(conn_fd);
	conn_fd = -1;
	active = false;
}

/* The instance is stopped with g's stop recorded: gdb looks and acts until it resumes. */
static void serve(struct kernel *k)
{
	plat_clock_hold(true);
	if (conn_fd < 0) {
		fprintf(stderr, "umol4: gdb: waiting on %s\n", where);
		do
			conn_fd = accept4(listen_fd, 0, 0, SOCK_CLOEXEC);
		while (conn_fd < 0 && errno == EINTR);
		close(listen_fd);
		listen_fd = -1;
		if (conn_fd < 0) {
			fprintf(stderr, "umol4: gdb: accept failed: %s\n", strerror(errno));
			active = false;
			plat_clock_hold(false);
			return;
		}
		int one = 1;
		setsockopt(conn_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		/* a Ctrl-C from gdb raises SIGIO, which preempts the running task (taskproc.c) */
		fcntl(conn_fd, F_SETOWN, getpid());
		fcntl(conn_fd, F_SETFL, fcntl(conn_fd, F_GETFL) | O_ASYNC | O_NONBLOCK);
	} else {
		gdb_stop_reply(&gdb, out);
		if (!send_packet(out))
			goto gone;
	}
	for (;;) {
		size_t n = read_packet();
		if (!n)
			goto gone;
		switch (gdb_packet(&gdb, in, n, out)) {
		case GDB_REPLY:
			if (!send_packet(out))
				goto gone;
			continue;
		case GDB_RESUME:
			plat_clock_hold(false);
			return;
		case GDB_DETACH:
			send_packet(out);
			gdb_release(&gdb);
			hang_up();
			fprintf(stderr, "umol4: gdb detached; the instance runs on\n");
			plat_clock_hold(false);
			return;
		case GDB_KILL:
			gdb_release(&gdb);
			hang_up();
			killed = true;
			k->run = RUN_EXITED;
			k->exit_status = 128 + 9;
			plat_clock_hold(false);
			return;
		}
	}
gone:
	gdb_release(&gdb);
	hang_up();
	fprintf(stderr, "umol4: gdb went away; the instance runs on\n");
	plat_clock_hold(false);
}

void gdbstub_poll(struct kernel *k)
{
	char buf[64];
	bool interrupt = false;
	if (!active || conn_fd < 0)
		return;
	for (;;) {
		ssize_t r = read(conn_fd, buf, sizeof buf);
		if (r == 0) {
			gdb_release(&gdb);
			hang_up();
			return;
		}
		if (r < 0)
			break;
		interrupt |= memchr(buf, 0x03, (size_t)r) != 0;
	}
	if (!interrupt)
		return;
	struct thread *t = last_run && last_run->state != TS_DEAD ? last_run : 0;
	gdb_set_stop(&gdb, t, GDB_SIGINT);
	if (!t) { /* nothing has run yet: any thread */
		for (unsigned i = 0; i < L4_TASKS && !t; i++)
			for (unsigned l = 0; k->tasks[i] && !t && l < L4_LTHREADS; l++)
				if (k->tasks[i]->threads[l] &&
				    k->tasks[i]->threads[l]->state != TS_DEAD)
					t = k->tasks[i]->threads[l];
		gdb_set_stop(&gdb, t, GDB_SIGINT);
	}
	serve(k);
}

bool gdbstub_before_run(struct kernel *k, struct thread *t)
{
	last_run = t;
	while (active && k->run == RUN_ACTIVE) {
		switch (gdb_before_run(&gdb, t)) {
		case GDB_RUN:
			return true;
		case GDB_HOLD:
			return false;
		case GDB_STOP:
			serve(k);
			break;
		}
	}
	return k->run == RUN_ACTIVE;
}

bool gdbstub_holding(void)
{
	return active && gdb.nheld;
}

void gdbstub_wait(struct kernel *k)
{
	static bool told;
	if (!told) {
		told = true;
		fprintf(stderr,
			"umol4: gdb: every thread gdb let run is blocked, and gdb holds the "
			"others (it resumes only the current task unless 'set "
			"schedule-multiple on'); Ctrl-C in gdb stops the instance\n");
	}
	struct pollfd p = {conn_fd, POLLIN, 0};
	poll(&p, 1, -1); /* or a signal */
	gdbstub_poll(k);
	if (!active)
		gdb_release(&gdb);
}

bool gdbstub_after_event(struct kernel *k, struct thread *t, const struct hw_event *ev)
{
	if (!active || !gdb_after_event(&gdb, t, ev))
		return false;
	serve(k);
	return true;
}

void gdbstub_after_trap(struct kernel *k, struct thread *t, word_t ip_before)
{
	(void)k;
	if (active)
		gdb_after_trap(&gdb, t, ip_before);
}

bool gdbstub_at_end(struct kernel *k)
{
	if (!active || killed || conn_fd < 0 || !gdb_end_stop(&gdb))
		return false;
	enum run_state why = k->run;
	serve(k);
	if (killed || why != RUN_KDEBUG)
		return false;
	/* continuing from enter_kdebug or a breakpoint instruction: the program goes on */
	k->run = RUN_ACTIVE;
	memset(&k->stop, 0, sizeof k->stop);
	return true;
}

/* After the exit reply gdb still has the instance's other tasks as processes and may say
 * goodbye to each (vKill); answer until it hangs up, for a moment at most. */
static void linger(const char *exit_reply)
{
	struct pollfd p = {conn_fd, POLLIN, 0};
	while (poll(&p, 1, 1000) > 0) {
		size_t n = read_packet();
		const char *r = !n					  ? 0
				: !strncmp(in, "vKill", 5)		  ? "OK"
				: !strcmp(in, "?")			  ? exit_reply
				: !strcmp(in, "qfThreadInfo")		  ? "l"
				: !strncmp(in, "qXfer:threads:read:", 19) ? "l<threads></threads>"
				: in[0] == 'k' || in[0] == 'D'		  ? 0
									  : "";
		if (!r || !send_packet(r))
			break;
	}
}

void gdbstub_exit(struct kernel *k, int status)
{
	if (!active || conn_fd < 0 || ended)
		return;
	ended = true;
	gdb_release(&gdb);
	/* the instance's status is its first program's */
	unsigned pid = k->exited_by && k->exited_by->task->nr >= gdb.first_task
			   ? k->exited_by->task->nr
			   : gdb.first_task;
	if (k->run == RUN_FATAL)
		snprintf(out, sizeof out, "X%02x;process:%x", (unsigned)gdb.stop_sig, pid);
	else
		snprintf(out, sizeof out, "W%02x;process:%x", (unsigned)status & 0xff, pid);
	if (send_packet(out))
		linger(out);
	hang_up();
}

void gdbstub_task_deleted(const struct task *t)
{
	if (active)
		gdb_task_deleted(&gdb, t);
}
