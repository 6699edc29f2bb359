/* The second task of the gdb tests (tests/debug/gdb_test.sh): a server the debugger stops in.
 * handle() is where a breakpoint goes; square() is the call `next` steps over. */
#include <l4/sys/ipc.h>
#include <stdio.h>

/* a global for `print`, in bss: zero until the first request */
int served;

static int __attribute__((noinline)) square(int x)
{
	return x * x;
}

static l4_umword_t __attribute__((noinline)) handle(l4_umword_t request)
{
	int local = (int)request * 3;
	served++;
	local = square(local);
	return (l4_umword_t)local + 1;
}

int main(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t d;
	l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	while (w0)
		l4_ipc_reply_and_wait(src, L4_IPC_SHORT_MSG, handle(w0), 0, &src, L4_IPC_SHORT_MSG,
				      &w0, &w1, L4_IPC_NEVER, &d);
	printf("gdbserver: served %d requests\n", served);
	l4_ipc_send(src, L4_IPC_SHORT_MSG, 0, 0, L4_IPC_NEVER, &d);
	return 0;
}
