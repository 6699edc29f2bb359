/*
 * l4sys compatibility check: includes every header of the 2003 L4Env l4sys set
 * (reference/l4env-compat.md §4) by its 2003 name and uses every public name listed there, with
 * the 2003 l4_i386_ipc_* spellings on ia32 and the classic l4_ipc_* ones on every ISA. Built for
 * all ISAs by user/examples/CMakeLists.txt, so a missing or changed name breaks the build.
 *
 * When run it only prints (its own id, the KIP magic, a few encodings) and exits 0: the calls
 * that would block or change the system sit behind a condition no normal start fulfils.
 */
#include <l4/sys/compiler.h>
#include <l4/sys/consts.h>
#include <l4/sys/ipc.h>
#include <l4/sys/kdebug.h>
#include <l4/sys/kernel.h>
#include <l4/sys/ktrace.h>
#include <l4/sys/l4int.h>
#include <l4/sys/linkage.h>
#include <l4/sys/syscalls.h>
#include <l4/sys/timeout.h>
#include <l4/sys/types.h>
#include <l4/umol4/crt0.h>
#include <l4/umol4/exit.h>

#include <assert.h>
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

EXTERN_C_BEGIN

/* l4int.h and consts.h */
static l4_int8_t i8 = -1;
static l4_uint8_t u8 = 1;
static l4_int16_t i16 = -1;
static l4_uint16_t u16 = 1;
static l4_int32_t i32 = -1;
static l4_uint32_t u32 = 1;
static l4_int64_t i64 = -1;
static l4_uint64_t u64 = 1;
static l4_addr_t addr = L4_MAX_ADDRESS;
static l4_offs_t offs = L4_PAGESIZE;
static l4_size_t size = L4_SUPERPAGESIZE;
static l4_ssize_t ssize = -1;
static l4_mword_t mword = -1;
static l4_umword_t umword = L4_PAGEMASK | L4_SUPERPAGEMASK;
static l4_cpu_time_t cpu_time;
static const char *const symbol_name = SYMBOL_NAME_STR(main);
extern const l4_umword_t compat_asm_word; /* compat_asm.S: holds its own address */

_Static_assert(L4_PAGESHIFT == 12 && L4_LOG2_PAGESIZE == 12, "page size");
_Static_assert(L4_SUPERPAGESHIFT == 22 && L4_LOG2_SUPERPAGESIZE == 22, "superpage size");

asmlinkage L4_INLINE int compat_inline(int x);
L4_INLINE int compat_inline(int x)
{
	return x + 1;
}

static L4_NORETURN void compat_exit(int status)
{
	exit(status);
}

/* types.h */
static void check_types(void)
{
	l4_low_high_t lh = {.low = 1, .high = 2};
	l4_threadid_struct_t ts = {.task = 5, .lthread = 1};
	l4_threadid_t t = {.id = ts};
	l4_taskid_t task = l4_get_taskid(t);
	l4_intrid_t irq = {.id = {.intr = 3}};
	l4_threadid_t irq_thread;
	l4_fpage_t fp = l4_fpage(0x12345000, L4_LOG2_PAGESIZE, L4_FPAGE_RW, L4_FPAGE_MAP);
	l4_fpage_t iofp = l4_iofpage(0x3f8, 3, L4_FPAGE_GRANT);
	l4_fpage_t whole = l4_fpage(0, L4_WHOLE_ADDRESS_SPACE, L4_FPAGE_RO, L4_FPAGE_MAP);
	l4_fpage_t whole_io = l4_iofpage(0, L4_WHOLE_IOADDRESS_SPACE, L4_FPAGE_MAP);
	l4_snd_fpage_t sfp = {.snd_base = 0, .fpage = fp};
	l4_msgdope_t dope = L4_IPC_DOPE(2, 1);
	l4_strdope_t str = {.snd_size = 1, .snd_str = 2, .rcv_size = 3, .rcv_str = 4};
	l4_timeout_t to = L4_IPC_TIMEOUT(1, 2, 3, 4, 5, 6);
	l4_sched_param_t sp = {.sp = {.prio = 0x10, .small = L4_SMALL_SPACE(16, 1)}};

	l4_make_taskid_from_irq(2, &irq_thread);
	goto SYMBOL_NAME(labelled);
	SYMBOL_NAME_LABEL(labelled);
	printf("types: task %u lthread %u raw %llx lh %x/%x irq %x\n", task.id.task,
	       t.id.lthread, (unsigned long long)t.raw, lh.low, lh.high, irq_thread.lh.low);
	printf("       fpage %x size %u page %x io %x (%u) whole %x %x grant %d write %d\n",
	       fp.fpage, fp.fp.size, fp.fp.page, iofp.fpage, iofp.iofp.iopage, whole.fpage,
	       whole_io.fpage, l4_ipc_is_fpage_granted(iofp), l4_ipc_is_fpage_writable(fp));
	printf("       dope %x dwords %u timeout %x snd_exp %u sched %x irq %u str %u\n",
	       dope.msgdope, dope.md.dwords, to.timeout, to.to.snd_exp, sp.sched_param, irq.id.intr,
	       str.rcv_size);
	printf("       nil %d invalid %d equal %d task_equal %d io_pf %d inv_sched %d "
	       "mask %lx ioport_max %ld sfp %x\n",
	       l4_is_nil_id(L4_NIL_ID), l4_is_invalid_id(L4_INVALID_ID), l4_thread_equal(t, t),
	       l4_task_equal(t, task), l4_is_io_page_fault(iofp.fpage),
	       l4_is_invalid_sched_param(L4_INVALID_SCHED_PARAM), TASK_MASK, L4_IOPORT_MAX,
	       sfp.fpage.fpage);
}

