/* KDB0002 (pending: umol4 bug): outstring of a string on an untouched page prints it. */
/* Here: read-only data used nowhere else. The kernel has to page it in through the thread's
 * pager, as for any other access on its behalf; umol4 prints nothing and reports "kdebug
 * string at 0x... is not mapped" on stderr. */
#define ID "KDB0002"
#include "conf.h"
#include <l4/sys/kdebug.h>

/* Page-aligned and page-sized, so that the string has its page to itself. */
static const char text[4096] __attribute__((aligned(4096))) = ID " a string on a fresh page\n";

int main(void)
{
	outstring(text);
	say("done");
	return 0;
}
