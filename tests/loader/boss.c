/* LDR0001, the first program of system.cfg: finds its siblings by module name, calls pong, has
 * the loader start a fourth program (child) and kill sleeper (whose messages then go to the
 * loader, the chief), tries bad starts, and ends with status 5 while pong is still ending: the
 * instance's status is the first program's, after all have ended. */
#include <l4/loader/loader.h>
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>

static l4_threadid_t find(const char *name)
{
	l4_threadid_t id;
	if (rmgr_get_task_id(name, &id))
		printf("boss: no task '%s'\n", name);
	return id;
}

static int prio(l4_threadid_t t)
{
	int p;
	rmgr_get_prio(t, &p);
	return p;
}

int main(int argc, char **argv)
{
	l4_threadid_t me = l4_myself(), pong = find("pong"), sleeper = find("sleeper"), child;
	l4_umword_t w0, w1;
	l4_msgdope_t d;
	printf("boss: task %x,", me.id.task);
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");
	printf("boss: pong is task %x (priority 0x%x), sleeper is task %x\n", pong.id.task,
	       prio(pong), sleeper.id.task);

	l4_ipc_call(pong, L4_IPC_SHORT_MSG, 21, 0, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	printf("boss: pong answered %lu\n", (unsigned long)w0);

	/* child prints before it sends, we print after receiving: the order is fixed */
	int err = loader_start("child", "a b  c", &child);
	l4_ipc_receive(child, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	printf("boss: start child: %d, task %x said %lu\n", err, child.id.task, (unsigned long)w0);

	printf("boss: kill sleeper: %d\n", loader_kill(sleeper));
	l4_threadid_t near;
	int type = l4_id_nearest(sleeper, &near);
	printf("boss: nearest partner for sleeper now: %x.%02x, type 0x%02x\n", near.id.task,
	       near.id.lthread, type);
	/* a message to a task that is gone goes to our chief, the loader, which drops it */
	err = l4_ipc_send(sleeper, L4_IPC_SHORT_MSG, 1, 0, L4_IPC_NEVER, &d);
	printf("boss: send to killed sleeper: 0x%x\n", err);
	printf("boss: kill sleeper again: %d\n", loader_kill(sleeper));
	printf("boss: start nothere: %d\n", loader_start("nothere", "", &child));
	printf("boss: start system.cfg: %d\n", loader_start("system.cfg", "", &child));
	l4_threadid_t gone;
	printf("boss: task id of sleeper now: %d\n", rmgr_get_task_id("sleeper", &gone));

	l4_ipc_call(pong, L4_IPC_SHORT_MSG, 0, 0, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	printf("boss: pong said goodbye\n");
	return 5;
}
