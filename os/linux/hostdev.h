/* The instance's virtual devices on this host (docs/devices.md): the test device, and the UART
 * on standard input/output or a pty; their host input joins the console's in the run loop. */
#ifndef UMOL4_OS_HOSTDEV_H
#define UMOL4_OS_HOSTDEV_H

#include "core/kernel.h"

#include <stddef.h>

enum { HOSTDEV_OPT_SERIAL = 's', HOSTDEV_OPT_NET = 'n', HOSTDEV_OPT_MAC = 'a' };
/* A device option (the getopt code above): --serial=stdio|pty|none, --net=none|URL,
 * --mac=ADDRESS; false (with the reason in err) for a bad value. */
bool hostdev_option(int opt, const char *arg, char *err, size_t n);
/* Adds the devices to k (before kernel_boot); false with the reason in err. */
bool hostdev_setup(struct kernel *k, char *err, size_t n);
/* Waits up to timeout_ms (-1: forever) for console or device input; returns which sources have
 * some (HOSTDEV_*). Touches no kernel state: the caller may have let go of the kernel lock. */
enum { HOSTDEV_CONSOLE = 1, HOSTDEV_UART = 2, HOSTDEV_NET = 4 };
unsigned hostdev_wait(int timeout_ms);
/* Hands what hostdev_wait found to the devices and raises the interrupts it brings. */
void hostdev_deliver(struct kernel *k, unsigned input);
/* Whether some host input may still wake a thread (console or a device's receiver). */
bool hostdev_live(void);
/* Undoes what watching standard input changed (at exit). */
void hostdev_restore(void);

#endif
