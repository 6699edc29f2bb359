/*
 * The RMGR protocol (reference/l4env-compat.md §2, hand-coded constants of <l4/rmgr/librmgr.h>)
 * and the loader's own (<l4/loader/loader.h>), as lthread 0 carries them out. Every request is
 * answered w0 = 0 or a result, w0 = w1 = -1 on failure, except LOADER_EXIT (docs/loader.md).
 */
#include <l4/loader/loader.h>
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>
#include <string.h>

#include "devices.h"
#include "frames.h"
#include "pages.h"
#include "roottask.h"

#define NIRQS 16 /* umol4's interrupts */

static unsigned irq_owner[NIRQS]; /* task number + 1; 0: nobody asked */

static void ok(struct request *r, l4_umword_t r0, l4_umword_t r1)
{
	r->r0 = r0;
	r->r1 = r1;
}

/* An inactive number handed out earlier may have been given back (rmgr_free_task, or the
 * kernel returned it when its holder died): re-assigning it to ourselves succeeds only then. */
static int is_free(unsigned nr)
{
	struct task *t = &tasks[nr];
	if (t->state == TS_GIVEN &&
	    !l4_is_nil_id(
		l4_task_new(task_number_id(nr), loader_thread(0).lh.low, 0, 0, L4_NIL_ID)))
		t->state = TS_FREE;
	return t->state == TS_FREE;
}

static void get_task(struct request *r, unsigned nr)
{
	if (nr < FIRST_TASK || nr >= NTASKS || !is_free(nr))
		return;
	l4_taskid_t owner = task_number_id(r->owner);
	if (l4_is_nil_id(l4_task_new(task_number_id(nr), owner.lh.low, 0, 0, L4_NIL_ID)))
		return;
	tasks[nr].state = TS_GIVEN;
	tasks[nr].owner = r->owner;
	ok(r, 0, 0);
}

/* CREATE: string {esp, eip, pager low, pager high[, sched param]}; the task is our child. */
static void create_task(struct request *r, unsigned mcp, int with_prio)
{
	l4_umword_t w[5];
	l4_size_t need = (with_prio ? 5 : 4) * sizeof(l4_umword_t);
	l4_threadid_t dest = {.lh = {.low = r->w1, .high = 0}};
	unsigned nr = dest.id.task;
	if (!r->str || r->len < need || nr < FIRST_TASK || nr >= NTASKS)
		return;
	struct task *t = &tasks[nr];
	if (!(t->state == TS_CREATED && t->owner == r->owner) && !is_free(nr))
		return;
	memcpy(w, r->str, need);
	l4_threadid_t pager = {.lh = {.low = w[2], .high = w[3]}};
	if (l4_is_nil_id(pager))
		return;
	l4_taskid_t id = l4_task_new(task_number_id(nr), mcp, w[0], w[1], pager);
	if (l4_is_nil_id(id))
		return;
	t->state = TS_CREATED;
	t->owner = r->owner;
	t->id = id;
	if (with_prio) {
		l4_threadid_t preempter = L4_INVALID_ID, partner;
		l4_sched_param_t p = {.sched_param = w[4]};
		l4_thread_schedule(id, p, &preempter, &partner, &p);
	} else {
		task_set_priority(id, PROGRAM_PRIORITY);
	}
	ok(r, id.lh.low, id.lh.high);
}

/* The task started from the boot module called name, if one runs. */
static void task_id(struct request *r)
{
	const struct module *m = r->str ? module_find(r->str) : 0;
	for (unsigned nr = FIRST_TASK; m && nr < NTASKS; nr++)
		if (tasks[nr].state == TS_PROGRAM && tasks[nr].mod == m) {
			ok(r, tasks[nr].id.lh.low, tasks[nr].id.lh.high);
			return;
		}
}

/* Whether the owner may act on task nr: its own, or one the loader created for it. */
static int controls(const struct request *r, unsigned nr)
{
	return nr == r->owner ||
	       (nr < NTASKS && tasks[nr].state == TS_CREATED && tasks[nr].owner == r->owner);
}

static void task_request(struct request *r, unsigned action, unsigned param)
{
	l4_threadid_t t = {.lh = {.low = r->w1, .high = 0}};
	switch (action) {
	case RMGR_TASK_GET:
		get_task(r, param);
		break;
	case RMGR_TASK_CREATE:
	case RMGR_TASK_CREATE_WITH_PRIO:
		create_task(r, param, action == RMGR_TASK_CREATE_WITH_PRIO);
		break;
	case RMGR_TASK_DELETE:
		if (param < NTASKS && param != r->owner && controls(r, param)) {
			task_end(param, 0);
			ok(r, 0, 0);
		}
		break;
	case RMGR_TASK_GET_ID:
		task_id(r);
		break;
	case RMGR_TASK_SET_PRIO:
		if (controls(r, t.id.task)) {
			task_set_priority(t, param);
			ok(r, 0, 0);
		}
		break;
	case RMGR_TASK_SET_SMALL: /* no small spaces in umol4: nothing to do */
		ok(r, 0, 0);
		break;
	}
}

/* Attaching proves nobody else holds the interrupt; detaching at once leaves it to the client,
 * who then receives from the interrupt id (timeout 0 associates). */
