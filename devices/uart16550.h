/* A 16550A UART model (docs/devices.md): the registers and interrupts a classic driver uses,
 * transmitting at once and receiving from a host source through a backend. Host-free: the
 * backend (os/linux/serial.c, or a unit test) moves the bytes. */
#ifndef UMOL4_DEVICES_UART16550_H
#define UMOL4_DEVICES_UART16550_H

#include "core/device.h"

struct uart_backend {
	void (*put)(void *cx, uint8_t c);
	int (*get)(void *cx); /* a received byte, or -1 when none is waiting (never blocks) */
	/* the driver enabled (on) or disabled the receive interrupt: watch the source or not */
	void (*watch)(void *cx, bool on);
	void *cx;
};

#define UART_FIFO 16u

struct uart16550 {
	struct device dev;
	struct uart_backend be;
	uint8_t ier, lcr, mcr, scr, dll, dlm, fcr;
	uint8_t rx[UART_FIFO];
	unsigned rx_head, rx_n;
	bool overrun;
	bool thre_pending; /* the transmitter became empty and IIR has not said so yet */
	bool line;	   /* the interrupt output as last computed */
};

/* Sets up u as a device: its windows (port_count or mmio_size 0 for none) and its interrupt. */
void uart16550_init(struct uart16550 *u, const struct uart_backend *be, word_t port_base,
		    word_t mmio_base, unsigned irq);
/* The backend has input waiting: take it and interrupt if the driver wants to know. */
void uart16550_input(struct uart16550 *u);

#endif