/* ipc.h: every binding by its classic name, and by its 2003 ia32 name on ia32. */
static void check_ipc(l4_threadid_t peer)
{
	l4_umword_t w0, w1;
	l4_msgdope_t result;
	l4_threadid_t src, real_dst;
	l4_ipc_deceit_ids_t ids = {.dest = peer, .true_src = l4_myself()};
	l4_timeout_t never = L4_IPC_NEVER;
	l4_timeout_t zero = L4_IPC_BOTH_TIMEOUT_0;
	l4_timeout_t init = L4_IPC_NEVER_INITIALIZER;
	void *mapmsg = L4_IPC_MAPMSG(0x40000000, L4_SUPERPAGESHIFT);
	void *iomapmsg = L4_IPC_IOMAPMSG(0, L4_WHOLE_IOADDRESS_SPACE);
	int err = 0;

	err |=
	    l4_ipc_call(peer, L4_IPC_SHORT_MSG, 1, 2, L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |= l4_ipc_reply_and_wait(peer, L4_IPC_SHORT_FPAGE, 1, 2, &src, mapmsg, &w0, &w1, zero,
				     &result);
	err |= l4_ipc_send(peer, L4_IPC_SHORT_MSG, 1, 2, L4_IPC_SEND_TIMEOUT_0, &result);
	err |= l4_ipc_wait(&src, iomapmsg, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &result);
	err |= l4_ipc_receive(peer, L4_IPC_SHORT_MSG, &w0, &w1, init, &result);
	err |= l4_ipc_send_deceiting(ids, L4_IPC_SHORT_MSG, 1, 2, never, &result);
	err |= l4_ipc_reply_deceiting_and_wait(ids, L4_IPC_SHORT_MSG, 1, 2, &src, L4_IPC_SHORT_MSG,
					       &w0, &w1, never, &result);
	err |= l4_ipc_chief_wait(&src, &real_dst, L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |= l4_ipc_chief_receive(peer, &real_dst, L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |= l4_ipc_chief_call(peer, ids.true_src, L4_IPC_SHORT_MSG, 1, 2, &real_dst,
				 L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |= l4_ipc_chief_reply_and_wait(peer, ids.true_src, L4_IPC_SHORT_MSG, 1, 2, &src,
					   &real_dst, L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |= l4_ipc_chief_send(peer, ids.true_src, L4_IPC_SHORT_MSG, 1, 2, never, &result);
	err |= l4_ipc_sleep(l4_ipc_timeout(0, 0, 1, 10));
#if defined(__i386__)
	err |= l4_i386_ipc_call(peer, L4_IPC_SHORT_MSG, 1, 2, L4_IPC_SHORT_MSG, &w0, &w1, never,
				&result);
	err |= l4_i386_ipc_reply_and_wait(peer, L4_IPC_SHORT_MSG, 1, 2, &src, L4_IPC_SHORT_MSG, &w0,
					  &w1, never, &result);
	err |= l4_i386_ipc_send(peer, L4_IPC_SHORT_MSG, 1, 2, never, &result);
	err |= l4_i386_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |= l4_i386_ipc_receive(peer, L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |= l4_i386_ipc_send_deceiting(ids, L4_IPC_SHORT_MSG, 1, 2, never, &result);
	err |= l4_i386_ipc_reply_deceiting_and_wait(ids, L4_IPC_SHORT_MSG, 1, 2, &src,
						    L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |= l4_i386_ipc_chief_wait(&src, &real_dst, L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |=
	    l4_i386_ipc_chief_receive(peer, &real_dst, L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |= l4_i386_ipc_chief_call(peer, ids.true_src, L4_IPC_SHORT_MSG, 1, 2, &real_dst,
				      L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |=
	    l4_i386_ipc_chief_reply_and_wait(peer, ids.true_src, L4_IPC_SHORT_MSG, 1, 2, &src,
					     &real_dst, L4_IPC_SHORT_MSG, &w0, &w1, never, &result);
	err |= l4_i386_ipc_chief_send(peer, ids.true_src, L4_IPC_SHORT_MSG, 1, 2, never, &result);
#endif
	if (L4_IPC_IS_ERROR(result) || L4_IPC_MSG_DECEITED(result) ||
	    L4_IPC_MSG_REDIRECTED(result) || L4_IPC_SRC_INSIDE(result) ||
	    L4_IPC_SND_ERROR(result) || l4_ipc_fpage_received(result))
		printf("ipc: error %x (%x)\n", L4_IPC_ERROR(result), err);
}

/* The constants by value, so a typo in any of them shows up as a build error. */
_Static_assert(L4_IPC_SHORT_MSG == 0 && L4_IPC_NIL_DESCRIPTOR == -1, "descriptors");
_Static_assert(L4_IPC_DECEIT == 1 && L4_IPC_OPEN_IPC == 1, "descriptor bits");
_Static_assert(L4_IPC_STRING_SHIFT == 8 && L4_IPC_DWORD_SHIFT == 13, "dope shifts");
_Static_assert(L4_IPC_ERROR_MASK == 0xf0 && L4_IPC_DECEIT_MASK == 1 && L4_IPC_FPAGE_MASK == 2 &&
		   L4_IPC_REDIRECT_MASK == 4 && L4_IPC_SRC_MASK == 8 && L4_IPC_SND_ERR_MASK == 0x10,
	       "dope masks");
_Static_assert(L4_IPC_ENOT_EXISTENT == 0x10 && L4_IPC_RETIMEOUT == 0x20 &&
		   L4_IPC_SETIMEOUT == 0x30 && L4_IPC_RECANCELED == 0x40 &&
		   L4_IPC_SECANCELED == 0x50 && L4_IPC_REMAPFAILED == 0x60 &&
		   L4_IPC_SEMAPFAILED == 0x70 && L4_IPC_RESNDPFTO == 0x80 &&
		   L4_IPC_SESNDPFTO == 0x90 && L4_IPC_RERCVPFTO == 0xa0 &&
		   L4_IPC_SERCVPFTO == 0xb0 && L4_IPC_REABORTED == 0xc0 &&
		   L4_IPC_SEABORTED == 0xd0 && L4_IPC_REMSGCUT == 0xe0 && L4_IPC_SEMSGCUT == 0xf0,
	       "error codes");
_Static_assert(L4_FP_REMAP_PAGE == 0 && L4_FP_FLUSH_PAGE == 2 && L4_FP_OTHER_SPACES == 0 &&
		   L4_FP_ALL_SPACES == 0x80000000U,
	       "unmap mask");
_Static_assert(L4_NC_SAME_CLAN == 0 && L4_NC_INNER_CLAN == 0x0c && L4_NC_OUTER_CLAN == 4,
	       "id_nearest types");
_Static_assert(LOG_EVENT_CONTEXT_SWITCH == 0 && LOG_EVENT_IPC_SHORTCUT == 1 &&
		   LOG_EVENT_IRQ_RAISED == 2 && LOG_EVENT_TIMER_IRQ == 3 &&
		   LOG_EVENT_THREAD_EX_REGS == 4 && LOG_EVENT_MAX_EVENTS == 16,
	       "trace events");
_Static_assert(sizeof(IPC_SYSENTER) > 1, "IPC_SYSENTER is an assembler string");

/* syscalls.h: everything but IPC. */
static void check_syscalls(l4_threadid_t peer)
{
	l4_threadid_t me = l4_myself(), chief, nearest, preempter = L4_INVALID_ID;
	l4_threadid_t pager = L4_INVALID_ID, partner;
	l4_umword_t eflags, eip, esp;
	l4_sched_param_t old;
	l4_taskid_t task;
	int type = l4_nchief(peer, &chief);

	type |= l4_id_nearest(peer, &nearest);
	l4_thread_ex_regs(me, (l4_umword_t)-1, (l4_umword_t)-1, &preempter, &pager, &eflags, &eip,
			  &esp);
	l4_thread_switch(peer);
	l4_yield();
	cpu_time = l4_thread_schedule(peer, L4_INVALID_SCHED_PARAM, &preempter, &partner, &old);
	task = l4_task_new(peer, 255, 0, 0, L4_NIL_ID);
	l4_fpage_unmap(l4_fpage(0x40000000, L4_LOG2_SUPERPAGESIZE, L4_FPAGE_RO, L4_FPAGE_MAP),
		       L4_FP_FLUSH_PAGE | L4_FP_ALL_SPACES);
	printf("syscalls: type %d task %x eip %x\n", type, task.id.task, eip);
}

/* kdebug.h and ktrace.h */
static void check_kdebug(int really_stop)
{
	l4_tracebuffer_status_t *tbuf = fiasco_get_tbuf_status();

	outstring("kdebug: outchar ");
	outchar('x');
	ko('y');
	kd_display(" outhex32 ");
	outhex32(0x12345678);
	outstring(" outhex20 ");
	outhex20(0x12345);
	outstring(" outhex16 ");
	outhex16(0x1234);
	outstring(" outhex12 ");
	outhex12(0x123);
	outstring(" outhex8 ");
	outhex8(0x12);
	outstring(" outdec ");
	outdec(-42);
	outchar('\n');
	fiasco_profile_start();
	fiasco_profile_stop();
	fiasco_profile_stop_and_dump();
	fiasco_watchdog_enable();
	fiasco_watchdog_disable();
	fiasco_watchdog_takeover();
	fiasco_watchdog_giveback();
	fiasco_watchdog_touch();
	fiasco_tbuf_log("compat");
	fiasco_tbuf_log_3val("compat", 1, 2, 3);
	fiasco_tbuf_clear();
	fiasco_tbuf_dump();
	if (tbuf)
		printf("ktrace: size0 %u\n", tbuf->size0);
	if (really_stop) {
		printf("kd_inchar: %c\n", kd_inchar());
		enter_kdebug("compat");
		__asm__ __volatile__(asm_enter_kdebug("compat asm"));
	}
}

int main(int argc, char **argv)
{
	l4_kernel_info_t *kip = l4_kernel_interface();
	int dangerous = argc > 1000; /* never true: keeps the blocking calls compiled in, not run */

	printf("compat: %s, argc %d, argv[0] %s, id %x.%x, multiboot %lx\n", symbol_name, argc,
	       argc > 0 ? argv[0] : "(none)", l4_myself().lh.high, l4_myself().lh.low,
	       (unsigned long)crt0_multiboot_flag);
	if (kip && kip->magic == L4_KERNEL_INFO_MAGIC)
		printf("kip: version %x clock %llu main memory %x-%x\n", kip->version,
		       (unsigned long long)kip->clock, kip->main_memory.low, kip->main_memory.high);
	check_types();
	check_kdebug(dangerous);
	if (dangerous) {
		check_ipc(L4_INVALID_ID);
		check_syscalls(L4_INVALID_ID);
		umol4_exit(compat_inline(i8 + u8 + i16 + u16 + i32 + (int)u32 + (int)i64 +
					 (int)u64 + (int)addr + (int)offs + (int)size + ssize +
					 (int)mword + (int)umword + (int)(l4_addr_t)crt0_stack_low +
					 (int)(l4_addr_t)__crt0_kip +
					 (int)(l4_addr_t)crt0_multiboot_info));
	}
	assert(isdigit('7') && INT_MAX > 0 && strlen(symbol_name) == 4 && abs(-1) == 1);
	assert(compat_asm_word == (l4_umword_t)&compat_asm_word);
	if (argc > 999)
		SYMBOL_NAME(compat_exit)(1);
	return 0;
}

EXTERN_C_END
