/* The debugger's view of an instance: GDB's remote serial protocol, ISA-neutral
 * (docs/debugging.md).
 *
 * Every L4 task is a gdb process (pid = task number) and every L4 thread a gdb thread (tid =
 * lthread + 1); registers come from the thread's context through its ISA's table (struct arch
 * gdb_*), memory through the task's L4 page table, so the debugger sees exactly what the task
 * sees. Software breakpoints are written into the physical frame behind the address; one on a
 * page the task has not touched yet is kept pending and written when the page is mapped, before
 * the task runs again. Packets arrive here without framing; os/linux/gdbstub.c owns the socket. */
#ifndef UMOL4_CORE_GDB_H
#define UMOL4_CORE_GDB_H

#include "core/kernel.h"

#define GDB_PACKET_MAX	    0x4000u /* PacketSize we announce: the largest payload either way */
#define GDB_MAX_BREAKPOINTS 256u

/* gdb's own signal numbers (the protocol's, not the host's) */
enum gdb_signal {
	GDB_SIGINT = 2,
	GDB_SIGILL = 4,
	GDB_SIGTRAP = 5,
	GDB_SIGFPE = 8,
	GDB_SIGKILL = 9,
	GDB_SIGBUS = 10,
	GDB_SIGSEGV = 11,
};

/* What the host adds: the program image behind pages a task has not touched yet, a task's
 * program file, and console output while a monitor command runs. */
struct gdb_ops {
	bool (*read_image)(const struct task *t, word_t va, void *buf, word_t len);
	const char *(*exec_path)(const struct task *t);
	void (*console)(void *cx, const char *text);
	void *cx;
};

struct gdb_breakpoint {
	unsigned task;
	word_t va, pa;
	bool inserted;
	bool entry; /* on a kernel-entry address: hit when the task enters the kernel there */
	uint8_t saved[4];
};

struct gdb_thread_ref {
	int task, lthread; /* -1: all, 0 task: any */
};

#define GDB_MAX_ACTIONS 16u
#define GDB_MAX_HELD	256u

struct gdb {
	struct kernel *k;
	const struct gdb_ops *ops;
	const struct arch *arch; /* the ISA gdb is told about (the first program's) */
	bool noack;
	struct gdb_thread_ref gsel, csel; /* Hg (registers, memory) and Hc selections */
	struct gdb_breakpoint bp[GDB_MAX_BREAKPOINTS];
	unsigned nbp;
	/* a single step in progress: the thread, and whether its instruction has completed in the
	 * kernel (a system call): then it stops before it runs again */
	bool stepping, step_done;
	unsigned step_task, step_lthread;
	/* which threads the last resume let run (vCont's actions; gdb resumes only the current
	 * task unless `set schedule-multiple on`), and the ready threads held back meanwhile */
	struct gdb_thread_ref resumed[GDB_MAX_ACTIONS];
	unsigned nresumed; /* 0: all */
	struct gdb_thread_ref held[GDB_MAX_HELD];
	unsigned nheld;
	uint32_t known[L4_TASKS / 32]; /* tasks gdb has been told of */
	unsigned list_next;	       /* qsThreadInfo goes on from this task */
	unsigned first_task;	       /* the initial stop: first thread of a task >= this */
	bool started;
	/* the stop being reported */
	unsigned stop_task, stop_lthread;
	int stop_sig;
	bool stop_swbreak, stop_library;
};

enum gdb_action {
	GDB_REPLY,  /* send the reply */
	GDB_RESUME, /* let the instance run (no reply until the next stop) */
	GDB_DETACH, /* reply, then run on without a debugger */
	GDB_KILL,   /* end the instance */
};

void gdb_init(struct gdb *g, struct kernel *k, const struct gdb_ops *ops, const struct arch *arch,
	      unsigned first_task);
/* Handles one packet's payload (NUL-terminated, len bytes); the reply payload goes to out
 * (GDB_PACKET_MAX + 1 bytes). */
enum gdb_action gdb_packet(struct gdb *g, const char *in, size_t len, char *out);
/* The stop reply for the stop recorded in g ("T05thread:p5.1;..."). */
void gdb_stop_reply(struct gdb *g, char *out);
void gdb_set_stop(struct gdb *g, const struct thread *t, int sig);

/* The run loop's hooks; none is called without a debugger. Before t runs: writes breakpoints
 * due in t's task, arms a single step; GDB_STOP if the instance must stop first (the initial
 * stop, a task gdb does not know yet, a step completed in the kernel) with g's stop recorded;
 * GDB_HOLD if gdb did not resume t: it has been taken off the ready queue until gdb does. */
enum gdb_verdict { GDB_RUN, GDB_STOP, GDB_HOLD };
enum gdb_verdict gdb_before_run(struct gdb *g, struct thread *t);
/* After a resume: the held threads gdb now lets run go back to the ready queue. */
void gdb_release_held(struct gdb *g);
/* After t's task process reported ev, before the kernel handles it: true if it was the
 * debugger's (a breakpoint, a completed step); the stop is recorded and ev must be dropped. */
bool gdb_after_event(struct gdb *g, struct thread *t, const struct hw_event *ev);
/* After the kernel handled t's trap: a step whose instruction the kernel completed (its ip
 * moved) ends before t runs again. */
void gdb_after_trap(struct gdb *g, struct thread *t, word_t ip_before);
/* The instance stopped by itself (k->run not active): records the stop a debugger sees for it;
 * false if there is none (an exit, a deadlock). */
bool gdb_end_stop(struct gdb *g);
/* Removes every breakpoint and step (detach, exit). */
void gdb_release(struct gdb *g);
/* Task t is deleted: its breakpoints go with it. */
void gdb_task_deleted(struct gdb *g, const struct task *t);

/* Monitor commands (core/gdbmon.c): writes text lines through g->ops->console. */
void gdb_monitor(struct gdb *g, const char *cmd);
/* The target description (XML) for g->arch. */
size_t gdb_target_xml(const struct arch *a, char *buf, size_t size);

/* Hex helpers shared with the monitor. */
size_t gdb_hex_encode(char *out, const void *in, size_t n);

#endif
