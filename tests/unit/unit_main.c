/* Runs the core unit tests: no processes, no host, just the core and the ISA backends. */
#include "tests/unit/unit.h"

int check_failures;

int main(void)
{
	const struct unit_test *suites[] = {ipc_tests, longipc_tests, clan_tests, map_tests, arch_tests, misc_tests, debug_tests, gdb_tests, riscv_tests, device_tests, virtio_tests, callentry_tests};
	int passed = 0, failed = 0;
	for (unsigned s = 0; s < sizeof suites / sizeof suites[0]; s++) {
		for (const struct unit_test *t = suites[s]; t->name; t++) {
			int before = check_failures;
			t->fn();
			if (check_failures == before) {
				passed++;
				printf("ok   %s\n", t->name);
			} else {
				failed++;
				printf("FAIL %s\n", t->name);
			}
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
