/* The network card's host side (docs/cluster.md): --net and --mac, a libvdeplug connection that
 * carries the virtio-net device's frames. */
#ifndef UMOL4_OS_NET_H
#define UMOL4_OS_NET_H

#include "core/kernel.h"

#include <stddef.h>

/* --net=none|URL (vde:///path, vxvde://group, any libvdeplug URL); false with the reason. */
bool net_option(const char *arg, char *err, size_t n);
/* --mac=xx:xx:xx:xx:xx:xx (unicast); false with the reason. */
bool mac_option(const char *arg, char *err, size_t n);
/* Connects and adds the card to k unless --net=none; false with the reason in err. */
bool net_setup(struct kernel *k, char *err, size_t n);
/* The descriptor to poll for received frames while the driver has receive buffers, else -1. */
int net_poll_fd(void);
/* Frames arrived: hand them to the device. */
void net_input(void);
void net_close(void);

#endif
