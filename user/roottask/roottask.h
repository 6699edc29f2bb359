/*
 * The loader's shared state and the interfaces between its parts (docs/loader.md):
 *   main.c      boot: modules, configuration, the first programs; the pager loop (lthread 0)
 *   service.c   lthread 1: receives RMGR and loader requests and hands them to lthread 0
 *   requests.c  the protocols' semantics, run by lthread 0
 *   tasks.c     task numbers, loading and starting programs, their page faults, ending them
 * All state is touched by lthread 0 only, so that preemption between the loader's two threads
 * can never catch a table half-updated.
 */
#ifndef UMOL4_ROOTTASK_ROOTTASK_H
#define UMOL4_ROOTTASK_ROOTTASK_H

#include <l4/sys/types.h>
#include <stddef.h>

#include "elf.h"
#include "modules.h"

#define NTASKS	      2048	   /* V2 task numbers */
#define FIRST_TASK    5		   /* 0..4: kernel, sigma0, root */
#define HEAP_SPAN     (16UL << 20) /* libc's heap lies this far above a program's image */
#define REQUEST_MAGIC 0x4c4f4144UL /* w1 of lthread 1's hand-over calls to lthread 0 */

enum task_state {
	TS_FREE,     /* inactive, the loader's to give or create */
	TS_PROGRAM,  /* a program the loader started */
	TS_GIVEN,    /* inactive number handed to owner (rmgr_get_task) */
	TS_CREATED,  /* created by the loader for owner (rmgr_task_new) */
	TS_RESERVED, /* kernel, sigma0, the loader itself, or a number the loader lost track of */
};

struct task {
	enum task_state state;
	unsigned owner; /* TS_GIVEN, TS_CREATED: the client's task number */
	l4_taskid_t id;
	/* TS_PROGRAM only: */
	const struct module *mod;
	struct elf_image img;
	unsigned long pages, quota; /* pages in use and the limit (0: none) */
	int direct;
	unsigned order; /* 1 for the first program started that is not a service, ... */
	int service;	/* its end does not count; the others' end kills it */
};

extern struct task tasks[NTASKS];

struct start_opts {
	const char *args; /* NULL: the module's own arguments */
	unsigned long memory_kib;
	int priority; /* -1: the loader's */
	int direct;
	int service; /* a server: the instance ends when the programs that are none have ended */
};

/* tasks.c */
void tasks_init(l4_addr_t boot_va);
l4_threadid_t loader_thread(unsigned lthread);
l4_taskid_t task_number_id(unsigned nr);
int task_start(const struct module *m, const struct start_opts *o, l4_taskid_t *id, char *err,
	       size_t errlen);
/* Kills task nr (any state the loader is chief of), frees its memory and whatever it held;
 * status counts if it was a program, and the last program's end ends the instance. */
void task_end(unsigned nr, int status);
/* Programs running that are not services. */
unsigned tasks_running(void);
/* A page fault of a program: 1 with the mapping to answer, or 0 (refused, reported). */
int task_fault(l4_threadid_t src, l4_umword_t w0, l4_umword_t w1, l4_umword_t *snd_base,
	       l4_umword_t *fpage);
void task_set_priority(l4_threadid_t id, unsigned prio);
/* Tasks inherit their creator's priority, and the loader's threads run high (main.c): a task the
 * loader creates gets the kernel's default instead, unless its configuration says otherwise. */
#define PROGRAM_PRIORITY 0x10

/* One request, as lthread 1 received it. */
struct request {
	l4_threadid_t src; /* sender (the virtual one if deceited) */
	unsigned owner;	   /* the task the request counts for */
	l4_umword_t w0, w1;
	const char *str; /* the received string, NUL-terminated, or NULL */
	l4_size_t len;	 /* its size as sent */
	int reply;	 /* answer r0, r1 to src */
	l4_umword_t r0, r1;
};

/* requests.c */
void request_handle(struct request *r);
/* Task nr is gone: take back what it held (task numbers, tasks created for it, interrupts). */
void requests_client_gone(unsigned nr);

/* main.c */
/* One line "loader: ..." on the host's standard error (umol4's kdebug extension), where the
 * user looks for what went wrong; the console (stdout) stays the programs'. */
void loader_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* memory.c */
/* A sigma0-protocol request of program nr to the loader's pager: 1 with the mapping to answer,
 * 0 for a 0-reply, -1 if w0, w1 are no such request (a page fault). */
int memory_sigma0_request(unsigned nr, l4_umword_t w0, l4_umword_t w1, l4_umword_t *base,
			  l4_umword_t *fpage);
/* RMGR's reserve_mem for program nr: the physical address of size bytes aligned to 2^log2_align
 * within [low, high] (high 0: anywhere), now the program's 1:1; ~0 if there is no such range. */
l4_addr_t memory_reserve(unsigned nr, l4_size_t size, unsigned log2_align, l4_addr_t low,
			 l4_addr_t high);

/* service.c */
void service_start(void);
/* The request lthread 1 has handed to lthread 0 (with a REQUEST_MAGIC call). */
struct request *service_pending(void);

#endif
