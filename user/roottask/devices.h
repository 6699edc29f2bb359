/* The loader's side of devices (devices.c). */
#ifndef UMOL4_ROOTTASK_DEVICES_H
#define UMOL4_ROOTTASK_DEVICES_H

#include <l4/sys/types.h>

/* Places the loader's window for device pages just below `top`; returns its start, which is
 * where the loader's own 1:1 frames must end. */
l4_addr_t devices_init(l4_addr_t top);
/* An I/O fault or a device-page request of program nr: 1 with the mapping to answer, 0 to
 * refuse, -1 if w0 is neither. */
int devices_request(unsigned nr, l4_umword_t w0, l4_umword_t *base, l4_umword_t *fpage);
/* Program nr has ended: its ports and device pages are free again. */
void devices_client_gone(unsigned nr);

#endif
