/* sigma0: the initial pager. It owns all physical memory (the kernel maps its space 1:1) and
 * hands each page to the first task that asks for it, idempotently, speaking the V2 sigma0
 * protocol (reference/l4-v2-abi.md §4.5): any free page, a specific frame, a 4 MB superpage,
 * the KIP read-only, and the kernel-memory query. It never grants, only maps. It owns the I/O
 * ports and the device windows too (docs/devices.md): an I/O fault message (w0 = an I/O fpage)
 * gets those ports, a request for a page of a device window that page, each if free or the
 * requester's already.
 *
 * umol4's extension (docs/security.md, "Quotas"): a root task that manages memory itself (the
 * loader) claims sigma0 for itself with w0 = 1, w1 = SIGMA0_EXCLUSIVE before it starts anybody;
 * from then on sigma0 answers nobody else but with the KIP, so memory limits the root task gives
 * its programs cannot be got around by asking sigma0 directly, as under RMGR, which took all
 * memory from sigma0 at boot. Without such a claim (--no-loader) sigma0 serves everyone. */
#include <l4/sys/ipc.h>
#include <l4/sys/kdebug.h>
#include <l4/sys/kernel.h>
#include <l4/sys/types.h>
#include <l4/umol4/crt0.h>
#include <l4/umol4/server.h>

#define PAGE 4096u
#define SUPERPAGE_LOG2 22u
#define MAX_PAGES (3072u * 256u) /* umol4's largest --mem */
#define ANY_PAGE 0xfffffffcu
#define SIGMA0_EXCLUSIVE 0x80u /* w0 = 1, w1 = this: "serve only me from now on" */

/* owner[frame]: 0 free, task number + 1 once given away, RESERVED for the kernel */
#define FREE 0u
#define RESERVED 0xffffu
static l4_uint16_t owner[MAX_PAGES];
static l4_umword_t npages;
static l4_umword_t search_from; /* top-down cursor for "any page" requests */
static l4_kernel_info_t *kip;
static unsigned exclusive; /* task number + 1 of the only client, once claimed */

#define DEVICE_BASE  0xe0000000UL /* the physical device windows (docs/devices.md) */
#define DEVICE_PAGES 256UL
#define IO_PORTS     (1UL << L4_WHOLE_IOADDRESS_SPACE)
static l4_uint16_t device_owner[DEVICE_PAGES], port_owner[IO_PORTS]; /* task + 1, 0: free */

/* Gives every slot of owner[first..first+n) to task, or none if one belongs to another. */
static int grab_range(l4_uint16_t *owner_of, l4_umword_t first, l4_umword_t n, unsigned task)
{
	for (l4_umword_t i = first; i < first + n; i++)
		if (owner_of[i] && owner_of[i] != task + 1)
			return 0;
	for (l4_umword_t i = first; i < first + n; i++)
		owner_of[i] = (l4_uint16_t)(task + 1);
	return 1;
}

