/*
 * L4 V2 data types: thread ids, flexpages, message dopes, timeouts, scheduling parameters
 * (2003 <l4/sys/types.h> names, reference/l4-v2-abi.md §1-3).
 *
 * Every bitfield type below describes bits of 32-bit words that travel in registers, so a field
 * must denote the same bits of the word's value on every ISA. GCC fills bitfields from the least
 * significant bit on little-endian targets and from the most significant bit on big-endian ones,
 * hence each structure is declared twice: LSB-first, and MSB-first under __L4_BIG_ENDIAN.
 * Initialize these types with designated initializers only; positional ones would differ.
 */
#ifndef __L4_SYS_TYPES_H__
#define __L4_SYS_TYPES_H__

#include <l4/sys/compiler.h>
#include <l4/sys/consts.h>
#include <l4/sys/l4int.h>

/* A memory range or 64-bit quantity as two words, low word first (KIP layout relies on it). */
typedef struct {
	l4_umword_t low;
	l4_umword_t high;
} l4_low_high_t;

/*
 * The two words of a 64-bit id, ordered so that the id's .raw reads high << 32 | low on both
 * byte orders. On little-endian targets this is l4_low_high_t itself, so 2003 code that copies
 * .lh around keeps compiling there.
 */
#if __L4_BIG_ENDIAN
typedef struct {
	l4_umword_t high;
	l4_umword_t low;
} __l4_id_words_t;
#else
typedef l4_low_high_t __l4_id_words_t;
#endif

/* Thread ids: low word version_low:10 lthread:7 task:11 version_high:4, high word site:17 chief:11
 * nest:4 (LSB first). */
typedef struct {
#if __L4_BIG_ENDIAN
	unsigned nest : 4;
	unsigned chief : 11;
	unsigned site : 17;
	unsigned version_high : 4;
	unsigned task : 11;
	unsigned lthread : 7;
	unsigned version_low : 10;
#else
	unsigned version_low : 10;
	unsigned lthread : 7;
	unsigned task : 11;
	unsigned version_high : 4;
	unsigned site : 17;
	unsigned chief : 11;
	unsigned nest : 4;
#endif
} l4_threadid_struct_t;

/*
 * raw is packed to 4-byte alignment so that structures holding ids (long messages, deceit ids)
 * have the same layout on ARM and MIPS, whose ABIs would otherwise align 64-bit members to 8.
 */
typedef union {
	__l4_id_words_t lh;
	l4_threadid_struct_t id;
	l4_uint64_t raw __attribute__((__packed__, __aligned__(4)));
} l4_threadid_t;

typedef l4_threadid_t l4_taskid_t;

/* Interrupt ids: low word = irq + 1 (8 bits), everything else 0. */
typedef struct {
#if __L4_BIG_ENDIAN
	unsigned zero_high;
	unsigned zero : 24;
	unsigned intr : 8;
#else
	unsigned intr : 8;
	unsigned zero : 24;
	unsigned zero_high;
#endif
} l4_intrid_struct_t;

typedef union {
	__l4_id_words_t lh;
	l4_intrid_struct_t id;
} l4_intrid_t;

#define L4_NIL_ID     ((l4_threadid_t){.lh = {.low = 0, .high = 0}})
#define L4_INVALID_ID ((l4_threadid_t){.lh = {.low = 0xffffffffUL, .high = 0xffffffffUL}})

L4_INLINE int l4_is_nil_id(l4_threadid_t id);
L4_INLINE int l4_is_invalid_id(l4_threadid_t id);
L4_INLINE l4_threadid_t l4_get_taskid(l4_threadid_t t);
L4_INLINE int l4_thread_equal(l4_threadid_t t1, l4_threadid_t t2);
L4_INLINE int l4_task_equal(l4_threadid_t t1, l4_threadid_t t2);
L4_INLINE void l4_make_taskid_from_irq(int irq, l4_threadid_t *t);

