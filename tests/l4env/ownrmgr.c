/* L4E0010c: a program that brings its own RMGR client library (as one built from L4Env's
 * sources would: rmgr_init, rmgr_id, rmgr_pager_id, have_rmgr) still links with exit(): libl4's
 * exit reaches the loader without pulling in libl4's RMGR library. */
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>
#include <stdlib.h>

int have_rmgr;
l4_threadid_t rmgr_id, rmgr_pager_id;

/* The 2003 way: the root task is our chief; ping its lthread 1. */
int rmgr_init(void)
{
	l4_threadid_t chief;
	l4_umword_t w0, w1;
	l4_msgdope_t d;
	l4_nchief(L4_INVALID_ID, &chief);
	rmgr_id = rmgr_pager_id = chief;
	rmgr_id.id.lthread = 1;
	rmgr_pager_id.id.lthread = 0;
	have_rmgr = !l4_ipc_call(rmgr_id, L4_IPC_SHORT_MSG, 0x00F3BEEF, 0, L4_IPC_SHORT_MSG, &w0,
				 &w1, L4_IPC_NEVER, &d) &&
		    w0 == 0 && w1 == ~0xbeefu;
	return have_rmgr;
}

int main(void)
{
	int found = rmgr_init();
	printf("own rmgr_init: %d, root task %x\n", found, rmgr_id.id.task);
	exit(3);
}
