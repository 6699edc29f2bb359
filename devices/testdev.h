/* umol4's test device (docs/devices.md): a scratch window that shows what reached the device,
 * for checking device accesses of every width and byte order, and an interrupt on request. */
#ifndef UMOL4_DEVICES_TESTDEV_H
#define UMOL4_DEVICES_TESTDEV_H

#include "core/device.h"

#define TESTDEV_SCRATCH	 0x100u /* bytes 0..0xff: memory, little-endian on the bus */
#define TESTDEV_ID	 0x100u /* reads TESTDEV_ID_VALUE */
#define TESTDEV_LAST	 0x104u /* the access before: width | write << 8 | offset << 16 */
#define TESTDEV_IRQ	 0x108u /* a write raises the device's interrupt */
#define TESTDEV_ID_VALUE 0x7e570001u

struct testdev {
	struct device dev;
	uint8_t scratch[TESTDEV_SCRATCH];
	word_t last;
};

void testdev_init(struct testdev *t, word_t port_base, word_t mmio_base, unsigned irq);

#endif
