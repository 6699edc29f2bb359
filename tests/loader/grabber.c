/* LDR0008: quotas hold. A program with a memory limit in its configuration asks sigma0 for
 * memory itself, around the loader (sigma0 is its clan sibling), and then asks the loader's RMGR
 * pager for more than its limit: sigma0 gives it nothing, the loader no more than the limit. */
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>

#define ASKS 300 /* pages asked for each way; the configuration allows 512 KiB = 128 pages */

static unsigned ask(l4_threadid_t whom)
{
	unsigned got = 0;
	for (unsigned i = 0; i < ASKS; i++) {
		l4_umword_t base = 0, fp = 0;
		l4_msgdope_t d;
		int err = l4_ipc_call(whom, L4_IPC_SHORT_MSG, 0xfffffffcUL, 0,
				      L4_IPC_MAPMSG(0, L4_WHOLE_ADDRESS_SPACE), &base, &fp,
				      L4_IPC_NEVER, &d);
		if (err || !l4_ipc_fpage_received(d))
			break;
		got++;
	}
	return got;
}

int main(void)
{
	l4_threadid_t sigma0 = L4_NIL_ID;
	sigma0.id.task = 2;
	printf("grabber: pages from sigma0 directly: %u\n", ask(sigma0));
	rmgr_init();
	unsigned n = ask(rmgr_pager_id);
	printf("grabber: pages from the loader: %s\n",
	       n > 0 && n <= 128 ? "some, within the limit" : "WRONG");
	return n > 0 && n <= 128 ? 0 : 1;
}
