/* L4P0005: an illegal instruction is reported and ends the instance with the fault status. */
#include "testisa.h"
#include <stdio.h>

int main(void)
{
	printf("executing an illegal instruction\n");
	illegal_instruction();
	printf("not reached\n");
	return 0;
}
