/*
 * umol4's default root task: an RMGR-compatible dynamic loader (docs/loader.md). It starts the
 * programs its configuration module names (or boot module 0 when there is none) as tasks it pages
 * from frames it got from sigma0, serves the RMGR and loader protocols, and ends the instance
 * with the first program's status once every program it started has ended.
 */
#include <l4/loader/loader.h>
#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <l4/umol4/server.h>
#include <l4/umol4/errout.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "devices.h"
#include "frames.h"
#include "roottask.h"

#define EXIT_USAGE    2	      /* as umol4's own: nothing sensible to run */
#define BOOT_PAGE_GAP 0x10000 /* the programs' boot page lies this far below the KIP */
/* The loader's threads outrank the programs' default priority (0x10) and what programs
 * commonly raise themselves to: a program spinning above its pager would wait forever for its
 * next page. */
#define LOADER_PRIORITY 0xa0

static struct cfg_task cfg[CFG_MAX_TASKS];

void loader_error(const char *fmt, ...)
{
	char line[320] = "loader: ";
	size_t at = strlen(line);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line + at, sizeof line - at - 1, fmt, ap);
	va_end(ap);
	strcat(line, "\n");
	umol4_errstring(line);
}

static const struct module *config_module(void)
{
	for (unsigned i = 0; i < modules_count(); i++)
		if (module_has_ext(module_get(i), ".cfg"))
			return module_get(i);
	return 0;
}

static int start(const struct module *m, const struct start_opts *o)
{
	char err[160];
	l4_taskid_t id;
	if (!task_start(m, o, &id, err, sizeof err))
		return 1;
	loader_error("cannot start %s", err);
	return 0;
}

/* Checks every task line against the boot modules first: a mistake starts nothing. */
static unsigned start_config(const struct module *c, l4_addr_t limit)
{
	unsigned n, started = 0;
	if (config_parse((const char *)c->data, c->size, c->name, cfg, CFG_MAX_TASKS, &n))
		return 0;
	for (unsigned i = 0; i < n; i++) {
		const struct module *m = module_find(cfg[i].name);
		struct elf_image img;
		char why[120];
		if (!m) {
			loader_error("%s:%u: no boot module called '%s'", c->name, cfg[i].line,
				     cfg[i].name);
			return 0;
		}
		if (elf_read(m->data, m->size, limit, &img, why, sizeof why)) {
			loader_error("%s:%u: %s %s", c->name, cfg[i].line, m->name, why);
			return 0;
		}
	}
	if (!n)
		loader_error("%s names no task", c->name);
	for (unsigned i = 0; i < n; i++) {
		struct start_opts o = {cfg[i].has_args ? cfg[i].args : 0, cfg[i].memory_kib,
				       cfg[i].priority, cfg[i].direct, cfg[i].service};
		started += start(module_find(cfg[i].name), &o);
	}
	return started;
}

/* lthread 0's answer to a program's page fault or to a request lthread 1 hands over. */
static const void *pager(l4_threadid_t src, l4_umword_t *w0, l4_umword_t *w1)
{
	if (l4_thread_equal(src, loader_thread(1)) && *w1 == REQUEST_MAGIC) {
		request_handle(service_pending());
		*w0 = *w1 = 0;
		return L4_IPC_SHORT_MSG;
	}
	l4_umword_t base = 0, fpage = 0;
	const void *desc =
	    task_fault(src, *w0, *w1, &base, &fpage) ? L4_IPC_SHORT_FPAGE : L4_IPC_SHORT_MSG;
	*w0 = base;
	*w1 = fpage;
	return desc;
}

static void forward_failed(l4_threadid_t src, l4_threadid_t dst, int err)
{
	loader_error("task %x sent a message to %x.%02x, %s: dropped", src.id.task, dst.id.task,
		     dst.id.lthread,
		     err == L4_IPC_ENOT_EXISTENT ? "which does not exist"
						 : "which did not take it");
}

/*
 * lthread 0 from here on: the programs' pager, the worker of lthread 1's requests, and, as the
 * programs' chief, the kernel's destination for every message that crosses the clan's boundary
 * (a program talking to sigma0, sigma0 answering it). Such a message is passed on to its
 * intended destination in the original sender's name (deceit), so that programs see the system
 * as if the loader were not there. Only the two register words travel: the loader accepts no
 * mappings from outside on the programs' behalf. A destination that does not take the message
 * within FORWARD_TIMEOUT loses it, as a server's reply with send timeout 0 would.
 */
#define FORWARD_TIMEOUT L4_IPC_TIMEOUT(195, 10, 0, 0, 15, 15) /* 195 * 4^5 us ~ 0.2 s */

static void __attribute__((noreturn)) serve(void)
{
	l4_threadid_t me = loader_thread(0), src, dst;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err =
	    l4_ipc_chief_wait(&src, &dst, L4_IPC_SHORT_MSG, &w0, &w1, UMOL4_SERVER_WAIT, &dope);
	for (;;) {
		if (err) {
			err = l4_ipc_chief_wait(&src, &dst, L4_IPC_SHORT_MSG, &w0, &w1,
						UMOL4_SERVER_WAIT, &dope);
			continue;
		}
		l4_threadid_t to = src, as = me;
		l4_timeout_t t = UMOL4_SERVER_REPLY_AND_WAIT;
		const void *desc = L4_IPC_SHORT_MSG;
		if (L4_IPC_MSG_REDIRECTED(dope)) {
			to = dst;
			as = src;
			t = FORWARD_TIMEOUT;
		} else {
			desc = pager(src, &w0, &w1);
		}
		l4_threadid_t from = src;
		err = l4_ipc_chief_reply_and_wait(to, as, desc, w0, w1, &src, &dst,
						  L4_IPC_SHORT_MSG, &w0, &w1, t, &dope);
		/* a failed send leaves the receive undone: the error is the send's */
		if (err && !l4_thread_equal(to, from) &&
		    (err == L4_IPC_ENOT_EXISTENT || err == L4_IPC_SETIMEOUT))
			forward_failed(from, to, err);
	}
}

int main(void)
{
	l4_kernel_info_t *kip = l4_kernel_interface();
	l4_addr_t boot_va = (l4_addr_t)kip - BOOT_PAGE_GAP;
	if (!modules_init()) {
		loader_error("no boot modules: nothing to start (umol4 --root=roottask.elf "
			     "PROGRAM [ARGS] or --module=FILE.cfg --module=PROGRAM...)");
		return EXIT_USAGE;
	}
	frames_init(devices_init((l4_addr_t)kip));
	tasks_init(boot_va);
	service_start();
	task_set_priority(loader_thread(0), LOADER_PRIORITY);
	task_set_priority(loader_thread(1), LOADER_PRIORITY);

	const struct module *c = config_module();
	unsigned started;
	if (c) {
		started = start_config(c, boot_va);
	} else {
		struct start_opts o = {0, 0, -1, 0, 0};
		started = start(module_get(0), &o);
	}
	/* services alone would wait for clients that never come */
	if (!started || !tasks_running()) {
		if (started)
			loader_error("no program but services started: nothing to serve");
		return EXIT_USAGE;
	}
	serve();
}
