/* Clans and chiefs (Liedtke's rules), id_nearest, deceit, and task_new: creation, inactive
 * transfer, recursive deletion, number reuse. */
#include "core/clan.h"
#include "core/ipc.h"
#include "core/sched.h"
#include "core/task.h"
#include "core/tasknew.h"
#include "tests/unit/fakeplat.h"
#include "tests/unit/unit.h"

static struct kernel *K;

static word_t S(struct thread *t, unsigned s) { return arch_x86.get_slot(t->regs, s); }
static void put(struct thread *t, unsigned s, word_t v) { arch_x86.set_slot(t->regs, s, v); }

/* task nr with chief and depth, thread 0 ready */
static struct thread *mk(unsigned nr, unsigned chief, unsigned depth)
{
	struct task *t = task_create(K, nr, chief, depth, &arch_x86, "t");
	t->depth = depth;
	struct thread *th = thread_create(K, t, 0);
	th->id = task_id(K, nr);
	thread_start(K, th, 0x1000, 0x2000, L4ID_NIL);
	return th;
}

/*      4 (root)
 *     /  \\
 *    5    6        siblings in 4's clan
 *    |    |
 *    7    8        7 in 5's clan, 8 in 6's clan
 *    |
 *    9 */
static struct thread *T[10];
static void tree(void)
{
	unit_kernel_setup();
	K = unit_kernel();
	T[4] = mk(4, 0, 0);
	T[5] = mk(5, 4, 1);
	T[6] = mk(6, 4, 1);
	T[7] = mk(7, 5, 2);
	T[8] = mk(8, 6, 2);
	T[9] = mk(9, 7, 3);
}

static unsigned near(unsigned from, unsigned to, unsigned *who)
{
	l4id_t n;
	unsigned type = clan_nearest(K, T[from]->task, T[to]->id, &n);
	*who = id_task(n);
	return type;
}

static void test_nearest(void)
{
	tree();
	unsigned w;
	CHECK(near(5, 6, &w) == NC_SAME_CLAN && w == 6); /* siblings */
	CHECK(near(5, 4, &w) == NC_SAME_CLAN && w == 4); /* own chief */
	CHECK(near(4, 5, &w) == NC_SAME_CLAN && w == 5); /* direct child */
	CHECK(near(4, 7, &w) == NC_INNER_CLAN && w == 5); /* into an inner clan: its chief */
	CHECK(near(4, 9, &w) == NC_INNER_CLAN && w == 5);
	CHECK(near(7, 4, &w) == NC_OUTER_CLAN && w == 5); /* out of the clan: own chief */
	CHECK(near(7, 8, &w) == NC_OUTER_CLAN && w == 5);
	CHECK(near(5, 8, &w) == NC_OUTER_CLAN && w == 6); /* down a sibling's clan: that sibling */
	CHECK(near(9, 7, &w) == NC_SAME_CLAN && w == 7);
}

static void ipc_send(struct thread *t, l4id_t dest, word_t w0)
{
	put(t, S0, 0);
	put(t, S1, 0);
	put(t, S2, w0);
	put(t, S4, IPC_NIL_DESC);
	put(t, S5, dest.lo);
	put(t, S6, dest.hi);
	ipc_syscall(K, t);
}

static void ipc_wait(struct thread *t)
{
	put(t, S0, IPC_NIL_DESC);
	put(t, S1, 0);
	put(t, S4, 1);
	ipc_syscall(K, t);
}

static void test_redirect(void)
{
	tree();
	/* 7 -> 4 goes to 5 (7's own chief): redirected, from the inner clan */
	ipc_wait(T[5]);
	ipc_send(T[7], T[4]->id, 77);
	CHECK_EQ(S(T[5], S2), 77);
	CHECK_EQ(S(T[5], S0), DOPE(2, 0) | DOPE_REDIRECTED | DOPE_INNER);
	CHECK_EQ(S(T[5], S5), T[7]->id.lo);
	CHECK_EQ(S(T[5], S1), T[4]->id.lo); /* the intended destination */
	CHECK_EQ(S(T[5], S4), T[4]->id.hi);
	/* 4 -> 9 goes to 5 (the chief of the inner clan holding 9): redirected, from outside */
	ipc_wait(T[5]);
	ipc_send(T[4], T[9]->id, 49);
	CHECK_EQ(S(T[5], S2), 49);
	CHECK_EQ(S(T[5], S0), DOPE(2, 0) | DOPE_REDIRECTED);
	/* 5 forwards to 9 deceiting as 4 (4 outside, 9 inside: direction preserved) */
	ipc_wait(T[7]);
	put(T[5], S0, IPC_DESC_DECEIT);
	put(T[5], S1, 0);
	put(T[5], S4, IPC_NIL_DESC);
	put(T[5], S5, T[7]->id.lo);
	put(T[5], S6, T[7]->id.hi);
	CHECK(clan_deceit_ok(K, T[5]->task, T[7]->id, T[4]->id));
	/* deceit inside one's own clan (both inside) is not direction-preserving */
	CHECK(clan_deceit_ok(K, T[5]->task, T[7]->id, T[7]->id)); /* vsender in dest's task */
	CHECK(!clan_deceit_ok(K, T[6]->task, T[4]->id, T[9]->id)); /* both outside 6's clan */
}

