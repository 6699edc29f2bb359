/*
 * Devices for the loader's programs (docs/devices.md): the loader is their pager, so their I/O
 * faults (ia32 ports) and requests for pages of device windows come here. The loader takes the
 * resource from sigma0 (which serves only the loader) and passes it on, each port and each
 * device page to the first program that asks, until that program ends: the kernel's mapping
 * database then takes the program's mappings away, and the loader forgets the owner.
 */
#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/types.h>

#include "devices.h"
#include "frames.h"
#include "roottask.h"

#define DEVICE_BASE  0xe0000000UL
#define DEVICE_PAGES 256UL
#define IO_PORTS     (1UL << L4_WHOLE_IOADDRESS_SPACE)

static l4_uint16_t device_owner[DEVICE_PAGES], port_owner[IO_PORTS]; /* task + 1 */
static l4_addr_t window;					     /* devices_init */

l4_addr_t devices_init(l4_addr_t top)
{
	window = (top - DEVICE_PAGES * PAGE_SIZE) & ~(PAGE_SIZE - 1);
	return window;
}

/* Asks sigma0 for w0 (an I/O fpage or a device page) into the receive window rcv. */
static int from_sigma0(l4_umword_t w0, void *rcv)
{
	l4_threadid_t sigma0 = L4_NIL_ID;
	l4_umword_t base, fp;
	l4_msgdope_t dope;
	sigma0.id.task = 2;
	int err =
	    l4_ipc_call(sigma0, L4_IPC_SHORT_MSG, w0, 0, rcv, &base, &fp, L4_IPC_NEVER, &dope);
	return !err && l4_ipc_fpage_received(dope);
}

/* Whether all of owner_of[first..first+n) are free or task nr's. */
static int available(const l4_uint16_t *owner_of, l4_umword_t first, l4_umword_t n, unsigned nr)
{
	for (l4_umword_t i = first; i < first + n; i++)
		if (owner_of[i] && owner_of[i] != nr + 1)
			return 0;
	return 1;
}

static void own(l4_uint16_t *owner_of, l4_umword_t first, l4_umword_t n, unsigned nr)
{
	for (l4_umword_t i = first; i < first + n; i++)
		owner_of[i] = (l4_uint16_t)(nr + 1);
}

int devices_request(unsigned nr, l4_umword_t w0, l4_umword_t *base, l4_umword_t *fpage)
{
	w0 &= ~3UL;
	if ((w0 >> 28) == 0xf && w0 != 0xfffffffcUL) { /* an I/O fault: the ports it names */
		unsigned s = (w0 >> 2) & 0x3f;
		if (s > L4_WHOLE_IOADDRESS_SPACE)
			return 0;
		l4_umword_t port = ((w0 >> 12) & 0xffff) & ~((1UL << s) - 1), n = 1UL << s;
		if (!available(port_owner, port, n, nr) ||
		    !from_sigma0(w0, L4_IPC_IOMAPMSG(0, L4_WHOLE_IOADDRESS_SPACE)))
			return 0;
		own(port_owner, port, n, nr);
		*base = 0;
		*fpage = l4_iofpage(port, s, L4_FPAGE_MAP).fpage;
		return 1;
	}
	if (w0 < DEVICE_BASE || w0 >= DEVICE_BASE + DEVICE_PAGES * PAGE_SIZE)
		return -1;
	l4_umword_t page = (w0 - DEVICE_BASE) / PAGE_SIZE;
	l4_addr_t va = window + page * PAGE_SIZE;
	if (!available(device_owner, page, 1, nr) ||
	    !from_sigma0(w0 & ~(PAGE_SIZE - 1), L4_IPC_MAPMSG(va, L4_LOG2_PAGESIZE)))
		return 0;
	own(device_owner, page, 1, nr);
	*base = w0 & ~(PAGE_SIZE - 1);
	*fpage = l4_fpage(va, L4_LOG2_PAGESIZE, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
	return 1;
}

void devices_client_gone(unsigned nr)
{
	for (l4_umword_t i = 0; i < IO_PORTS; i++)
		if (port_owner[i] == nr + 1)
			port_owner[i] = 0;
	for (l4_umword_t i = 0; i < DEVICE_PAGES; i++)
		if (device_owner[i] == nr + 1)
			device_owner[i] = 0;
}
