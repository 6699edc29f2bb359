#include "core/devtrap.h"
#include "core/device.h"
#include "core/ioport.h"
#include "core/ipc.h"
#include "core/task.h"
#include "core/trace.h"

static word_t width_mask(unsigned width)
{
	return width >= 4 ? 0xffffffffu : (1u << (8 * width)) - 1;
}

/* Between a big-endian task's register and the little-endian bus the bytes turn around. */
static word_t bus_order(const struct task *t, word_t v, unsigned width)
{
	if (!t->arch->big_endian || width == 1)
		return v;
	return width == 2 ? ((v & 0xffu) << 8) | ((v >> 8) & 0xffu) : word_swap(v);
}

static void perform(struct kernel *k, struct thread *t, bool port, word_t addr,
		    const struct dev_access *acc)
{
	word_t mask = width_mask(acc->width), v = 0, *r = t->regs;
	if (acc->write)
		v = bus_order(t->task, acc->value & mask, acc->width);
	device_access(k, port, addr, acc->width, acc->write, &v);
	TRACE(k, .kind = TR_DEVICE, .thread = t, .n = {port, acc->width, acc->write, v}, .nn = 4,
	      .addr = addr, .has_addr = true);
	if (!acc->write && acc->reg != ACC_NO_REG) {
		v = bus_order(t->task, v & mask, acc->width) & mask;
		if (acc->sign && (v >> (8 * acc->width - 1)) & 1u)
			v |= ~mask;
		if (acc->merge)
			r[acc->reg] = (r[acc->reg] & ~(mask << acc->shift)) | (v << acc->shift);
		else
			r[acc->reg] = v;
	}
	if (acc->wb_reg != ACC_NO_REG)
		r[acc->wb_reg] = acc->wb_value;
	t->task->arch->set_ip(r, acc->next_ip);
}

/* Elements of a rep string I/O performed per kernel entry: a longer one goes on at the next
 * entry, as a CPU takes interrupts between the elements of a rep instruction. */
#define STRING_IO_BATCH 4096u

/* Whether an element of `width` bytes at va can be accessed as memory (write: stored to);
 * if not, *fault is the first address that cannot, and *device says it is a device window. */
static bool operand_ok(struct kernel *k, const struct task *t, word_t va, unsigned width,
		       bool write, word_t *fault, bool *device)
{
	word_t ends[2] = {va, va + width - 1}, pa;
	for (int i = 0; i < 2; i++) {
		*fault = ends[i];
		*device = pt_lookup(&t->pt, ends[i] >> PAGE_SHIFT) & PTE_DEVICE;
		if (*device || !task_translate(k, t, ends[i], write, &pa))
			return false;
	}
	return true;
}

/* ins/outs: elements between the port and the task's memory, through its page tables. Memory
 * bytes are bus bytes in order (byte i of the element is byte i of the register). A page fault
 * on the memory operand goes to the pager with the registers saying how far the instruction got,
 * and the instruction starts again after the reply, as a CPU restarts it. */
static enum devtrap_result string_io(struct kernel *k, struct thread *t, word_t port,
				     const struct dev_access *acc)
{
	word_t *r = t->regs;
	const struct task *task = t->task;
	bool rep = acc->count_reg != ACC_NO_REG;
	for (unsigned done = 0; rep ? r[acc->count_reg] != 0 : done < 1; done++) {
		if (done == STRING_IO_BATCH)
			return DEVTRAP_DONE; /* the ip stays: the rest at the next entry */
		word_t va = r[acc->mem_reg], v = 0, fault;
		uint8_t b[4];
		bool device;
		/* outs reads memory, ins writes it: the fault comes before the device is touched */
		if (!operand_ok(k, task, va, acc->width, !acc->write, &fault, &device)) {
			if (device)
				return DEVTRAP_BADINSN;
			ipc_pagefault(k, t, fault, !acc->write);
			return DEVTRAP_DONE;
		}
		if (acc->write) {
			user_read(k, task, va, b, acc->width);
			for (unsigned i = 0; i < acc->width; i++)
				v |= (word_t)b[i] << (8 * i);
		}
		device_access(k, true, port, acc->width, acc->write, &v);
		TRACE(k, .kind = TR_DEVICE, .thread = t, .n = {1, acc->width, acc->write, v},
		      .nn = 4, .addr = port, .has_addr = true);
		if (!acc->write) {
			for (unsigned i = 0; i < acc->width; i++)
				b[i] = (uint8_t)(v >> (8 * i));
			word_t unused;
			user_write(k, task, va, b, acc->width, &unused);
		}
		r[acc->mem_reg] = acc->down ? va - acc->width : va + acc->width;
		if (rep)
			r[acc->count_reg]--;
	}
	task->arch->set_ip(r, acc->next_ip);
	return DEVTRAP_DONE;
}

enum devtrap_result devtrap_io(struct kernel *k, struct thread *t, const struct trap *tr)
{
	const struct dev_access *acc = &tr->acc;
	if (!acc->width) { /* cli/sti: allowed to the holder of every port, and then no-ops */
		if (ioport_holds(t->task, 0, IO_PORTS))
			t->task->arch->set_ip(t->regs, acc->next_ip);
		else
			ipc_pagefault(k, t, io_fpage_make(0, IO_PORTS_LOG2), false);
		return DEVTRAP_DONE;
	}
	if (!ioport_holds(t->task, tr->addr, acc->width)) {
		unsigned log2 = acc->width == 1 ? 0 : acc->width == 2 ? 1 : 2;
		ipc_pagefault(k, t, io_fpage_make(tr->addr, log2), acc->write);
		return DEVTRAP_DONE;
	}
	if (acc->string)
		return string_io(k, t, tr->addr, acc);
	perform(k, t, true, tr->addr, acc);
	return DEVTRAP_DONE;
}

enum devtrap_result devtrap_mmio(struct kernel *k, struct thread *t, word_t addr)
{
	pte_t pte = pt_lookup(&t->task->pt, addr >> PAGE_SHIFT);
	if (!(pte & PTE_DEVICE))
		return DEVTRAP_NONE;
	const struct arch *a = t->task->arch;
	struct task_mem cx = {k, t->task};
	struct dev_access acc = {.reg = ACC_NO_REG, .wb_reg = ACC_NO_REG};
	if (!a->decode_access || !a->decode_access(t->regs, addr, &acc, task_mem_read, &cx) ||
	    ((addr & (PAGE_SIZE - 1)) + acc.width > PAGE_SIZE))
		return DEVTRAP_BADINSN;
	if (acc.write && !(pte & PTE_WRITE)) {
		ipc_pagefault(k, t, addr, true);
		return DEVTRAP_DONE;
	}
	perform(k, t, false, (PTE_FRAME(pte) << PAGE_SHIFT) | (addr & (PAGE_SIZE - 1)), &acc);
	return DEVTRAP_DONE;
}
