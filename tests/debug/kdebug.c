/* enter_kdebug: by default the instance stops there with the text, the report and the thread
 * list (status 125); with --kdebug=continue the program goes on. On ARM and MIPS the text is
 * read from memory: here from a page of its own that nothing touched before. */
#include <l4/sys/kdebug.h>
#include <stdio.h>

#ifndef __i386__
__attribute__((aligned(4096))) static const char text[4096] = "checkpoint reached";
#endif

__attribute__((noinline)) static void checkpoint(void)
{
#ifdef __i386__
	enter_kdebug("checkpoint reached"); /* ia32: the text follows the int3 */
#else
	enter_kdebug(text);
#endif
}

int main(void)
{
	printf("before\n");
	checkpoint();
	printf("after\n");
	return 7;
}
