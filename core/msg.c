/* Long IPC. A message buffer (send or receive descriptor with an address) is laid out as
 *   +0 receive fpage   +4 size dope   +8 send dope   +12 dword 0 (in a register) ...
 * with the string dopes {snd_size, snd_str, rcv_size, rcv_str} after size_dope.dwords words.
 * Words are converted between the partners' byte orders; strings are copied as bytes, page by
 * page through physical memory. */
#include "core/msg.h"
#include "core/ioport.h"
#include "core/map.h"
#include "core/task.h"
#include "core/trace.h"

#define MAX_STRING (4u << 20) /* Liedtke's 22-bit string length */
#define MAX_STRINGS 31u

static word_t dope_dwords(word_t d) { return d >> 13; }
static word_t dope_strings(word_t d) { return (d >> 8) & 0x1fu; }

static void fault(struct xfer *x, struct thread *t, word_t addr, bool write)
{
	x->fault_thread = t;
	x->fault_addr = addr;
	x->fault_write = write;
}

static bool rd(struct kernel *k, struct thread *t, word_t va, word_t *v, struct xfer *x)
{
	word_t raw;
	if (!user_read(k, t->task, va, &raw, 4)) {
		fault(x, t, va, false);
		return false;
	}
	*v = task_word(t->task, raw);
	return true;
}

static bool wr(struct kernel *k, struct thread *t, word_t va, word_t v, struct xfer *x)
{
	word_t raw = task_word(t->task, v), where;
	if (!user_write(k, t->task, va, &raw, 4, &where)) {
		fault(x, t, where, true);
		return false;
	}
	return true;
}

/* Word i of the sender's message: 0 and 1 travel in registers. */
static bool snd_word(struct kernel *k, struct thread *s, word_t sb, word_t i, word_t *v,
		     struct xfer *x)
{
	if (i < 2) {
		*v = i ? s->ipc.w1 : s->ipc.w0;
		return true;
	}
	return rd(k, s, sb + 12 + 4 * i, v, x);
}

enum xfer_status msg_transfer(struct kernel *k, struct thread *s, struct thread *r,
			      struct xfer *x)
{
	word_t sdesc = s->ipc.snd_desc, rdesc = r->ipc.rcv_desc;
	word_t sb = sdesc & ~3u;
	word_t rb = (rdesc & IPC_DESC_RMAP) ? 0 : (rdesc & ~3u);
	word_t s_dw = 2, s_str = 0, s_size_dw = 0, r_dw = 2, r_str = 0, r_size_dw = 0;
	word_t window = r->ipc.rcv_window;
	bool cut = false;
	x->rdope = x->serr = 0;

	if (sb) {
		word_t size, send;
		if (!rd(k, s, sb + 4, &size, x) || !rd(k, s, sb + 8, &send, x))
			return XFER_FAULT;
		s_size_dw = dope_dwords(size);
		s_dw = dope_dwords(send) < 2 ? 2 : dope_dwords(send);
		s_str = dope_strings(send);
	}
	if (rb) {
		word_t size;
		if (!rd(k, r, rb + 0, &window, x) || !rd(k, r, rb + 4, &size, x))
			return XFER_FAULT;
		r_size_dw = dope_dwords(size);
		r_dw = r_size_dw < 2 ? 2 : r_size_dw;
		r_str = dope_strings(size);
	}

	/* map items first: (snd_base, fpage) pairs up to the first invalid fpage; the receiver's
	 * fpage bit says that a page arrived, not that the message carried fpages */
	bool mapped = false;
	if (sdesc & IPC_DESC_MAP) {
		if (!window) {
			cut = true;
		} else {
			for (word_t i = 0; i + 1 < s_dw; i += 2) {
				word_t base, fp;
				if (!snd_word(k, s, sb, i, &base, x) || !snd_word(k, s, sb, i + 1, &fp, x))
					return XFER_FAULT;
				bool io = fpage_is_io(fp);
				if (!io && fpage_log2(fp) < PAGE_SHIFT)
					break;
				int pages = io ? ioport_map(k, s->task, r->task, fp, window)
					       : fpage_map(k, s->task, r->task, base, fp, window);
				if (pages < 0) {
					x->rdope = IPC_REMAPFAILED;
					x->serr = IPC_SEMAPFAILED;
					return XFER_DONE;
				}
				TRACE(k, .kind = TR_MAP, .thread = s, .n = {(word_t)pages, fpage_grant(fp)},
				      .nn = 2, .peer = r->id, .has_peer = true,
				      .mem = r->ipc.pagefault || s->is_pager || s->task->idempotent,
				      .addr = base, .has_addr = true);
				if (pages > 0)
					mapped = true;
			}
		}
	}

	word_t n = s_dw;
	if (n > r_dw) {
		n = r_dw;
		cut = true;
	}
	for (word_t i = 2; i < n; i++) {
		word_t v;
		if (!rd(k, s, sb + 12 + 4 * i, &v, x) || !wr(k, r, rb + 12 + 4 * i, v, x))
			return XFER_FAULT;
	}

	word_t got = 0;
	for (word_t i = 0; i < s_str && i < MAX_STRINGS; i++) {
		if (i >= r_str) {
			cut = true;
			break;
		}
		word_t sd = sb + 12 + 4 * s_size_dw + 16 * i, rd_ = rb + 12 + 4 * r_size_dw + 16 * i;
		word_t len, src, room, dst;
		if (!rd(k, s, sd, &len, x) || !rd(k, s, sd + 4, &src, x) ||
		    !rd(k, r, rd_ + 8, &room, x) || !rd(k, r, rd_ + 12, &dst, x))
			return XFER_FAULT;
		if (len > MAX_STRING)
			len = MAX_STRING;
		if (len > room) {
			len = room;
			cut = true;
		}
		bool dst_fault;
		word_t where;
		if (!user_copy(k, r->task, dst, s->task, src, len, &dst_fault, &where)) {
			fault(x, dst_fault ? r : s, where, dst_fault);
			return XFER_FAULT;
		}
		if (!wr(k, r, rd_, len, x) || !wr(k, r, rd_ + 4, dst, x))
			return XFER_FAULT;
		got++;
		if (cut)
			break;
	}
	if (rb && !wr(k, r, rb + 8, DOPE(n, got), x))
		return XFER_FAULT;
	x->rdope = DOPE(n, got) | (mapped ? DOPE_FPAGE : 0) | (cut ? IPC_REMSGCUT : 0);
	x->serr = cut ? IPC_SEMSGCUT : 0;
	return XFER_DONE;
}
