/* What exit() needs of the loader client library (libloader.c), apart from it: the loader that
 * started us, from the Multiboot information crt0 recorded, and the exit notification. */
#include <l4/loader/loader.h>
#include <l4/sys/ipc.h>
#include <l4/umol4/crt0.h>

#include "call.h"

/* The loader named in our Multiboot information, if a loader started this program. */
int __loader_from_mbi(l4_threadid_t *loader)
{
	const l4_uint32_t *mbi = crt0_multiboot_info;

	if ((l4_umword_t)crt0_multiboot_flag != UMOL4_MULTIBOOT_MAGIC || !mbi ||
	    !(mbi[0] & LOADER_MBI_UMOL4_LOADER))
		return 0;
	loader->lh.low = mbi[LOADER_MBI_OFF_ID_LOW / 4];
	loader->lh.high = mbi[LOADER_MBI_OFF_ID_HIGH / 4];
	return 1;
}

void loader_exit_notify(int status)
{
	l4_threadid_t loader;

	if (!__loader_from_mbi(&loader))
		return;
	/* The loader kills us instead of answering; if it cannot (we are not its child), we stay
	 * blocked: ending the whole instance from here would be wrong. */
	if (__rmgr_call(loader, LOADER_MSG(LOADER_EXIT, 0), (l4_umword_t)status, NULL, 0, NULL,
			NULL))
		return;
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}
