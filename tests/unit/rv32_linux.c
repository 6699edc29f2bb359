/* The core unit tests under qemu-riscv32 (tests/unit/cross.cmake): Debian has no rv32 glibc,
 * so they link picolibc from the bare-metal riscv64-unknown-elf toolchain, and this file gives it
 * the three things a bare-metal libc leaves to the board, made of Linux system calls: stdout,
 * _exit and sbrk. rv32_linux.S starts it. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NR_write      64
#define NR_exit_group 94

static long linux_call(long nr, long a, long b, long c)
{
	register long a0 __asm__("a0") = a;
	register long a1 __asm__("a1") = b;
	register long a2 __asm__("a2") = c;
	register long a7 __asm__("a7") = nr;
	__asm__ __volatile__("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
	return a0;
}

static char line[256];
static unsigned used;

static void flush(void)
{
	if (used)
		linux_call(NR_write, 1, (long)line, used);
	used = 0;
}

static int put(char c, FILE *f)
{
	(void)f;
	line[used++] = c;
	if (c == '\n' || used == sizeof line)
		flush();
	return (unsigned char)c;
}

static FILE out = FDEV_SETUP_STREAM(put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdout = &out;
FILE *const stderr = &out;

void _exit(int status)
{
	flush();
	for (;;)
		linux_call(NR_exit_group, status, 0, 0);
}

/* malloc's memory: the tests' 16 MiB physical memory and the kernel's tables */
static char heap[64 << 20] __attribute__((aligned(16)));
static size_t heap_used;

void *sbrk(ptrdiff_t incr)
{
	if (incr < 0 ? (size_t)-incr > heap_used : (size_t)incr > sizeof heap - heap_used)
		return (void *)-1;
	void *p = heap + heap_used;
	heap_used += (size_t)incr;
	return p;
}

extern char __bss_start[], __bss_end[];
int main(void);

void rv32_linux_start(void)
{
	/* qemu maps the whole file page holding .data's end, so the part of .bss sharing that page
	 * holds whatever follows in the file; the pages behind it are fresh and zero */
	char *end = (char *)(((uintptr_t)__bss_start + 4095) & ~(uintptr_t)4095);
	for (char *p = __bss_start; p < end && p < __bss_end; p++)
		*p = 0;
	exit(main());
}
