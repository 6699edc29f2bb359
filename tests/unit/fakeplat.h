#ifndef UMOL4_TEST_FAKEPLAT_H
#define UMOL4_TEST_FAKEPLAT_H

#include "core/plat.h"

extern uint64_t fake_now;
extern char fake_out[8192];
extern char fake_log[16384];
extern char fake_err[1024];
extern unsigned fake_irq_attached;
void fake_reset(void);

/* A fake user memory for the ISA backends' readers: 64 bytes at FAKEMEM_VA. */
#define FAKEMEM_VA 0x10000u
extern uint8_t fakemem[64];
bool fakemem_read(void *cx, word_t va, void *buf, word_t len);
/* Stores w at fakemem + off in the given byte order. */
void fakemem_put_word(unsigned off, word_t w, bool be);

#endif
