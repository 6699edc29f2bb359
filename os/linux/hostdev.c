#include "os/linux/hostdev.h"
#include "core/fmt.h"
#include "core/irq.h"
#include "devices/testdev.h"
#include "devices/uart16550.h"
#include "os/linux/console.h"
#include "os/linux/net.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

enum serial_mode { SERIAL_STDIO, SERIAL_PTY, SERIAL_NONE };

#define UART_PORT	 0x3f8u
#define UART_IRQ	 4u
#define TESTDEV_PORT	 0x500u
#define TESTDEV_IRQ_LINE 5u
#define TESTDEV_MMIO	 DEVICE_PHYS_BASE
#define UART_MMIO	 (DEVICE_PHYS_BASE + PAGE_SIZE)

static enum serial_mode serial_mode = SERIAL_STDIO;
static struct testdev testdev;
static struct uart16550 uart;
static bool uart_present;
static int in_fd = -1, out_fd = -1, pty_slave = -1;
static bool watching, in_eof;
static int saved_flags = -1; /* of in_fd, before O_ASYNC */

static bool serial_option(const char *arg, char *err, size_t n)
{
	if (!strcmp(arg, "stdio"))
		serial_mode = SERIAL_STDIO;
	else if (!strcmp(arg, "pty"))
		serial_mode = SERIAL_PTY;
	else if (!strcmp(arg, "none"))
		serial_mode = SERIAL_NONE;
	else {
		kfmt(err, n, "--serial wants 'stdio', 'pty' or 'none', not '%s'", arg);
		return false;
	}
	return true;
}

bool hostdev_option(int opt, const char *arg, char *err, size_t n)
{
	switch (opt) {
	case HOSTDEV_OPT_SERIAL:
		return serial_option(arg, err, n);
	case HOSTDEV_OPT_NET:
		return net_option(arg, err, n);
	default:
		return mac_option(arg, err, n);
	}
}

static void uart_put(void *cx, uint8_t c)
{
	(void)cx;
	ssize_t r;
	do /* a pty nobody reads drops what does not fit, as a line without a listener */
		r = write(out_fd, &c, 1);
	while (r < 0 && errno == EINTR);
}

static int uart_get(void *cx)
{
	(void)cx;
	struct pollfd p = {in_fd, POLLIN, 0};
	uint8_t c;
	if (in_eof || poll(&p, 1, 0) <= 0 || !(p.revents & (POLLIN | POLLHUP)))
		return -1;
	ssize_t r = read(in_fd, &c, 1);
	if (r == 1)
		return c;
	if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR))
		in_eof = true;
	return -1;
}

/* SIGIO tells the kernel about input while a task runs, as for the console (taskproc.c). */
static void uart_watch(void *cx, bool on)
{
	(void)cx;
	watching = on;
	if (on && saved_flags < 0 && (saved_flags = fcntl(in_fd, F_GETFL)) >= 0) {
		fcntl(in_fd, F_SETOWN, getpid());
		fcntl(in_fd, F_SETFL, saved_flags | O_ASYNC);
	}
}

static bool open_pty(char *err, size_t n)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	const char *path = m >= 0 && !grantpt(m) && !unlockpt(m) ? ptsname(m) : 0;
	/* the kernel holds the terminal side open too, so that no terminal attached reads as
	 * "nothing yet" rather than as a hang-up */
	if (path)
		pty_slave = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
	struct termios tio;
	if (pty_slave < 0 || tcgetattr(pty_slave, &tio)) {
		kfmt(err, n, "--serial=pty: cannot create a pty: %s", strerror(errno));
		return false;
	}
	cfmakeraw(&tio);
	tcsetattr(pty_slave, TCSANOW, &tio);
	fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK);
	in_fd = out_fd = m;
	fprintf(stderr, "umol4: serial port uart0 on %s\n", path);
	return true;
}

bool hostdev_setup(struct kernel *k, char *err, size_t n)
{
	testdev_init(&testdev, TESTDEV_PORT, TESTDEV_MMIO, TESTDEV_IRQ_LINE);
	if (!device_add(k, &testdev.dev)) {
		kfmt(err, n, "%s", "cannot add the test device");
		return false;
	}
	if (!net_setup(k, err, n))
		return false;
	if (serial_mode == SERIAL_NONE)
		return true;
	if (serial_mode == SERIAL_PTY && !open_pty(err, n))
		return false;
	if (serial_mode == SERIAL_STDIO) {
		in_fd = STDIN_FILENO;
		out_fd = STDOUT_FILENO;
	}
	struct uart_backend be = {uart_put, uart_get, uart_watch, 0};
	uart16550_init(&uart, &be, UART_PORT, UART_MMIO, UART_IRQ);
	if (!device_add(k, &uart.dev)) {
		kfmt(err, n, "%s", "cannot add the UART");
		return false;
	}
	uart_present = true;
	return true;
}

static bool uart_live(void)
{
	return uart_present && watching && !in_eof;
}

unsigned hostdev_wait(int timeout_ms)
{
	int net = net_poll_fd();
	bool uart_apart = uart_live() && in_fd != STDIN_FILENO;
	if (!uart_apart && net < 0) {
		/* the console alone, or with the UART on the same standard input */
		unsigned input = console_state(timeout_ms) == CONSOLE_INPUT ? HOSTDEV_CONSOLE : 0;
		return input | (uart_live() ? HOSTDEV_UART : 0);
	}
	struct pollfd p[3] = {
	    {STDIN_FILENO, POLLIN, 0}, {uart_apart ? in_fd : -1, POLLIN, 0}, {net, POLLIN, 0}};
	if (console_state(0) == CONSOLE_DEAD && !uart_live())
		p[0].fd = -1;
	if (poll(p, 3, timeout_ms) <= 0)
		return 0;
	unsigned input = 0;
	if (p[0].revents && console_state(0) == CONSOLE_INPUT)
		input |= HOSTDEV_CONSOLE;
	if ((p[0].revents || p[1].revents) && uart_live())
		input |= HOSTDEV_UART;
	if (p[2].revents)
		input |= HOSTDEV_NET;
	return input;
}

void hostdev_deliver(struct kernel *k, unsigned input)
{
	if (input & HOSTDEV_CONSOLE)
		irq_raise(k, IRQ_CONSOLE);
	if (input & HOSTDEV_UART)
		uart16550_input(&uart);
	if (input & HOSTDEV_NET)
		net_input();
}

bool hostdev_live(void)
{
	return uart_live() || net_poll_fd() >= 0 || console_state(0) != CONSOLE_DEAD;
}

void hostdev_restore(void)
{
	net_close();
	if (saved_flags >= 0)
		fcntl(in_fd, F_SETFL, saved_flags);
}
