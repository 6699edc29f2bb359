/* Page-size constants of the l4sys API (4 KiB pages, 4 MiB superpages on every ISA). */
#ifndef __L4_SYS_CONSTS_H__
#define __L4_SYS_CONSTS_H__

#include <l4/sys/l4int.h>

#define L4_PAGESHIFT	 12
#define L4_PAGESIZE	 (1U << L4_PAGESHIFT)
#define L4_PAGEMASK	 (~(L4_PAGESIZE - 1))
#define L4_LOG2_PAGESIZE L4_PAGESHIFT

#define L4_SUPERPAGESHIFT     22
#define L4_SUPERPAGESIZE      (1U << L4_SUPERPAGESHIFT)
#define L4_SUPERPAGEMASK      (~(L4_SUPERPAGESIZE - 1))
#define L4_LOG2_SUPERPAGESIZE L4_SUPERPAGESHIFT

#define L4_MAX_ADDRESS ((l4_addr_t)-1)

#define l4_trunc_page(x)      (((l4_addr_t)(x)) & L4_PAGEMASK)
#define l4_round_page(x)      ((((l4_addr_t)(x)) + L4_PAGESIZE - 1) & L4_PAGEMASK)
#define l4_trunc_superpage(x) (((l4_addr_t)(x)) & L4_SUPERPAGEMASK)
#define l4_round_superpage(x) ((((l4_addr_t)(x)) + L4_SUPERPAGESIZE - 1) & L4_SUPERPAGEMASK)

#ifndef NULL
#ifndef __cplusplus
#define NULL ((void *)0)
#else
#define NULL 0
#endif
#endif

#endif
