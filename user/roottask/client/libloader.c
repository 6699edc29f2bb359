/* Client side of the loader's runtime interface (docs/loader.md, <l4/loader/loader.h>). */
#include <l4/loader/loader.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <l4/umol4/server.h>
#include <string.h>

#include "call.h"

int loader_find(l4_threadid_t *loader)
{
	if (__loader_from_mbi(loader))
		return 0;
	if (!have_rmgr && !rmgr_init())
		return -1;
	*loader = rmgr_id;
	return 0;
}

int loader_start(const char *name, const char *args, l4_taskid_t *task)
{
	char cmdline[LOADER_CMDLINE_MAX + 1];
	size_t n = strlen(name), m = args ? strlen(args) : 0;
	l4_threadid_t loader;
	l4_umword_t r0 = ~0UL, r1 = ~0UL;

	*task = L4_NIL_ID;
	if (n + 1 + m > LOADER_CMDLINE_MAX || loader_find(&loader))
		return -1;
	memcpy(cmdline, name, n);
	cmdline[n] = ' ';
	memcpy(cmdline + n + 1, args ? args : "", m + 1);
	int err = __rmgr_call(loader, LOADER_MSG(LOADER_START, 0), 0, cmdline, n + m + 2, &r0, &r1);
	if (err)
		return err;
	if (r0 == ~0UL)
		return -1;
	*task = (l4_taskid_t){.lh = {.low = r0, .high = r1}};
	return 0;
}

int loader_kill(l4_taskid_t task)
{
	l4_threadid_t loader;
	l4_umword_t r0 = ~0UL;

	if (loader_find(&loader))
		return -1;
	int err = __rmgr_call(loader, LOADER_MSG(LOADER_KILL, task.id.task), task.lh.low, NULL, 0,
			      &r0, NULL);
	return err ? err : (int)r0;
}

void loader_serve(loader_handler_t handle)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err = 1; /* the first round only waits */
	for (;;) {
		if (!err) {
			const void *desc = handle(src, dope, &w0, &w1);
			if (desc != LOADER_NO_REPLY) {
				err = l4_ipc_reply_and_wait(src, desc, w0, w1, &src,
							    L4_IPC_SHORT_MSG, &w0, &w1,
							    UMOL4_SERVER_REPLY_AND_WAIT, &dope);
				continue;
			}
		}
		err = l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, UMOL4_SERVER_WAIT, &dope);
	}
}

/* Touching the page first makes it ours (our own pager maps it), so the mapping can be passed
 * on; children then share those pages with us. A write fault is touched by writing, so that we
 * hold the page writable; the kernel caps the mapping at the rights we hold. */
const void *loader_own_page(l4_threadid_t src, l4_msgdope_t dope, l4_umword_t *w0, l4_umword_t *w1)
{
	l4_umword_t page = *w0 & L4_PAGEMASK;
	volatile unsigned char *p = (volatile unsigned char *)page;
	(void)src;
	(void)dope;
	if (*w0 & 2)
		*p = *p;
	else
		(void)*p;
	*w0 = page;
	*w1 = l4_fpage(page, L4_LOG2_PAGESIZE, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
	return L4_IPC_SHORT_FPAGE;
}

static void self_pager(void)
{
	loader_serve(loader_own_page);
}

l4_threadid_t loader_self_pager(unsigned lthread, void *stack, l4_size_t size)
{
	l4_threadid_t me = l4_myself(), pager = L4_INVALID_ID, preempter = L4_INVALID_ID;
	l4_umword_t flags, ip, sp;
	me.id.lthread = lthread;
	l4_thread_ex_regs(me, (l4_umword_t)self_pager, ((l4_umword_t)stack + size - 16) & ~15UL,
			  &preempter, &pager, &flags, &ip, &sp);
	return me;
}