static void task_new(struct thread *t, unsigned nr, word_t mcp_or_chief, l4id_t pager)
{
	put(t, S0, mcp_or_chief);
	put(t, S1, 0x8000);
	put(t, S2, 0x1000);
	put(t, S3, pager.lo);
	put(t, S4, pager.hi);
	l4id_t d = id_make(nr, 0, 0, 0);
	put(t, S5, d.lo);
	put(t, S6, d.hi);
	sys_task_new(K, t);
}

static void test_task_new(void)
{
	unit_kernel_setup();
	K = unit_kernel();
	struct thread *root = mk(4, 0, 0);
	root->mcp = 200;
	for (unsigned nr = 5; nr < L4_TASKS; nr++)
		K->owner[nr] = 4;
	task_new(root, 10, 255, root->id);
	CHECK(K->tasks[10] && K->tasks[10]->chief == 4);
	CHECK_EQ(id_task((l4id_t){S(root, S5), S(root, S6)}), 10);
	CHECK_EQ(K->tasks[10]->threads[0]->mcp, 200); /* min(creator's, requested) */
	unsigned v1 = K->tasks[10]->version;
	/* 10 creates nothing: it owns no numbers yet; root hands 11 over (inactive) */
	struct thread *t10 = K->tasks[10]->threads[0];
	task_new(t10, 11, 0, root->id);
	CHECK_EQ(S(t10, S5), 0);
	task_new(root, 11, t10->id.lo, L4ID_NIL);
	CHECK_EQ(K->owner[11], 10);
	task_new(t10, 11, 50, t10->id);
	CHECK(K->tasks[11] && K->tasks[11]->chief == 10 && K->tasks[11]->depth == 2);
	/* a thread waiting for 11 learns that it is gone when root deletes 10 (and so 11) */
	struct thread *t11 = K->tasks[11]->threads[0];
	put(root, S0, IPC_NIL_DESC);
	put(root, S1, 0);
	put(root, S4, 0);
	put(root, S5, t10->id.lo);
	put(root, S6, t10->id.hi);
	struct thread *w = thread_create(K, root->task, 1);
	thread_start(K, w, 0x1000, 0x2000, L4ID_NIL);
	put(w, S0, IPC_NIL_DESC);
	put(w, S1, 0);
	put(w, S4, 0);
	put(w, S5, t10->id.lo);
	put(w, S6, t10->id.hi);
	ipc_syscall(K, w);
	CHECK_EQ(w->state, TS_RECV_WAIT);
	(void)t11;
	task_new(root, 10, root->id.lo, L4ID_NIL); /* delete: 10 inactive again, 11 with it */
	CHECK(!K->tasks[10] && !K->tasks[11]);
	CHECK_EQ(K->owner[11], 4); /* the numbers 10 owned return to the deleter */
	CHECK_EQ(w->state, TS_READY);
	CHECK_EQ(S(w, S0), IPC_ENOT_EXISTENT);
	task_new(root, 10, 255, root->id); /* the number can be used again, with a new version */
	CHECK(K->tasks[10] && K->tasks[10]->version != v1);
	task_new(root, 4, 255, root->id); /* not its chief */
	CHECK_EQ(S(root, S5), 0);
}

const struct unit_test clan_tests[] = {
	{"clans: id_nearest for every relation", test_nearest},
	{"clans: redirection to chiefs, deceit", test_redirect},
	{"task_new: create, transfer, recursive delete, reuse", test_task_new},
	{0, 0},
};
