/* A small 16550A UART driver (docs/devices.md), the same source on every ISA: it finds the UART
 * in the KIP's device table (ports 0x3F8 on ia32, a memory-mapped window elsewhere), programs it
 * as a classic driver does (divisor, 8N1, FIFOs, OUT2), and moves every byte by interrupt: the
 * transmitter-empty interrupt feeds the transmit FIFO from a ring, the receive interrupt drains
 * the receive FIFO into another. It greets, then answers each line it receives in capitals
 * until a line "quit". Run it on the console (umol4 uart.elf) or on a pty (--serial=pty). */
#include <l4/sys/ipc.h>
#include <l4/umol4/devices.h>
#include <stdio.h>

#define WINDOW 0x20000000UL /* where the memory-mapped registers appear */

enum { RBR_THR = 0, IER = 1, IIR_FCR = 2, LCR = 3, MCR = 4, LSR = 5 };
#define IER_RDA	 0x01
#define IER_THRE 0x02
#define IER_RLS	 0x04
#define IIR_NONE 0x01
#define IIR_ID	 0x0e
#define IIR_RLS	 0x06
#define IIR_RDA	 0x04
#define IIR_THRE 0x02
#define LSR_DR	 0x01
#define LSR_THRE 0x20
#define FIFO	 16

static umol4_dev_t uart;
static l4_threadid_t irq;
static unsigned char tx[256], rx[256];
static unsigned tx_head, tx_tail, rx_head, rx_tail, ier;

static void set_ier(unsigned v)
{
	ier = v;
	umol4_dev_write8(&uart, IER, (l4_uint8_t)v);
}

/* One interrupt: handle every cause IIR reports until it says none is left. */
static void isr(void)
{
	unsigned iir;
	while (!((iir = umol4_dev_read8(&uart, IIR_FCR)) & IIR_NONE)) {
		switch (iir & IIR_ID) {
		case IIR_RLS:
			umol4_dev_read8(&uart, LSR);
			break;
		case IIR_RDA:
			while (umol4_dev_read8(&uart, LSR) & LSR_DR) {
				unsigned char c = umol4_dev_read8(&uart, RBR_THR);
				if ((unsigned char)(rx_head - rx_tail) < sizeof rx - 1)
					rx[rx_head++ % sizeof rx] = c;
			}
			break;
		case IIR_THRE:
			for (int n = 0; n < FIFO && tx_tail != tx_head; n++)
				umol4_dev_write8(&uart, RBR_THR, tx[tx_tail++ % sizeof tx]);
			if (tx_tail == tx_head)
				set_ier(ier & ~IER_THRE);
			break;
		}
	}
}

static void wait_irq(void)
{
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_ipc_receive(irq, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	isr();
}

static void uart_write(const char *s)
{
	for (; *s; s++) {
		while (tx_head - tx_tail == sizeof tx)
			wait_irq();
		tx[tx_head++ % sizeof tx] = (unsigned char)*s;
		if (!(ier & IER_THRE))
			set_ier(ier | IER_THRE); /* an empty transmitter interrupts at once */
	}
}

static void uart_flush(void)
{
	while (tx_tail != tx_head)
		wait_irq();
}

/* The next line received (without its end), at most n - 1 bytes. */
static void uart_getline(char *buf, unsigned n)
{
	unsigned len = 0;
	for (;;) {
		while (rx_tail == rx_head)
			wait_irq();
		char c = (char)rx[rx_tail++ % sizeof rx];
		if (c == '\n' || c == '\r') {
			if (!len && c == '\n')
				continue; /* the \n of a \r\n */
			break;
		}
		if (len + 1 < n)
			buf[len++] = c;
	}
	buf[len] = 0;
}

int main(void)
{
	if (umol4_device_open(&uart, UMOL4_DEV_UART16550, WINDOW)) {
		printf("uart: no UART (umol4 --serial=none?)\n");
		return 1;
	}
	umol4_dev_write8(&uart, LCR, 0x80); /* divisor latch: 115200 baud */
	umol4_dev_write8(&uart, RBR_THR, 1);
	umol4_dev_write8(&uart, IER, 0);
	umol4_dev_write8(&uart, LCR, 0x03);	/* 8 data bits, no parity, 1 stop bit */
	umol4_dev_write8(&uart, IIR_FCR, 0x07); /* FIFOs on and cleared */
	umol4_dev_write8(&uart, MCR, 0x0b);	/* DTR, RTS, OUT2 (the interrupt line) */
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_make_taskid_from_irq((int)uart.irq, &irq);
	l4_ipc_receive(irq, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &dope);
	set_ier(IER_RDA | IER_RLS);

	uart_write("uart: hello from a 16550A driver; type lines, 'quit' ends\r\n");
	char line[80], out[100];
	for (;;) {
		uart_getline(line, sizeof line);
		if (line[0] == 'q' && line[1] == 'u' && line[2] == 'i' && line[3] == 't' &&
		    !line[4])
			break;
		unsigned i = 0;
		for (const char *p = "uart: "; *p; p++)
			out[i++] = *p;
		for (const char *p = line; *p; p++)
			out[i++] = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
		out[i++] = '\r';
		out[i++] = '\n';
		out[i] = 0;
		uart_write(out);
	}
	uart_write("uart: bye\r\n");
	uart_flush();
	return 0;
}