/* The requests beyond memory: I/O fault messages and device pages; -1: neither. */
static int device_answer(unsigned task, l4_umword_t w0, l4_umword_t *base, l4_umword_t *fpage)
{
	if ((w0 >> 28) == 0xf) { /* an I/O fpage: port in bits 12-27, log2 count in bits 2-7 */
		unsigned s = (w0 >> 2) & 0x3f;
		if (s > L4_WHOLE_IOADDRESS_SPACE)
			return 0;
		l4_umword_t port = ((w0 >> 12) & 0xffff) & ~((1UL << s) - 1);
		if (!grab_range(port_owner, port, 1UL << s, task))
			return 0;
		*base = 0;
		*fpage = l4_iofpage(port, s, L4_FPAGE_MAP).fpage;
		return 1;
	}
	if (w0 < DEVICE_BASE || w0 >= DEVICE_BASE + DEVICE_PAGES * PAGE)
		return -1;
	l4_umword_t a = w0 & ~(PAGE - 1);
	if (!grab_range(device_owner, (a - DEVICE_BASE) / PAGE, 1, task))
		return 0;
	*base = a;
	*fpage = l4_fpage(a, 12, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
	return 1;
}

static void mark(l4_umword_t low, l4_umword_t high, l4_uint16_t tag)
{
	for (l4_umword_t p = low / PAGE; p < (high + PAGE - 1) / PAGE && p < npages; p++)
		owner[p] = tag;
}

/* Gives frame p to task (or confirms it already has it). */
static int grab(unsigned task, l4_umword_t p)
{
	if (p >= npages)
		return 0;
	if (owner[p] == FREE)
		owner[p] = (l4_uint16_t)(task + 1);
	return owner[p] == task + 1;
}

static int grab_superpage(unsigned task, l4_umword_t first)
{
	l4_umword_t n = 1u << (SUPERPAGE_LOG2 - 12);
	for (l4_umword_t p = first; p < first + n; p++)
		if (p >= npages || (owner[p] != FREE && owner[p] != task + 1))
			return 0;
	for (l4_umword_t p = first; p < first + n; p++)
		owner[p] = (l4_uint16_t)(task + 1);
	return 1;
}

static l4_umword_t any_free_page(unsigned task)
{
	for (l4_umword_t i = 0; i < npages; i++) {
		l4_umword_t p = search_from;
		search_from = p ? p - 1 : npages - 1;
		if (owner[p] == FREE) {
			owner[p] = (l4_uint16_t)(task + 1);
			return p * PAGE;
		}
	}
	return 0;
}

/* Decides the reply to one request: a mapping (returns 1, fills base/fpage) or a 0-reply. */
static int answer(l4_threadid_t src, l4_umword_t w0, l4_umword_t w1, l4_umword_t *base,
		  l4_umword_t *fpage)
{
	unsigned task = src.id.task;
	if (w0 == 1 && (w1 & 0xff) == 1) { /* the KIP, read-only */
		*base = 0;
		*fpage = l4_fpage((l4_umword_t)kip, 12, L4_FPAGE_RO, L4_FPAGE_MAP).fpage;
		return 1;
	}
	if (w0 == 1 && (w1 & 0xff) == 0) /* kernel memory: umol4's kernel needs none */
		return 0;
	if (w0 == 1 && (w1 & 0xff) == SIGMA0_EXCLUSIVE && !exclusive) {
		exclusive = task + 1;
		return 0;
	}
	if (exclusive && exclusive != task + 1)
		return 0; /* the answer to a client when memory is exhausted */
	if ((w0 & ~3u) == ANY_PAGE) {
		l4_umword_t a = any_free_page(task);
		if (!a)
			return 0;
		*base = a;
		*fpage = l4_fpage(a, 12, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
		return 1;
	}
	int dev = device_answer(task, w0 & ~3u, base, fpage);
	if (dev >= 0)
		return dev;
	l4_umword_t addr = w0 & ~(PAGE - 1);
	if ((w0 & 1) && w1 == (SUPERPAGE_LOG2 << 2)) {
		addr &= ~((1u << SUPERPAGE_LOG2) - 1);
		if (!grab_superpage(task, addr / PAGE))
			return 0;
		*base = addr;
		*fpage = l4_fpage(addr, SUPERPAGE_LOG2, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
		return 1;
	}
	if (!grab(task, addr / PAGE))
		return 0;
	*base = addr;
	*fpage = l4_fpage(addr, 12, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
	return 1;
}

int main(void)
{
	kip = (l4_kernel_info_t *)__crt0_kip;
	if (!kip || kip->magic != L4_KERNEL_INFO_MAGIC) {
		enter_kdebug("sigma0: no kernel info page");
		return 1;
	}
	npages = kip->main_memory.high / PAGE;
	if (npages > MAX_PAGES)
		npages = MAX_PAGES;
	search_from = npages - 1;
	mark(0, PAGE, RESERVED);
	mark(kip->reserved0.low, kip->reserved0.high, RESERVED);
	mark(kip->sigma0_memory.low, kip->sigma0_memory.high, 2 + 1);
	mark(kip->root_memory.low, kip->root_memory.high, 4 + 1);

	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err = l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, UMOL4_SERVER_WAIT, &dope);
	for (;;) {
		if (err) {
			err =
			    l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, UMOL4_SERVER_WAIT, &dope);
			continue;
		}
		l4_umword_t base = 0, fpage = 0;
		int map = answer(src, w0, w1, &base, &fpage);
		/* no client can hold sigma0: send timeout 0, page-fault timeouts 0 */
		err = l4_ipc_reply_and_wait(src, map ? L4_IPC_SHORT_FPAGE : L4_IPC_SHORT_MSG,
					    map ? base : 0, map ? fpage : 0, &src, L4_IPC_SHORT_MSG,
					    &w0, &w1, UMOL4_SERVER_REPLY_AND_WAIT, &dope);
	}
}
