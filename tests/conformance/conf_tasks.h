/* Conformance helpers for programs that use other tasks (the MEM programs); included by conf.h,
 * split out so each header stays one thing. */
#ifndef UMOL4_CONF_TASKS_H
#define UMOL4_CONF_TASKS_H

/*
 * Other tasks (the MEM programs). A program runs as the root task (4) and owns the task numbers
 * 5..2047. conf_tasks_init() starts conf_mem_pager as lthread CONF_MEM_PAGER and makes it main's
 * pager; conf_task(nr) creates task nr (5 .. 4 + CONF_MAX_TASKS) with an agent on lthread 0,
 * paged by the same thread. For another task's fault the pager maps the root task's page at the
 * faulting address: the tasks run the program's code and share its data, so command arguments
 * (conf_arg) pass through memory, and each task's stack is one of conf_task_stacks.
 *
 * Test pages lie in the area [CONF_AREA, CONF_AREA_END), free on every ISA. Every fault there,
 * the root task's own too, is counted and logged in conf_faults (the first 32) and served from
 * sigma0's pool: the pager asks sigma0 for any free page into the root task's space at the
 * faulting address and then answers (another task: with that page, mapped writable). Where the
 * root task already has a page, that page stays (the kernel never maps over another frame), and
 * the faulting task gets it: a write to a read-only copy is resolved by an upgrade from the root
 * task, whose own area pages must therefore stay writable. If sigma0 has no page left, the
 * fault stays unanswered.
 */
#define CONF_AREA      0x40000000UL
#define CONF_AREA_END  0x60000000UL
#define CONF_ANY_PAGE  0xfffffffcUL
#define CONF_MEM_PAGER (CONF_THREADS - 1)
#define CONF_MAX_TASKS 4
#define CONF_CMD_TIME  TIMEOUT(153, 7, 153, 7) /* 10 s to take a command and to answer it */

static unsigned char conf_task_stacks[CONF_MAX_TASKS][CONF_STACK_SIZE]
    __attribute__((aligned(4096)));
static l4_threadid_t conf_sigma0_id, conf_tids[5 + CONF_MAX_TASKS];
static void *conf_windows[5 + CONF_MAX_TASKS]; /* each agent's receive window (rcv descriptor) */
static struct {
	l4_umword_t a, b;
	unsigned to;
} conf_arg; /* further arguments of the next command */

/* Asks sigma0 for w0/w1 with the receive window (a descriptor) of the calling task. Returns the
 * fpage word sigma0 sent (0 for its 0-word refusal), *base the send base. The page need not
 * have arrived (the dope's fpage bit tells): where the caller already has another page, that
 * one stays. */
static inline l4_umword_t conf_sigma0(l4_umword_t w0, l4_umword_t w1, void *window,
				      l4_umword_t *base)
{
	l4_umword_t r0, r1;
	l4_msgdope_t dope;
	int err = l4_ipc_call(conf_sigma0_id, SHORT, w0, w1, window, &r0, &r1, NEVER, &dope);
	if (base)
		*base = r0;
	return err ? 0 : r1;
}

static inline int conf_in_area(l4_umword_t addr)
{
	return addr >= CONF_AREA && addr < CONF_AREA_END;
}

/* Where the answer to another task's fault at an area page comes from: a page of the own space,
 * 0 for none (the fault stays unanswered). Unset: the own page at the same address, asked for
 * from sigma0 first. */
static l4_umword_t (*conf_area_page)(l4_umword_t page);

/* The page the pager maps (another task) or provides (the own task) for the fault w0 of src. */
static inline l4_umword_t conf_resolve(l4_threadid_t src, l4_umword_t w0, l4_umword_t w1, int other)
{
	l4_umword_t page = w0 & L4_PAGEMASK;
	volatile l4_umword_t *p = (volatile l4_umword_t *)page;
	if (!conf_in_area(page)) {
		if (w0 & 2)
			*p = *p;
		else
			(void)*p;
		return page;
	}
	if (conf_nfaults < 32)
		conf_faults[conf_nfaults] = (struct conf_fault){.addr = page,
								.write = (w0 & 2) != 0,
								.from = lthread_of(src),
								.pager = l4_myself().id.lthread,
								.task = src.id.task,
								.kernel = w1 == ALL_ONES};
	conf_nfaults++;
	if (other && conf_area_page)
		return conf_area_page(page);
	return conf_sigma0(CONF_ANY_PAGE, 0, L4_IPC_MAPMSG(page, 12), 0) ? page : 0;
}

