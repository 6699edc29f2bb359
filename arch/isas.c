#include "arch/isas.h"

const struct arch *const arch_isas[] = {&arch_x86,    &arch_arm,   &arch_mips,
					&arch_mipsel, &arch_riscv, 0};

const struct arch *arch_by_elf(unsigned machine, bool big_endian)
{
	for (const struct arch *const *a = arch_isas; *a; a++)
		if ((*a)->elf_machine == machine && (*a)->big_endian == big_endian)
			return *a;
	return 0;
}
