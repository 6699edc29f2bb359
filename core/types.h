/* Basic L4 V2 value types as the core sees them: every L4 word is 32 bits on every ISA umol4
 * runs, and ids are two words (V2 layout, reference §1.1). Only freestanding headers here. */
#ifndef UMOL4_CORE_TYPES_H
#define UMOL4_CORE_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t word_t;

typedef struct {
	word_t lo, hi;
} l4id_t;

#define L4_TASKS 2048u
#define L4_LTHREADS 128u
#define PAGE_SHIFT 12u
#define PAGE_SIZE (1u << PAGE_SHIFT)

/* low word: version_low 0-9 | lthread 10-16 | task 17-27 | version_high 28-31
 * high word: site 0-16 | chief 17-27 | nest 28-31 */
static inline unsigned id_task(l4id_t id) { return (id.lo >> 17) & 0x7ffu; }
static inline unsigned id_lthread(l4id_t id) { return (id.lo >> 10) & 0x7fu; }
static inline unsigned id_chief(l4id_t id) { return (id.hi >> 17) & 0x7ffu; }
static inline bool id_is_nil(l4id_t id) { return id.lo == 0; }
static inline bool id_is_invalid(l4id_t id) { return id.lo == 0xffffffffu; }
static inline bool id_is_irq(l4id_t id) { return id.lo != 0 && (id.lo & ~0xffu) == 0 && id.hi == 0; }
static inline bool id_equal(l4id_t a, l4id_t b) { return a.lo == b.lo && a.hi == b.hi; }

static inline l4id_t id_make(unsigned task, unsigned lthread, unsigned chief, unsigned nest)
{
	l4id_t id = {((task & 0x7ffu) << 17) | ((lthread & 0x7fu) << 10),
		     ((chief & 0x7ffu) << 17) | ((nest & 0xfu) << 28)};
	return id;
}

static const l4id_t L4ID_NIL = {0, 0};
static const l4id_t L4ID_INVALID = {0xffffffffu, 0xffffffffu};

/* IPC descriptors, dope and error codes (reference §2.2). */
#define IPC_NIL_DESC 0xffffffffu
#define IPC_DESC_DECEIT 1u /* send desc bit 0 */
#define IPC_DESC_MAP 2u    /* send desc bit 1: words are (snd_base, fpage) pairs */
#define IPC_DESC_OPEN 1u   /* rcv desc bit 0 */
#define IPC_DESC_RMAP 2u   /* rcv desc bit 1: bits 2-31 are a receive fpage */

#define DOPE_DECEITED 0x01u
#define DOPE_FPAGE 0x02u
#define DOPE_REDIRECTED 0x04u
#define DOPE_INNER 0x08u
#define DOPE(dwords, strings) (((word_t)(dwords) << 13) | ((word_t)(strings) << 8))

enum ipc_error {
	IPC_OK = 0,
	IPC_ENOT_EXISTENT = 0x10,
	IPC_RETIMEOUT = 0x20,
	IPC_SETIMEOUT = 0x30,
	IPC_RECANCELED = 0x40,
	IPC_SECANCELED = 0x50,
	IPC_REMAPFAILED = 0x60,
	IPC_SEMAPFAILED = 0x70,
	IPC_RESNDPFTO = 0x80,
	IPC_SESNDPFTO = 0x90,
	IPC_RERCVPFTO = 0xa0,
	IPC_SERCVPFTO = 0xb0,
	IPC_REABORTED = 0xc0,
	IPC_SEABORTED = 0xd0,
	IPC_REMSGCUT = 0xe0,
	IPC_SEMSGCUT = 0xf0,
};

/* Flexpages (reference §3.1). */
static inline word_t fpage_base(word_t fp) { return fp & 0xfffff000u; }
static inline unsigned fpage_log2(word_t fp) { return (fp >> 2) & 0x3fu; }
static inline bool fpage_writable(word_t fp) { return fp & 2u; }
static inline bool fpage_grant(word_t fp) { return fp & 1u; }
static inline word_t fpage_make(word_t base, unsigned log2, bool w)
{
	return (base & 0xfffff000u) | (log2 << 2) | (w ? 2u : 0u);
}
/* I/O fpages (ia32 ports): 0xF in bits 28-31, the first port in bits 12-27, log2 of the count
 * in bits 2-7. No memory fpage has 0xF in its top bits on any ISA (the user ranges end lower). */
#define IO_FPAGE_TAG 0xf0000000u
#define IO_PORTS_LOG2 16u
static inline bool fpage_is_io(word_t fp) { return (fp >> 28) == 0xfu; }
static inline word_t io_fpage_port(word_t fp) { return (fp >> 12) & 0xffffu; }
static inline word_t io_fpage_make(word_t port, unsigned log2)
{
	return IO_FPAGE_TAG | (port & 0xffffu) << 12 | log2 << 2;
}

#endif
