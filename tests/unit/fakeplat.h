#ifndef UMOL4_TEST_FAKEPLAT_H
#define UMOL4_TEST_FAKEPLAT_H

#include "core/plat.h"

extern uint64_t fake_now;
extern char fake_out[8192];
extern char fake_log[16384];
extern char fake_err[1024];
extern unsigned fake_irq_attached;
void fake_reset(void);

#endif