/* Flexpages: grant:1 write:1 size:6 zero:4 page:20; I/O: grant:1 0:1 iosize:6 0:4 iopage:16 f:4. */
typedef struct {
#if __L4_BIG_ENDIAN
	unsigned page : 20;
	unsigned zero : 4;
	unsigned size : 6;
	unsigned write : 1;
	unsigned grant : 1;
#else
	unsigned grant : 1;
	unsigned write : 1;
	unsigned size : 6;
	unsigned zero : 4;
	unsigned page : 20;
#endif
} l4_fpage_struct_t;

typedef struct {
#if __L4_BIG_ENDIAN
	unsigned f : 4;
	unsigned iopage : 16;
	unsigned zero2 : 4;
	unsigned iosize : 6;
	unsigned zero1 : 1;
	unsigned grant : 1;
#else
	unsigned grant : 1;
	unsigned zero1 : 1;
	unsigned iosize : 6;
	unsigned zero2 : 4;
	unsigned iopage : 16;
	unsigned f : 4;
#endif
} l4_iofpage_struct_t;

typedef union {
	l4_umword_t fpage;
	l4_fpage_struct_t fp;
	l4_iofpage_struct_t iofp;
} l4_fpage_t;

#define L4_WHOLE_ADDRESS_SPACE	 (32)
#define L4_FPAGE_RO		 0
#define L4_FPAGE_RW		 1
#define L4_FPAGE_MAP		 0
#define L4_FPAGE_GRANT		 1
#define L4_WHOLE_IOADDRESS_SPACE 16
#define L4_IOPORT_MAX		 (1L << L4_WHOLE_IOADDRESS_SPACE)

typedef struct {
	l4_umword_t snd_base;
	l4_fpage_t fpage;
} l4_snd_fpage_t;

L4_INLINE l4_fpage_t l4_fpage(unsigned long address, unsigned int size, unsigned char write,
			      unsigned char grant);
L4_INLINE l4_fpage_t l4_iofpage(unsigned port, unsigned int size, unsigned char grant);
L4_INLINE int l4_is_io_page_fault(unsigned address);

/* Message dope: d:1 m:1 r:1 i:1 send-error:1 code:3 strings:5 dwords:19. */
typedef struct {
#if __L4_BIG_ENDIAN
	unsigned dwords : 19;
	unsigned strings : 5;
	unsigned error_code : 3;
	unsigned snd_error : 1;
	unsigned src_inside : 1;
	unsigned msg_redirected : 1;
	unsigned fpage_received : 1;
	unsigned msg_deceited : 1;
#else
	unsigned msg_deceited : 1;
	unsigned fpage_received : 1;
	unsigned msg_redirected : 1;
	unsigned src_inside : 1;
	unsigned snd_error : 1;
	unsigned error_code : 3;
	unsigned strings : 5;
	unsigned dwords : 19;
#endif
} l4_msgdope_struct_t;

typedef union {
	l4_umword_t msgdope;
	l4_msgdope_struct_t md;
} l4_msgdope_t;

typedef struct {
	l4_umword_t snd_size;
	l4_umword_t snd_str;
	l4_umword_t rcv_size;
	l4_umword_t rcv_str;
} l4_strdope_t;

/* Timeouts: rcv_exp:4 snd_exp:4 rcv_pfault:4 snd_pfault:4 snd_man:8 rcv_man:8. */
typedef struct {
#if __L4_BIG_ENDIAN
	unsigned rcv_man : 8;
	unsigned snd_man : 8;
	unsigned snd_pfault : 4;
	unsigned rcv_pfault : 4;
	unsigned snd_exp : 4;
	unsigned rcv_exp : 4;
#else
	unsigned rcv_exp : 4;
	unsigned snd_exp : 4;
	unsigned rcv_pfault : 4;
	unsigned snd_pfault : 4;
	unsigned snd_man : 8;
	unsigned rcv_man : 8;
#endif
} l4_timeout_struct_t;

typedef union {
	l4_umword_t timeout;
	l4_timeout_struct_t to;
} l4_timeout_t;

/* Scheduling parameter word: prio:8 small:8 state:4 time_exp:4 time_man:8. */
typedef struct {
#if __L4_BIG_ENDIAN
	unsigned time_man : 8;
	unsigned time_exp : 4;
	unsigned state : 4;
	unsigned small : 8;
	unsigned prio : 8;
#else
	unsigned prio : 8;
	unsigned small : 8;
	unsigned state : 4;
	unsigned time_exp : 4;
	unsigned time_man : 8;
#endif
} l4_sched_param_struct_t;