static inline void conf_mem_pager(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	unsigned me = l4_myself().id.task;
	int err = l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope);
	for (;;) {
		int other = src.id.task != me;
		l4_umword_t from = err ? 0 : conf_resolve(src, w0, w1, other);
		if (!from) {
			err = l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope);
			continue;
		}
		err = l4_ipc_reply_and_wait(
		    src, other ? L4_IPC_SHORT_FPAGE : SHORT, w0 & L4_PAGEMASK,
		    other ? l4_fpage(from, 12, L4_FPAGE_RW, L4_FPAGE_MAP).fpage : 0, &src, SHORT,
		    &w0, &w1, L4_IPC_SEND_TIMEOUT_0, &dope);
	}
}

/* A command: fn(arg, &r1) runs in the agent of a task, which answers with its result and r1. */
typedef l4_umword_t (*conf_fn)(l4_umword_t arg, l4_umword_t *r1);

/* Set in an agent by conf_fn_window: the next message it gets is a map message (conf_map),
 * not a command. The dope's fpage bit cannot tell: a map message may bring no page. */
static volatile int conf_map_next[5 + CONF_MAX_TASKS];

/* An agent answers a map message with its dope; any other message is a command. */
static void conf_agent(void)
{
	unsigned me = l4_myself().id.task;
	l4_threadid_t src;
	l4_umword_t w0, w1, r0, r1;
	l4_msgdope_t dope;
	int err = l4_ipc_wait(&src, conf_windows[me], &w0, &w1, NEVER, &dope);
	for (;;) {
		if (err) {
			conf_map_next[me] = 0; /* a map message that failed */
			err = l4_ipc_wait(&src, conf_windows[me], &w0, &w1, NEVER, &dope);
			continue;
		}
		r1 = 0;
		if (conf_map_next[me]) {
			conf_map_next[me] = 0;
			r0 = dope.msgdope;
		} else {
			r0 = ((conf_fn)w0)(w1, &r1);
		}
		err = l4_ipc_reply_and_wait(src, SHORT, r0, r1, &src, conf_windows[me], &w0, &w1,
					    L4_IPC_SEND_TIMEOUT_0, &dope);
	}
}

static inline void conf_tasks_init(void)
{
	conf_sigma0_id = conf_pager_of(0);
	conf_tids[l4_myself().id.task] = conf_id(0);
	conf_spawn_paged(CONF_MEM_PAGER, conf_mem_pager, conf_sigma0_id);
	conf_set_pager(0, conf_id(CONF_MEM_PAGER));
}

static inline void conf_task(unsigned nr)
{
	l4_threadid_t t = L4_NIL_ID;
	t.id.task = nr;
	conf_tids[nr] =
	    l4_task_new(t, 255, (l4_umword_t)(conf_task_stacks[nr - 5] + CONF_STACK_SIZE - 16),
			(l4_umword_t)conf_agent, conf_id(CONF_MEM_PAGER));
	if (l4_is_nil_id(conf_tids[nr]))
		say("task_new %u: refused", nr);
}

static inline int conf_own(unsigned nr)
{
	return nr == l4_myself().id.task;
}

/* Runs fn(arg, r1) in task nr, in the calling thread if that is the own task. */
static inline l4_umword_t conf_run(unsigned nr, conf_fn fn, l4_umword_t arg, l4_umword_t *r1)
{
	l4_umword_t r0, d;
	l4_msgdope_t dope;
	if (conf_own(nr))
		return fn(arg, r1 ? r1 : &d);
	int err = l4_ipc_call(conf_tids[nr], SHORT, (l4_umword_t)fn, arg, SHORT, &r0, r1 ? r1 : &d,
			      CONF_CMD_TIME, &dope);
	if (err)
		say("task %u does not answer: 0x%02x", nr, err);
	return err ? ALL_ONES : r0;
}

/* Starts fn(arg) in task nr without waiting for its answer, which comes with send timeout 0:
 * fn must block until the caller's next IPC to the task, a call that receives the answer. */
static inline void conf_start(unsigned nr, conf_fn fn, l4_umword_t arg)
{
	int err = conf_send(conf_tids[nr], (l4_umword_t)fn, arg, CONF_CMD_TIME);
	if (err)
		say("task %u takes no command: 0x%02x", nr, err);
}

static l4_umword_t conf_fn_read(l4_umword_t addr, l4_umword_t *r1)
{
	(void)r1;
	return *(volatile l4_umword_t *)addr;
}

static l4_umword_t conf_fn_write(l4_umword_t addr, l4_umword_t *r1)
{
	(void)r1;
	*(volatile l4_umword_t *)addr = conf_arg.a;
	return 0;
}

static l4_umword_t conf_fn_window(l4_umword_t window, l4_umword_t *r1)
{
	(void)r1;
	conf_windows[l4_myself().id.task] = (void *)window;
	conf_map_next[l4_myself().id.task] = 1;
	return 0;
}

/* Sends the fpage with send base conf_arg.a to task conf_arg.to: the error code, *r1 the
 * receiver's dope (0 on error). */
