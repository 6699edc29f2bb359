#include "core/ioport.h"
#include "core/plat.h"

static uint16_t *from_slot(const struct task *t, word_t port)
{
	if (!t->io || !t->io->from[port / IO_CHUNK])
		return 0;
	return &t->io->from[port / IO_CHUNK][port % IO_CHUNK];
}

static bool holds(const struct task *t, word_t port)
{
	const uint16_t *f = from_slot(t, port);
	return t->idempotent || (f && *f);
}

bool ioport_holds(const struct task *t, word_t port, word_t n)
{
	for (word_t p = port; p < port + n; p++)
		if (p >= IO_PORTS || !holds(t, p))
			return false;
	return true;
}

static bool set_from(struct task *t, word_t port, unsigned from)
{
	if (!t->io && !(t->io = plat_alloc(sizeof *t->io)))
		return false;
	uint16_t **chunk = &t->io->from[port / IO_CHUNK];
	if (!*chunk && !(*chunk = plat_alloc(IO_CHUNK * sizeof **chunk)))
		return false;
	uint16_t *f = &(*chunk)[port % IO_CHUNK];
	t->io->held += (from != 0) - (*f != 0);
	*f = (uint16_t)from;
	return true;
}

/* Takes the port from every task that received it from t, directly or not. */
static void flush_below(struct kernel *k, const struct task *t, word_t port)
{
	for (unsigned i = 0; i < L4_TASKS; i++) {
		struct task *c = k->tasks[i];
		uint16_t *f = c ? from_slot(c, port) : 0;
		if (!f || *f != t->nr + 1)
			continue;
		flush_below(k, c, port);
		set_from(c, port, 0);
	}
}

/* The ports [*first, *first + *n) of send fpage fp that land in window, by the I/O rule: the
 * intersection of the two ranges; the whole address space as window takes any. */
static bool io_range(word_t fp, word_t window, word_t *first, word_t *n)
{
	unsigned s = fpage_log2(fp) > IO_PORTS_LOG2 ? IO_PORTS_LOG2 : fpage_log2(fp);
	word_t lo = io_fpage_port(fp) & ~((1u << s) - 1), hi = lo + (1u << s);
	if (fpage_is_io(window)) {
		unsigned r =
		    fpage_log2(window) > IO_PORTS_LOG2 ? IO_PORTS_LOG2 : fpage_log2(window);
		word_t wlo = io_fpage_port(window) & ~((1u << r) - 1), whi = wlo + (1u << r);
		lo = lo > wlo ? lo : wlo;
		hi = hi < whi ? hi : whi;
	} else if (fpage_log2(window) < 32) {
		return false; /* a smaller memory window receives no ports (Fiasco) */
	}
	*first = lo;
	*n = hi > lo ? hi - lo : 0;
	return *n != 0;
}

int ioport_map(struct kernel *k, struct task *src, struct task *dst, word_t fp, word_t window)
{
	word_t first, n;
	if (src == dst || !io_range(fp, window, &first, &n))
		return 0;
	bool grant = fpage_grant(fp) && !src->idempotent;
	int received = 0;
	for (word_t p = first; p < first + n; p++) {
		if (!holds(src, p))
			continue;
		const uint16_t *had = from_slot(dst, p);
		if (had && *had) { /* held already: from this mapper counts as received */
			received += *had == src->nr + 1;
			continue;
		}
		unsigned from = src->nr + 1;
		if (grant) {
			/* dst takes src's place in the tree: src's children become dst's */
			from = *from_slot(src, p);
			for (unsigned i = 0; i < L4_TASKS; i++) {
				uint16_t *f = k->tasks[i] ? from_slot(k->tasks[i], p) : 0;
				if (f && *f == src->nr + 1)
					*f = (uint16_t)(dst->nr + 1);
			}
			set_from(src, p, 0);
		}
		if (!set_from(dst, p, from))
			return -1;
		received++;
	}
	return received;
}

void ioport_unmap(struct kernel *k, struct task *t, word_t fp, bool flush, bool self)
{
	unsigned s = fpage_log2(fp) > IO_PORTS_LOG2 ? IO_PORTS_LOG2 : fpage_log2(fp);
	word_t first = io_fpage_port(fp) & ~((1u << s) - 1);
	if (!flush)
		return;
	for (word_t p = first; p < first + (1u << s); p++) {
		if (!t->idempotent && !from_slot(t, p)) {
			p |= IO_CHUNK - 1; /* t holds nothing in this chunk */
			continue;
		}
		if (!holds(t, p))
			continue;
		flush_below(k, t, p);
		if (self && !t->idempotent)
			set_from(t, p, 0);
	}
}

void ioport_flush_task(struct kernel *k, struct task *t)
{
	if (t->io)
		ioport_unmap(k, t, io_fpage_make(0, IO_PORTS_LOG2), true, true);
	if (!t->io)
		return;
	for (unsigned c = 0; c < IO_PORTS / IO_CHUNK; c++)
		plat_free(t->io->from[c]);
	plat_free(t->io);
	t->io = 0;
}
