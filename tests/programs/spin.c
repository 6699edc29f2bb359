/* L4P0008: runs until killed (for the process-hygiene test): keeps entering the kernel. */
#include <l4/sys/syscalls.h>
#include <stdio.h>

int main(void)
{
	printf("spinning\n");
	for (;;)
		l4_myself();
}
