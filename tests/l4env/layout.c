/* L4E0009: the link conventions of L4Env's main_stat.ld with umol4's own crt0: _stext, _etext,
 * _edata and _end exist; the entry code (_start) is the first code, so main lies inside
 * [_start, _etext); read-only data lies in [_stext, _etext); initialised data in
 * [_etext, _edata), bss in [_edata, _end); and write-touching [_etext, _end) page by page from
 * the page _etext lies in, as L4Env's l4_touch_rw(&_etext, &_end - &_etext) does, works and
 * leaves the data as it was. */
#include <l4/sys/consts.h>
#include <l4/sys/types.h>
#include <stdio.h>

extern char _stext[], _etext[], _edata[], _end[];
void _start(void);

static const char greeting[] = "read-only";
static int initialised = 42;
static int zeroed;

/* An address the compiler cannot reason about: it would take two distinct symbols to differ. */
static l4_addr_t address(const void *p)
{
	l4_addr_t a = (l4_addr_t)p;
	__asm__("" : "+r"(a));
	return a;
}

static const char *inside(const void *p, const void *lo, const void *hi)
{
	return address(p) >= address(lo) && address(p) < address(hi) ? "yes" : "no";
}

/* What L4Env's l4_touch_rw does: one write per page, from the page the range starts in. */
static void touch_rw(const void *start, l4_size_t size)
{
	for (l4_addr_t a = l4_trunc_page(address(start)); a < address(start) + size;
	     a += L4_PAGESIZE)
		__asm__ __volatile__("" : : "r"(*(volatile char *)a = *(volatile char *)a));
}

int main(void)
{
	printf("layout: _start is the first code: %s\n",
	       address((const void *)_start) == address(_stext) ? "yes" : "no");
	printf("layout: main in [_start, _etext): %s\n",
	       inside((const void *)main, (const void *)_start, _etext));
	printf("layout: read-only data in [_stext, _etext): %s\n",
	       inside(greeting, _stext, _etext));
	printf("layout: data in [_etext, _edata): %s, bss in [_edata, _end): %s\n",
	       inside(&initialised, _etext, _edata), inside(&zeroed, _edata, _end));
	touch_rw(_etext, (l4_size_t)(address(_end) - address(_etext)));
	printf("layout: touched [_etext, _end) for writing; data still %d %d, %s\n", initialised,
	       zeroed, greeting);
	return 0;
}
