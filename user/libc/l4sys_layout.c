/*
 * Compile-time check that the l4sys bitfields denote the bits docs/abi/<isa>.md and
 * reference/l4-v2-abi.md give them, on this ISA and byte order. C cannot evaluate bitfield layout
 * in _Static_assert, but the optimizer folds each comparison below to a constant, and a
 * comparison that folds to "mismatch" leaves a call to a function whose use is a compile error.
 * The library is always built with optimization; without it there is nothing to fold.
 */
#include <l4/sys/ipc.h>
#include <l4/sys/types.h>

#ifdef __OPTIMIZE__

extern void __umol4_l4sys_bitfield_layout_mismatch(void)
    __attribute__((__error__("an l4sys bitfield does not denote its ABI bits on this target")));

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond))                                                                       \
			__umol4_l4sys_bitfield_layout_mismatch();                                  \
	} while (0)

void __umol4_l4sys_layout_check(void);

void __umol4_l4sys_layout_check(void)
{
	CHECK(((l4_threadid_t){.id = {.version_low = 0x3ff}}).raw == 0x3ffULL);
	CHECK(((l4_threadid_t){.id = {.lthread = 0x7f}}).raw == 0x1fc00ULL);
	CHECK(((l4_threadid_t){.id = {.task = 0x7ff}}).raw == 0x0ffe0000ULL);
	CHECK(((l4_threadid_t){.id = {.version_high = 0xf}}).raw == 0xf0000000ULL);
	CHECK(((l4_threadid_t){.id = {.site = 0x1ffff}}).raw == 0x0001ffff00000000ULL);
	CHECK(((l4_threadid_t){.id = {.chief = 0x7ff}}).raw == 0x0ffe000000000000ULL);
	CHECK(((l4_threadid_t){.id = {.nest = 0xf}}).raw == 0xf000000000000000ULL);
	CHECK(((l4_threadid_t){.lh = {.low = 1, .high = 2}}).raw == 0x0000000200000001ULL);
	CHECK(((l4_intrid_t){.id = {.intr = 0xff}}).lh.low == 0xff);

	CHECK(((l4_fpage_t){.fp = {.grant = 1}}).fpage == 0x1);
	CHECK(((l4_fpage_t){.fp = {.write = 1}}).fpage == 0x2);
	CHECK(((l4_fpage_t){.fp = {.size = 0x3f}}).fpage == 0xfc);
	CHECK(((l4_fpage_t){.fp = {.page = 0xfffff}}).fpage == 0xfffff000UL);
	CHECK(((l4_fpage_t){.iofp = {.iosize = 0x3f}}).fpage == 0xfc);
	CHECK(((l4_fpage_t){.iofp = {.iopage = 0xffff}}).fpage == 0x0ffff000UL);
	CHECK(((l4_fpage_t){.iofp = {.f = 0xf}}).fpage == 0xf0000000UL);
	CHECK(l4_fpage(0x12345678, 12, L4_FPAGE_RW, L4_FPAGE_MAP).fp.page == 0x12345);

	CHECK(((l4_msgdope_t){.md = {.msg_deceited = 1}}).msgdope == L4_IPC_DECEIT_MASK);
	CHECK(((l4_msgdope_t){.md = {.fpage_received = 1}}).msgdope == L4_IPC_FPAGE_MASK);
	CHECK(((l4_msgdope_t){.md = {.msg_redirected = 1}}).msgdope == L4_IPC_REDIRECT_MASK);
	CHECK(((l4_msgdope_t){.md = {.src_inside = 1}}).msgdope == L4_IPC_SRC_MASK);
	CHECK(((l4_msgdope_t){.md = {.snd_error = 1}}).msgdope == L4_IPC_SND_ERR_MASK);
	CHECK(((l4_msgdope_t){.md = {.error_code = 7}}).msgdope == 0xe0);
	CHECK(L4_IPC_DOPE(2, 0).msgdope == 0x4000);
	CHECK(L4_IPC_DOPE(0, 0x1f).msgdope == 0x1f00);
	CHECK(L4_IPC_DOPE(0x7ffff, 0).msgdope == 0xffffe000UL);

	CHECK(L4_IPC_TIMEOUT(0, 0, 0, 0xf, 0, 0).timeout == 0x0000000f);
	CHECK(L4_IPC_TIMEOUT(0, 0xf, 0, 0, 0, 0).timeout == 0x000000f0);
	CHECK(L4_IPC_TIMEOUT(0, 0, 0, 0, 0, 0xf).timeout == 0x00000f00);
	CHECK(L4_IPC_TIMEOUT(0, 0, 0, 0, 0xf, 0).timeout == 0x0000f000);
	CHECK(L4_IPC_TIMEOUT(0xff, 0, 0, 0, 0, 0).timeout == 0x00ff0000);
	CHECK(L4_IPC_TIMEOUT(0, 0, 0xff, 0, 0, 0).timeout == 0xff000000UL);
	CHECK(l4_ipc_timeout(1, 2, 3, 4).timeout == L4_IPC_TIMEOUT(1, 2, 3, 4, 0, 0).timeout);

	CHECK(((l4_sched_param_t){.sp = {.prio = 0xff}}).sched_param == 0xff);
	CHECK(((l4_sched_param_t){.sp = {.small = 0xff}}).sched_param == 0xff00);
	CHECK(((l4_sched_param_t){.sp = {.state = 0xf}}).sched_param == 0xf0000);
	CHECK(((l4_sched_param_t){.sp = {.time_exp = 0xf}}).sched_param == 0xf00000);
	CHECK(((l4_sched_param_t){.sp = {.time_man = 0xff}}).sched_param == 0xff000000UL);
}

#endif