typedef union {
	l4_umword_t sched_param;
	l4_sched_param_struct_t sp;
} l4_sched_param_t;

#define L4_INVALID_SCHED_PARAM	    ((l4_sched_param_t){.sched_param = (l4_umword_t)-1})
#define L4_SMALL_SPACE(size_mb, nr) (((size_mb) >> 2) + (nr) * ((size_mb) >> 1))

L4_INLINE int l4_is_invalid_sched_param(l4_sched_param_t sp);

/*
 * Layout checks that C can evaluate at compile time (bitfield positions cannot be: those are
 * checked by user/libc/l4sys_layout.c, which the library build compiles with optimization).
 */
_Static_assert(sizeof(l4_threadid_t) == 8 && _Alignof(l4_threadid_t) == 4, "id = 2 words");
_Static_assert(__builtin_offsetof(l4_threadid_t, lh.low) == (__L4_BIG_ENDIAN ? 4 : 0),
	       "raw must read high << 32 | low");
_Static_assert(__builtin_offsetof(l4_threadid_t, lh.high) == (__L4_BIG_ENDIAN ? 0 : 4),
	       "raw must read high << 32 | low");
_Static_assert(sizeof(l4_intrid_t) == 8, "interrupt ids are thread ids");
_Static_assert(sizeof(l4_fpage_t) == 4 && sizeof(l4_msgdope_t) == 4, "one word each");
_Static_assert(sizeof(l4_timeout_t) == 4 && sizeof(l4_sched_param_t) == 4, "one word each");
_Static_assert(sizeof(l4_snd_fpage_t) == 8 && sizeof(l4_strdope_t) == 16, "message layout");

L4_INLINE int l4_is_invalid_sched_param(l4_sched_param_t sp)
{
	return sp.sched_param == 0xffffffffUL;
}

/* Only the low word decides, as in Fiasco: nil and invalid are recognized by it alone. */
L4_INLINE int l4_is_nil_id(l4_threadid_t id)
{
	return id.lh.low == 0;
}

L4_INLINE int l4_is_invalid_id(l4_threadid_t id)
{
	return id.lh.low == 0xffffffffUL;
}

L4_INLINE l4_fpage_t l4_fpage(unsigned long address, unsigned int size, unsigned char write,
			      unsigned char grant)
{
	/* Masking mimics the 2003 bitfield initializer, which truncated out-of-range arguments. */
	l4_fpage_t fp = {.fpage = (address & L4_PAGEMASK) | (size & 0x3fU) << 2 |
				  (write & 1U) << 1 | (grant & 1U)};
	return fp;
}

L4_INLINE l4_fpage_t l4_iofpage(unsigned port, unsigned int size, unsigned char grant)
{
	l4_fpage_t fp = {.fpage = 0xf0000000UL | (port & 0xffffU) << 12 | (size & 0x3fU) << 2 |
				  (grant & 1U)};
	return fp;
}

L4_INLINE int l4_is_io_page_fault(unsigned address)
{
	l4_fpage_t t;

	t.fpage = address;
	return t.iofp.f == 0xf;
}

L4_INLINE l4_threadid_t l4_get_taskid(l4_threadid_t t)
{
	t.id.lthread = 0;
	return t;
}

L4_INLINE int l4_thread_equal(l4_threadid_t t1, l4_threadid_t t2)
{
	return t1.lh.low == t2.lh.low && t1.lh.high == t2.lh.high;
}

/* Compares everything but the lthread number. */
#define TASK_MASK 0xfffe03ffUL
L4_INLINE int l4_task_equal(l4_threadid_t t1, l4_threadid_t t2)
{
	return (t1.lh.low & TASK_MASK) == (t2.lh.low & TASK_MASK) && t1.lh.high == t2.lh.high;
}

L4_INLINE void l4_make_taskid_from_irq(int irq, l4_threadid_t *t)
{
	t->lh.low = (l4_umword_t)(irq + 1);
	t->lh.high = 0;
}

#endif
