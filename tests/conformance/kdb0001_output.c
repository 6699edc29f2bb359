/* KDB0001: kdebug output: outchar, outstring, outhex32/20/16/12/8, outdec, with printf. */
#define ID "KDB0001"
#include "conf.h"
#include <l4/sys/kdebug.h>

static char page[2][4096] __attribute__((aligned(4096)));

/* outstring of a string the task has touched: umol4 prints nothing for a string on a page
 * that is not mapped yet (pending/kdb0002_unmapped.c), and strlen touches every page. */
static void out(const char *s)
{
	if (strlen(s) < 0x10000)
		outstring(s);
}

static void label(const char *what)
{
	out(ID " ");
	out(what);
	out(":");
}

static void hex(void (*out)(int), const int *v, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		outchar(' ');
		out(v[i]);
	}
	outchar('\n');
}

int main(void)
{
	label("outchar");
	outchar(' ');
	for (char c = 'a'; c <= 'e'; c++)
		outchar(c);
	outchar('\n');
	say("a printf line between");
	static const int h[] = {0x12345678, (int)0xdeadbeef, 0, 0x1a5, -1};
	label("outhex32");
	hex(outhex32, h, 5);
	label("outhex20");
	hex(outhex20, h, 5);
	label("outhex16");
	hex(outhex16, h, 5);
	label("outhex12");
	hex(outhex12, h, 5);
	label("outhex8");
	hex(outhex8, h, 5);
	static const int d[] = {0, 7, -1, 123456789, 2147483647, (int)0x80000000};
	label("outdec");
	hex(outdec, d, 6);

	char *s = &page[0][4096 - 5]; /* a string across a page boundary */
	memcpy(s, "KDB0001 across a page\n", 23);
	out(s);
	static char line[1100];
	memcpy(line, ID " long:", 13);
	for (unsigned i = 13; i < 1000; i++)
		line[i] = (char)('0' + i % 10);
	line[1000] = '\n';
	out(line);
	say("done");
	return 0;
}
