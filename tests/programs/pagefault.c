/* L4P0002: fresh stack, bss and heap pages are paged in through sigma0 on first touch, and
 * their contents stay where they were written. The KIP is mapped where l4_kernel_interface says. */
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>
#include <stdlib.h>

#define BSS_SIZE (1u << 20)
static unsigned char bss[BSS_SIZE];

static unsigned deep_stack(unsigned depth)
{
	volatile unsigned char frame[3000];
	for (unsigned i = 0; i < sizeof frame; i += 512)
		frame[i] = (unsigned char)(depth + i);
	unsigned s = depth ? deep_stack(depth - 1) : 0;
	return s + frame[0];
}

int main(void)
{
	for (unsigned i = 0; i < BSS_SIZE; i += 4096)
		bss[i] = (unsigned char)(i >> 12);
	unsigned sum = 0;
	for (unsigned i = 0; i < BSS_SIZE; i += 4096)
		sum += bss[i];
	printf("bss: %u pages, sum %u\n", BSS_SIZE / 4096, sum);

	printf("stack: %u\n", deep_stack(15));

	unsigned n = 2u << 20;
	unsigned *heap = malloc(n);
	if (!heap) {
		printf("malloc failed\n");
		return 1;
	}
	for (unsigned i = 0; i < n / 4; i += 1024)
		heap[i] = i;
	unsigned ok = 1;
	for (unsigned i = 0; i < n / 4; i += 1024)
		ok &= heap[i] == i;
	printf("heap: %u pages %s\n", n / 4096, ok ? "ok" : "CORRUPT");

	l4_kernel_info_t *kip = l4_kernel_interface();
	printf("kip magic %s\n", kip->magic == L4_KERNEL_INFO_MAGIC ? "ok" : "WRONG");
	return ok ? 0 : 1;
}
