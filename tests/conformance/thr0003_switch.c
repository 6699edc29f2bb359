/* THR0003: l4_yield alternates equal-priority threads round robin; thread_switch picks the next. */
#define ID "THR0003"
#include "conf.h"

static char trace[64];
static volatile unsigned ntrace;

static void mark(char c)
{
	trace[ntrace++] = c;
}

/* Lthread n marks 'a' + n five times, yielding after each. */
static void marker(void)
{
	char c = (char)('a' + l4_myself().id.lthread);
	for (int i = 0; i < 5; i++) {
		mark(c);
		l4_yield();
	}
}

/* Starts markers first..last; none runs before main yields (timeslices are long). */
static void start(unsigned first, unsigned last)
{
	for (unsigned n = first; n <= last; n++) {
		conf_spawn(n, marker);
		conf_long_slice(n);
	}
}

static void show(const char *what)
{
	trace[ntrace] = 0;
	say("%s: %s", what, trace);
	ntrace = 0;
}

int main(void)
{
	conf_long_slice(0);
	l4_yield();
	mark('a');
	show("yield alone");

	start(1, 1);
	for (int i = 0; i < 5; i++) {
		mark('a');
		l4_yield();
	}
	show("two threads yielding");

	start(2, 3);
	for (int i = 0; i < 5; i++) {
		mark('a');
		l4_yield();
	}
	show("three threads yielding");

	start(1, 3);
	mark('a');
	l4_thread_switch(conf_id(3));
	say("thread_switch to the last of three ready threads runs it next: %s",
	    okfail(ntrace >= 2 && trace[1] == 'd'));
	while (ntrace < 16)
		l4_yield();
	ntrace = 0;

	conf_spawn(4, conf_park);
	conf_long_slice(4);
	start(1, 1);
	mark('a');
	l4_thread_switch(conf_id(4));
	mark('a');
	l4_threadid_t gone = conf_id(0);
	gone.id.task = 100;
	l4_thread_switch(gone);
	mark('a');
	show("thread_switch to a blocked thread, to a nonexistent one");
	return 0;
}