static int irq_available(unsigned irq)
{
	l4_threadid_t id;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_make_taskid_from_irq((int)irq, &id);
	int err = l4_ipc_receive(id, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &dope);
	l4_ipc_receive(L4_NIL_ID, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &dope);
	return err == L4_IPC_RETIMEOUT;
}

static void irq_request(struct request *r, unsigned action, unsigned irq)
{
	if (irq >= NIRQS)
		return;
	if (action == RMGR_IRQ_GET) {
		if (irq_owner[irq] == r->owner + 1 || (!irq_owner[irq] && irq_available(irq))) {
			irq_owner[irq] = r->owner + 1;
			ok(r, 0, 0);
		}
	} else if (action == RMGR_IRQ_FREE && irq_owner[irq] == r->owner + 1) {
		irq_owner[irq] = 0;
		ok(r, 0, 0);
	}
}

/* FREE: the page leaves the task (fpage_unmap of the loader's frame reaches every mapping
 * derived from it) and its frame returns to the pool; touching the address again faults in a
 * fresh zero page. */
static void mem_request(struct request *r, unsigned action)
{
	struct task *t = &tasks[r->owner < NTASKS ? r->owner : 0];
	if (action == RMGR_MEM_RESERVE && r->str && r->len >= 2 * sizeof(l4_umword_t)) {
		l4_umword_t range[2];
		memcpy(range, r->str, sizeof range);
		l4_addr_t a =
		    memory_reserve(r->owner, r->w1 & ~0xfffUL, r->w1 & 0x3f, range[0], range[1]);
		if (a != ~0UL)
			ok(r, a, 0);
		return;
	}
	if (action != RMGR_MEM_FREE || t->state != TS_PROGRAM)
		return; /* FREE_FP, DUMP, GET_PAGE0: not supported, -1 */
	l4_addr_t va = r->w1 & ~(L4_PAGESIZE - 1);
	l4_addr_t frame = pages_remove(r->owner, va);
	if (!frame)
		return;
	l4_fpage_unmap(l4_fpage(frame, L4_LOG2_PAGESIZE, L4_FPAGE_RW, L4_FPAGE_MAP),
		       L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES);
	frame_free(frame);
	t->pages--;
	ok(r, 0, 0);
}

/* START: "name args", split at the first blank. */
static void start(struct request *r)
{
	char err[160];
	l4_taskid_t id;
	const char *name = r->str ? r->str : "", *args = name;
	while (*args && *args != ' ')
		args++;
	int name_len = (int)(args - name);
	while (*args == ' ')
		args++;
	const struct module *m = module_find(name);
	struct start_opts o = {.args = args, .priority = -1};
	if (!m) {
		loader_error("no boot module called '%.*s'", name_len, name);
		return;
	}
	if (task_start(m, &o, &id, err, sizeof err)) {
		loader_error("cannot start %s", err);
		return;
	}
	ok(r, id.lh.low, id.lh.high);
}

static void loader_request(struct request *r, unsigned action, unsigned param)
{
	unsigned sender = r->src.id.task;
	switch (action) {
	case LOADER_START:
		start(r);
		break;
	case LOADER_KILL:
		if (param < NTASKS && tasks[param].state == TS_PROGRAM) {
			r->reply = param != sender;
			task_end(param, LOADER_KILLED_STATUS);
			ok(r, 0, 0);
		}
		break;
	case LOADER_EXIT:
		/* no answer: the sender ends, or stays blocked if it is not ours to end */
		r->reply = 0;
		if (tasks[sender].state == TS_PROGRAM || tasks[sender].state == TS_CREATED)
			task_end(sender, (int)r->w1);
		else
			loader_error("task %x exits, but the loader did not start it", sender);
		break;
	}
}

void request_handle(struct request *r)
{
	unsigned proto = (unsigned)(r->w0 >> 24), action = (unsigned)(r->w0 >> 16) & 0xff,
		 param = (unsigned)r->w0 & 0xffff;
	r->reply = 1;
	r->r0 = r->r1 = ~0UL;
	switch (proto) {
	case RMGR_RMGR:
		if (action == RMGR_RMGR_PING)
			ok(r, 0, ~(l4_umword_t)param);
		break;
	case RMGR_MEM:
		mem_request(r, action);
		break;
	case RMGR_TASK:
		task_request(r, action, param);
		break;
	case RMGR_IRQ:
		irq_request(r, action, param);
		break;
	case LOADER_PROTO:
		loader_request(r, action, param);
		break;
	}
}

void requests_client_gone(unsigned nr)
{
	devices_client_gone(nr);
	for (unsigned i = 0; i < NIRQS; i++)
		if (irq_owner[i] == nr + 1)
			irq_owner[i] = 0; /* the kernel detached its threads */
	for (unsigned n = FIRST_TASK; n < NTASKS; n++) {
		if (tasks[n].owner != nr)
			continue;
		if (tasks[n].state == TS_GIVEN)
			is_free(
			    n); /* the kernel gave it back to us, the killer, unless passed on */
		else if (tasks[n].state == TS_CREATED)
			task_end(n, 0);
	}
}
