/*
 * The runtime interface of umol4's loader (the default root task, user/roottask; protocol in
 * docs/loader.md): start a boot module as a new task, kill a task the loader started, and the
 * exit message libc's exit() sends.
 */
#ifndef __L4_LOADER_LOADER_H__
#define __L4_LOADER_LOADER_H__

#include <l4/rmgr/librmgr.h>
#include <l4/sys/types.h>

/* Requests go to the loader's lthread 1 (rmgr_id), in the RMGR request-word format. */
#define LOADER_PROTO		  0x10
#define LOADER_START		  1 /* string "name args": answers the new task id, or -1, -1 */
#define LOADER_KILL		  2 /* param = task number: answers 0 or -1 */
#define LOADER_EXIT		  3 /* w1 = status; no answer, the sender is killed */
#define LOADER_MSG(action, param) L4_PROTO_MSG(LOADER_PROTO, action, param)

/* The status of a program ended by LOADER_KILL (as a shell shows a SIGKILLed process). */
#define LOADER_KILLED_STATUS 137
/* Longest "name args" string (crt0 keeps 1023 bytes of its command line). */
#define LOADER_CMDLINE_MAX 1023

/*
 * Multiboot information of a program the loader started (docs/loader.md): the standard flags,
 * cmdline (bit 2) and boot_loader_name (bit 9), plus the umol4 extension bit 31: the words at
 * offsets 0x80/0x84 hold the low/high word of the loader thread that takes LOADER_EXIT.
 */
#define LOADER_MBI_CMDLINE	(1UL << 2)
#define LOADER_MBI_LOADER_NAME	(1UL << 9)
#define LOADER_MBI_UMOL4_LOADER (1UL << 31)
#define LOADER_MBI_OFF_CMDLINE	0x10
#define LOADER_MBI_OFF_NAME	0x40
#define LOADER_MBI_OFF_ID_LOW	0x80
#define LOADER_MBI_OFF_ID_HIGH	0x84

/* The loader thread: from the Multiboot information if a loader started us, else rmgr_id (the
 * caller's chief, or task 4). Returns 0 on success, non-zero if no root task answers. */
int loader_find(l4_threadid_t *loader);
/* Starts boot module name (basename, ".elf" optional) with the argument string args; 0 and the
 * new task's id, or non-zero. */
int loader_start(const char *name, const char *args, l4_taskid_t *task);
/* Kills a task the loader started; 0 on success. */
int loader_kill(l4_taskid_t task);
/*
 * A short-message server loop, the one the loader and loader_self_pager run: handle gets each
 * message (sender, dope, the two words) and returns the answer's send descriptor
 * (L4_IPC_SHORT_MSG or L4_IPC_SHORT_FPAGE, answer in *w0, *w1; sent with send timeout 0) or
 * LOADER_NO_REPLY. Never returns.
 */
#define LOADER_NO_REPLY ((const void *)(l4_umword_t)-1)
typedef const void *(*loader_handler_t)(l4_threadid_t src, l4_msgdope_t dope, l4_umword_t *w0,
					l4_umword_t *w1);
L4_NORETURN void loader_serve(loader_handler_t handle);
/* The handler loader_self_pager runs: maps the faulting page from the caller's own space. */
const void *loader_own_page(l4_threadid_t src, l4_msgdope_t dope, l4_umword_t *w0,
			    l4_umword_t *w1);
/* Starts thread lthread of this task as a pager that maps each page a child task faults on from
 * this task's own space, for tasks created with code and stacks of this program (task_new with
 * this pager). stack/size: the pager thread's stack. Returns the pager's id. */
l4_threadid_t loader_self_pager(unsigned lthread, void *stack, l4_size_t size);
/* For exit(): if a loader started this program, tells it and never returns; else returns. */
void loader_exit_notify(int status);

#endif
