/* umol4's own crashes (a bug in the kernel itself): a backtrace of the kernel with libunwind on
 * stderr, then every task process killed, then the signal's usual death (docs/debugging.md). */
#include "os/linux/crash.h"
#include "os/linux/taskproc.h"

#define UNW_LOCAL_ONLY
#include <libunwind.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char crash_stack[64 * 1024];

static void say(const char *line, int n)
{
	if (n > 0 && write(2, line, (size_t)n) < 0)
		return; /* nothing else to tell it to */
}

static void on_crash(int sig)
{
	/* stdio may be what crashed: format each line into a buffer and write it */
	char line[320];
	int n = snprintf(line, sizeof line,
			 "umol4: internal error: %s in the kernel process; its backtrace:\n",
			 strsignal(sig));
	say(line, n);
	unw_context_t cx;
	unw_cursor_t cur;
	unw_getcontext(&cx);
	unw_init_local(&cur, &cx);
	for (unsigned i = 0; i < 48 && unw_step(&cur) > 0; i++) {
		unw_word_t ip, off;
		char name[200];
		unw_get_reg(&cur, UNW_REG_IP, &ip);
		if (unw_get_proc_name(&cur, name, sizeof name, &off) != 0)
			snprintf(name, sizeof name, "?");
		n = snprintf(line, sizeof line, "umol4:   #%u 0x%012lx %s+0x%lx\n", i,
			     (unsigned long)ip, name, (unsigned long)off);
		say(line, n);
	}
	tp_kill_all();
	n = snprintf(line, sizeof line, "umol4: every task process is killed\n");
	say(line, n);
	signal(sig, SIG_DFL);
	raise(sig);
}

void crash_setup(void)
{
	stack_t ss = {.ss_sp = crash_stack, .ss_size = sizeof crash_stack};
	sigaltstack(&ss, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
	sigfillset(&sa.sa_mask);
	int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
	for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, 0);
}
