/* Compiler glue of the l4sys API (2003 <l4/sys/compiler.h> names). */
#ifndef __L4_SYS_COMPILER_H__
#define __L4_SYS_COMPILER_H__

#ifndef __ASSEMBLY__

#ifndef __GNUC__
#error "the l4sys headers need GCC (inline assembly, register variables)"
#endif

/*
 * 2003 l4sys used "extern __inline__" when optimizing and plain "static" otherwise. Under C99/C11
 * "extern inline" means "emit an external definition here", so every file would define every
 * binding. "static __inline__" gives each file a private copy that the compiler drops when unused,
 * at every optimization level; STATIC_L4_INLINE is accepted and changes nothing.
 */
#ifndef __cplusplus
#define L4_INLINE static __inline__
#else
#define L4_INLINE inline
#endif

#ifndef __cplusplus
#define EXTERN_C_BEGIN
#define EXTERN_C_END
#else
#define EXTERN_C_BEGIN extern "C" {
#define EXTERN_C_END   }
#endif

#define L4_NORETURN __attribute__((__noreturn__))

/* GCC allocates bitfields from the most significant bit on big-endian targets. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define __L4_BIG_ENDIAN 1
#else
#define __L4_BIG_ENDIAN 0
#endif

#endif /* !__ASSEMBLY__ */

#include <l4/sys/linkage.h>

#endif
