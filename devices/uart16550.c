#include "devices/uart16550.h"
#include "core/irq.h"

enum { RBR_THR = 0, IER = 1, IIR_FCR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7 };

#define IER_RDA	     0x01u
#define IER_THRE     0x02u
#define IER_RLS	     0x04u
#define IER_MS	     0x08u
#define LCR_DLAB     0x80u
#define MCR_DTR	     0x01u
#define MCR_RTS	     0x02u
#define MCR_OUT1     0x04u
#define MCR_OUT2     0x08u /* gates the interrupt output, as on the PC */
#define MCR_LOOP     0x10u
#define LSR_DR	     0x01u
#define LSR_OE	     0x02u
#define LSR_THRE     0x20u
#define LSR_TEMT     0x40u
#define IIR_NONE     0x01u
#define IIR_RLS	     0x06u
#define IIR_RDA	     0x04u
#define IIR_THRE     0x02u
#define IIR_FIFO     0xc0u
#define FCR_ENABLE   0x01u
#define FCR_CLEAR_RX 0x02u
#define MSR_IDLE     0xb0u /* DCD, DSR, CTS: a terminal is there */

/* The highest-priority interrupt the UART has to tell, as IIR encodes it. */
static uint8_t pending(const struct uart16550 *u)
{
	if ((u->ier & IER_RLS) && u->overrun)
		return IIR_RLS;
	if ((u->ier & IER_RDA) && u->rx_n)
		return IIR_RDA;
	if ((u->ier & IER_THRE) && u->thre_pending)
		return IIR_THRE;
	return IIR_NONE;
}

/* The interrupt is edge-signalled to the kernel: a V2 interrupt message per rising edge. A
 * driver reads IIR until it says "none", so the line goes low before it waits again. */
static void update_line(struct uart16550 *u)
{
	bool line = (u->mcr & MCR_OUT2) && pending(u) != IIR_NONE;
	if (line && !u->line && u->dev.irq != DEVICE_NO_IRQ && u->dev.k)
		irq_raise(u->dev.k, u->dev.irq);
	u->line = line;
}

static void rx_push(struct uart16550 *u, uint8_t c)
{
	if (u->rx_n == UART_FIFO) {
		u->overrun = true;
		return;
	}
	u->rx[(u->rx_head + u->rx_n++) % UART_FIFO] = c;
}

/* Takes what the host has into the receive FIFO (never in loopback: the line is internal). */
static void rx_fill(struct uart16550 *u)
{
	int c;
	while (!(u->mcr & MCR_LOOP) && u->rx_n < UART_FIFO && (c = u->be.get(u->be.cx)) >= 0)
		rx_push(u, (uint8_t)c);
}

static uint8_t reg_read(struct uart16550 *u, word_t reg)
{
	uint8_t v;
	switch (reg) {
	case RBR_THR:
		if (u->lcr & LCR_DLAB)
			return u->dll;
		rx_fill(u);
		if (!u->rx_n)
			return 0;
		v = u->rx[u->rx_head];
		u->rx_head = (u->rx_head + 1) % UART_FIFO;
		u->rx_n--;
		rx_fill(u);
		return v;
	case IER:
		return (u->lcr & LCR_DLAB) ? u->dlm : u->ier;
	case IIR_FCR:
		v = pending(u);
		if (v == IIR_THRE)
			u->thre_pending = false; /* reading IIR acknowledges the THRE interrupt */
		return v | ((u->fcr & FCR_ENABLE) ? IIR_FIFO : 0);
	case LCR:
		return u->lcr;
	case MCR:
		return u->mcr;
	case LSR:
		rx_fill(u);
		v = LSR_THRE | LSR_TEMT | (u->rx_n ? LSR_DR : 0) | (u->overrun ? LSR_OE : 0);
		u->overrun = false;
		return v;
	case MSR:
		if (u->mcr &
		    MCR_LOOP) /* the outputs come back: DTR->DSR, RTS->CTS, OUT1->RI, OUT2->DCD */
			return (uint8_t)(((u->mcr & MCR_DTR) << 5) | ((u->mcr & MCR_RTS) << 3) |
					 ((u->mcr & MCR_OUT1) << 4) | ((u->mcr & MCR_OUT2) << 4));
		return MSR_IDLE;
	default:
		return u->scr;
	}
}

static void reg_write(struct uart16550 *u, word_t reg, uint8_t v)
{
	switch (reg) {
	case RBR_THR:
		if (u->lcr & LCR_DLAB) {
			u->dll = v;
			return;
		}
		if (u->mcr & MCR_LOOP)
			rx_push(u, v);
		else
			u->be.put(u->be.cx, v);
		u->thre_pending = true; /* sent at once: the holding register is empty again */
		return;
	case IER:
		if (u->lcr & LCR_DLAB) {
			u->dlm = v;
			return;
		}
		if ((v ^ u->ier) & IER_RDA)
			u->be.watch(u->be.cx, v & IER_RDA);
		/* enabling THRE with an empty transmitter interrupts at once (as the 16550A does)
		 */
		if ((v & IER_THRE) && !(u->ier & IER_THRE))
			u->thre_pending = true;
		u->ier = v & 0x0f;
		return;
	case IIR_FCR:
		u->fcr = v & 0xc9;
		if (v & FCR_CLEAR_RX)
			u->rx_n = 0;
		return;
	case LCR:
		u->lcr = v;
		return;
	case MCR:
		u->mcr = v & 0x1f;
		return;
	case SCR:
		u->scr = v;
		return;
	default: /* LSR, MSR: read-only */
		return;
	}
}

/* Registers are bytes; a wider access reaches the register at its offset only. */
static word_t uart_read(struct device *d, word_t off, unsigned width)
{
	(void)width;
	struct uart16550 *u = d->state;
	word_t v = reg_read(u, off & 7);
	update_line(u);
	return v;
}

static void uart_write(struct device *d, word_t off, unsigned width, word_t v)
{
	(void)width;
	struct uart16550 *u = d->state;
	reg_write(u, off & 7, (uint8_t)v);
	update_line(u);
}

static const struct device_ops uart_ops = {uart_read, uart_write};

void uart16550_init(struct uart16550 *u, const struct uart_backend *be, word_t port_base,
		    word_t mmio_base, unsigned irq)
{
	*u = (struct uart16550){.be = *be};
	device_init(&u->dev, DEVTYPE_UART16550, "uart0", &uart_ops, u);
	device_set_windows(&u->dev, port_base, port_base ? 8 : 0, mmio_base, irq);
}

void uart16550_input(struct uart16550 *u)
{
	rx_fill(u);
	update_line(u);
}
