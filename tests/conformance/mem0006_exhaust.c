/* MEM0006: sigma0 runs out of memory: "any free page" until a 0-reply, then all still works. */
/* Task A (4) asks sigma0 for any free page until it answers with a 0-word reply, each page into
 * a 256 MiB window (where it lands at its physical address). The count is plausible, the pages
 * are distinct memory; later requests (A's, B's) get 0-replies, a page A has comes again, one
 * A does not have is refused, the KIP is still given; threads, IPC, fresh pages of the
 * program's own memory and a new task B (5) that reads one of the pages A mapped it all work. */
#define ID "MEM0006"
#include "conf.h"

#define A      4
#define B      5
#define WINDOW CONF_AREA /* 256 MiB: page p of physical memory lands at WINDOW + p */

static unsigned char untouched[4 * 4096] __attribute__((aligned(4096)));

static l4_umword_t any_page(l4_umword_t arg, l4_umword_t *r1)
{
	(void)arg, (void)r1;
	return conf_sigma0(CONF_ANY_PAGE, 0, L4_IPC_MAPMSG(WINDOW, 28), 0);
}

/* Asks sigma0 for the frame at phys, into A at at. */
static const char *ask(l4_umword_t phys, l4_umword_t at)
{
	return conf_sigma0(phys, 0, L4_IPC_MAPMSG(at, 12), 0) ? "mapped" : "refused";
}

static void echo(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	conf_wait(&src, &w0, &w1, NEVER);
	conf_send(src, w0 + 1, w1, NEVER);
}

int main(void)
{
	l4_kernel_info_t *kip = l4_kernel_interface();
	conf_tasks_init();
	unsigned n = 0;
	l4_umword_t base, first = 0, last = 0;
	while (conf_sigma0(CONF_ANY_PAGE, 0, L4_IPC_MAPMSG(WINDOW, 28), &base)) {
		if (!n++)
			first = base;
		last = base;
	}
	say("pages until the 0-reply: more than 1000: %s, at most the memory's: %s",
	    okfail(n > 1000), okfail(n <= kip->main_memory.high / 4096));
	volatile l4_umword_t *p1 = (l4_umword_t *)(WINDOW + first);
	volatile l4_umword_t *p2 = (l4_umword_t *)(WINDOW + last);
	*p1 = 0x1111;
	*p2 = 0x2222;
	say("the first and the last page are distinct memory: %s",
	    okfail(first != last && *p1 == 0x1111 && *p2 == 0x2222));

	unsigned more = 0;
	for (unsigned i = 0; i < 3; i++)
		more += any_page(0, 0) != 0;
	say("three more requests: %u pages", more);
	say("the first page again: %s", ask(first, WINDOW + first));
	say("a page of sigma0's: %s", ask(kip->sigma0_memory.low, CONF_AREA_END - 0x1000));
	l4_fpage_t kfp = {.fpage = conf_sigma0(1, 1, L4_IPC_MAPMSG(CONF_AREA_END - 0x2000, 12), 0)};
	say("the KIP: fpage size %u, write %u", kfp.fp.size, kfp.fp.write);

	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	conf_spawn(1, echo);
	int err = l4_ipc_call(conf_id(1), SHORT, 41, 0, SHORT, &w0, &w1, NEVER, &dope);
	say("a new thread answers a call: 0x%02x %lu", err, (unsigned long)w0);
	unsigned sum = 0;
	for (unsigned i = 0; i < sizeof untouched; i += 4096)
		untouched[i] = (unsigned char)(i / 4096 + 1);
	for (unsigned i = 0; i < sizeof untouched; i += 4096)
		sum += untouched[i];
	say("fresh pages of the program's memory: %s", okfail(sum == 1 + 2 + 3 + 4));

	conf_task(B);
	int got;
	err = conf_map(A, B, last, l4_fpage(WINDOW + last, 12, L4_FPAGE_RW, L4_FPAGE_MAP),
		       L4_IPC_MAPMSG(CONF_AREA_END - 0x1000, 12), &got);
	say("a new task gets one of the pages: 0x%02x %s, reads A's word: %s", err, got ? "m" : "-",
	    okfail(conf_read(B, CONF_AREA_END - 0x1000) == 0x2222));
	say("its request to sigma0: %s", conf_run(B, any_page, 0, 0) ? "mapped" : "0-reply");
	return 0;
}
