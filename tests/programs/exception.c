/* L4P0011: the V2 exception model: an illegal instruction goes to the handler the thread
 * installed for vector 6 (ia32: its IDT via lidt; arm/mips: the umol4 exception table), and the
 * program goes on there instead of being killed. */
#include "testisa.h"
#include <l4/umol4/exception.h>
#include <stdio.h>
#include <stdlib.h>

static umol4_exc_table_t table;

static void on_invalid_opcode(void)
{
	printf("caught vector 6\n");
	exit(0);
}

int main(void)
{
	umol4_exc_set(&table, 6, on_invalid_opcode);
	umol4_exc_install(&table);
	printf("handler installed\n");
	illegal_instruction();
	printf("not reached\n");
	return 1;
}
