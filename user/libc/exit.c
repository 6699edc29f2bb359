#include <l4/loader/loader.h>
#include <l4/umol4/exit.h>
#include <stdio.h>
#include <stdlib.h>

/* Output still in the console buffer would be lost with the task. A program the loader started
 * ends only its own task (the loader kills it); otherwise the instance ends with the status. */
void exit(int status)
{
	fflush(stdout);
	loader_exit_notify(status);
	umol4_exit(status);
}
