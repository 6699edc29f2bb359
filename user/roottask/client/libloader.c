/* Client side of the loader's runtime interface (docs/loader.md, <l4/loader/loader.h>). */
#include <l4/loader/loader.h>
#include <l4/sys/ipc.h>
#include <l4/umol4/crt0.h>
#include <string.h>

#include "call.h"

/* The loader named in our Multiboot information, if a loader started this program. */
static int started_by_loader(l4_threadid_t *loader)
{
	const l4_uint32_t *mbi = crt0_multiboot_info;

	if ((l4_umword_t)crt0_multiboot_flag != UMOL4_MULTIBOOT_MAGIC || !mbi ||
	    !(mbi[0] & LOADER_MBI_UMOL4_LOADER))
		return 0;
	loader->lh.low = mbi[LOADER_MBI_OFF_ID_LOW / 4];
	loader->lh.high = mbi[LOADER_MBI_OFF_ID_HIGH / 4];
	return 1;
}

int loader_find(l4_threadid_t *loader)
{
	if (started_by_loader(loader))
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

void loader_exit_notify(int status)
{
	l4_threadid_t loader;

	if (!started_by_loader(&loader))
		return;
	/* The loader kills us instead of answering; if it cannot (we are not its child), we stay
	 * blocked: ending the whole instance from here would be wrong. */
	if (__rmgr_call(loader, LOADER_MSG(LOADER_EXIT, 0), (l4_umword_t)status, NULL, 0, NULL,
			NULL))
		return;
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}
