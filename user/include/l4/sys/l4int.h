/* Fixed-size integer types of the l4sys API; identical on every supported (32-bit) ISA. */
#ifndef __L4_SYS_L4INT_H__
#define __L4_SYS_L4INT_H__

#define L4_MWORD_BITS 32

typedef signed char l4_int8_t;
typedef unsigned char l4_uint8_t;
typedef signed short int l4_int16_t;
typedef unsigned short int l4_uint16_t;
typedef signed int l4_int32_t;
typedef unsigned int l4_uint32_t;
typedef signed long long l4_int64_t;
typedef unsigned long long l4_uint64_t;

/* As in the 2003 l4sys (types.h defined the words over l4_uint32_t): unsigned int, not unsigned
 * long, so that code written then passes its unsigned int variables without a pointer mismatch. */
typedef l4_uint32_t l4_addr_t;
typedef l4_uint32_t l4_offs_t;
typedef unsigned int l4_size_t;
typedef signed int l4_ssize_t;

/* Machine words: every register the kernel reads or writes has this type. */
typedef l4_int32_t l4_mword_t;
typedef l4_uint32_t l4_umword_t;

typedef l4_uint64_t l4_cpu_time_t;
typedef l4_uint64_t l4_kernel_clock_t;

_Static_assert(sizeof(l4_umword_t) * 8 == L4_MWORD_BITS, "umol4 ISAs are 32-bit");

#endif