static l4_umword_t conf_fn_map(l4_umword_t fp, l4_umword_t *r1)
{
	l4_umword_t d;
	l4_msgdope_t dope;
	int err = l4_ipc_call(conf_tids[conf_arg.to], L4_IPC_SHORT_FPAGE, conf_arg.a, fp, SHORT, r1,
			      &d, CONF_CMD_TIME, &dope);
	if (err)
		*r1 = 0;
	return (l4_umword_t)err;
}

static l4_umword_t conf_fn_unmap(l4_umword_t fp, l4_umword_t *r1)
{
	(void)r1;
	l4_fpage_unmap((l4_fpage_t){.fpage = fp}, conf_arg.a);
	return 0;
}

/* How many of the conf_arg.a pages from addr hold conf_arg.b + i in their first word. */
static l4_umword_t conf_fn_marked(l4_umword_t addr, l4_umword_t *r1)
{
	(void)r1;
	l4_umword_t n = 0;
	for (l4_umword_t i = 0; i < conf_arg.a; i++)
		n += *(volatile l4_umword_t *)(addr + i * 4096) == conf_arg.b + i;
	return n;
}

/* The first word of the page at addr in task nr (or of any word: addr need not be a page). */
static inline l4_umword_t conf_read(unsigned nr, l4_umword_t addr)
{
	return conf_run(nr, conf_fn_read, addr, 0);
}

static inline void conf_write(unsigned nr, l4_umword_t addr, l4_umword_t value)
{
	conf_arg.a = value;
	conf_run(nr, conf_fn_write, addr, 0);
}

/* Maps (grant bit in fp: grants) fp with send base snd_base from task from to task to, which
 * receives into window (L4_IPC_MAPMSG). Returns the sender's error code; *got: whether the
 * receiver's dope has the fpage bit. */
static inline int conf_map(unsigned from, unsigned to, l4_umword_t snd_base, l4_fpage_t fp,
			   void *window, int *got)
{
	l4_umword_t dope = 0;
	conf_run(to, conf_fn_window, (l4_umword_t)window, 0);
	conf_arg.a = snd_base;
	conf_arg.to = to;
	int err = (int)conf_run(from, conf_fn_map, fp.fpage, &dope);
	*got = (dope & L4_IPC_FPAGE_MASK) != 0;
	return err;
}

static inline void conf_unmap(unsigned nr, l4_fpage_t fp, l4_umword_t mask)
{
	conf_arg.a = mask;
	conf_run(nr, conf_fn_unmap, fp.fpage, 0);
}

/* Marks the own pages from addr: the first word of page i becomes tag + i. */
static inline void conf_mark(l4_umword_t addr, unsigned pages, l4_umword_t tag)
{
	for (unsigned i = 0; i < pages; i++)
		*(volatile l4_umword_t *)(addr + i * 4096) = tag + i;
}

/* How many of the pages from addr task nr sees marked with tag (conf_mark). */
static inline unsigned conf_marked(unsigned nr, l4_umword_t addr, unsigned pages, l4_umword_t tag)
{
	conf_arg.a = pages;
	conf_arg.b = tag;
	return (unsigned)conf_run(nr, conf_fn_marked, addr, 0);
}

/* What task nr has at the n (at most 24) pages from addr: for each, the i of a page marked
 * tag + i (conf_mark, i < 1024) or '-': " - 5 6 -". A page it has not got faults to its pager. */
static inline const char *conf_pages(unsigned nr, l4_umword_t addr, unsigned n, l4_umword_t tag)
{
	static char text[24 * 5 + 1];
	char *p = text;
	for (unsigned i = 0; i < n && i < 24; i++) {
		l4_umword_t w = conf_read(nr, addr + i * 4096) - tag;
		p += w < 1024 ? sprintf(p, " %lu", (unsigned long)w) : sprintf(p, " -");
	}
	return text;
}

/* The logged faults of task nr at the page of addr: how many, how many of them write faults,
 * how many raised by the kernel during long IPC (w1 = 0xffffffff). */
struct conf_count {
	unsigned n, writes, kernel;
};

static inline struct conf_count conf_faults_at(unsigned nr, l4_umword_t addr)
{
	struct conf_count c = {0, 0, 0};
	for (unsigned i = 0; i < conf_nfaults && i < 32; i++) {
		struct conf_fault *f = &conf_faults[i];
		if (f->task == nr && f->addr == (addr & L4_PAGEMASK)) {
			c.n++;
			c.writes += f->write;
			c.kernel += f->kernel;
		}
	}
	return c;
}

/* conf_faults_at as text: "faults 1 (write 1, kernel 0)"; one call per printed line. */
static inline const char *conf_faults_text(unsigned nr, l4_umword_t addr)
{
	static char text[48];
	struct conf_count c = conf_faults_at(nr, addr);
	snprintf(text, sizeof text, "faults %u (write %u, kernel %u)", c.n, c.writes, c.kernel);
	return text;
}

#endif
