/*
 * There are no signals in an L4 task; this exists because ARM's libgcc reports an integer
 * division by zero by calling raise(SIGFPE). The task ends as a shell would show a process
 * killed by that signal.
 */
#include <stdio.h>
#include <stdlib.h>

int raise(int sig);

int raise(int sig)
{
	printf("raise(%d): no signal handling in L4 tasks, exiting\n", sig);
	exit(128 + sig);
}
