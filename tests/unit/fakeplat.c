/* The platform hooks for unit tests: a settable clock and captured output. */
#include "tests/unit/fakeplat.h"
#include "core/fmt.h"
#include "core/trace.h"

#include <stdlib.h>
#include <string.h>

uint64_t fake_now;
char fake_out[8192];
size_t fake_out_len;
char fake_log[16384];
size_t fake_log_len;
char fake_err[1024];
size_t fake_err_len;

void *plat_alloc(size_t size) { return calloc(1, size); }
void plat_free(void *p) { free(p); }
uint64_t plat_now_us(void) { return fake_now; }
int plat_inchar(bool nonblock)
{
	(void)nonblock;
	return 'x';
}
const char *plat_hostsys_name(word_t arch, word_t nr, char *buf, size_t n)
{
	kfmt(buf, n, "#%u (arch %x)", nr, arch);
	return buf;
}
void plat_busy(void) {}

unsigned fake_irq_attached;

void plat_irq_attach(unsigned irq, bool on)
{
	if (on)
		fake_irq_attached |= 1u << irq;
	else
		fake_irq_attached &= ~(1u << irq);
}

void plat_output(const char *s, size_t n)
{
	if (fake_out_len + n < sizeof fake_out) {
		memcpy(fake_out + fake_out_len, s, n);
		fake_out_len += n;
		fake_out[fake_out_len] = 0;
	}
}

void plat_error_output(const char *s, size_t n)
{
	if (fake_err_len + n < sizeof fake_err) {
		memcpy(fake_err + fake_err_len, s, n);
		fake_err_len += n;
		fake_err[fake_err_len] = 0;
	}
}

void plat_log(const char *line)
{
	size_t n = strlen(line);
	if (fake_log_len + n + 1 < sizeof fake_log) {
		memcpy(fake_log + fake_log_len, line, n);
		fake_log_len += n;
		fake_log[fake_log_len++] = '\n';
		fake_log[fake_log_len] = 0;
	}
}

void fake_reset(void)
{
	fake_now = 0;
	fake_out_len = fake_log_len = fake_err_len = 0;
	fake_out[0] = fake_log[0] = fake_err[0] = 0;
}

void plat_task_deleted(struct task *t) { (void)t; }

unsigned fake_trace_events;
unsigned long long plat_trace(const struct trace_ev *e)
{
	(void)e;
	return ++fake_trace_events;
}

/* The kernel's reports without the host's debugging views. */
const char *plat_thread_where(const struct thread *t, char *buf, size_t size)
{
	(void)t;
	if (size)
		buf[0] = 0;
	return buf;
}

void plat_thread_details(const struct kernel *k, const struct thread *t, bool registers)
{
	(void)k;
	(void)t;
	(void)registers;
}

const char *plat_fault_cause(const struct kernel *k, const struct thread *t, word_t addr)
{
	(void)k;
	(void)t;
	(void)addr;
	return 0;
}

uint8_t fakemem[64];

bool fakemem_read(void *cx, word_t va, void *buf, word_t len)
{
	(void)cx;
	if (va < FAKEMEM_VA || va + len > FAKEMEM_VA + sizeof fakemem)
		return false;
	memcpy(buf, fakemem + (va - FAKEMEM_VA), len);
	return true;
}

void fakemem_put_word(unsigned off, word_t w, bool be)
{
	for (int i = 0; i < 4; i++)
		fakemem[off + i] = (uint8_t)(be ? w >> (24 - 8 * i) : w >> (8 * i));
}
