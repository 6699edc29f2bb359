#ifndef UMOL4_TEST_UNIT_H
#define UMOL4_TEST_UNIT_H

#include "arch/isas.h"
#include "core/kernel.h"
#include "tests/unit/check.h"

void unit_kernel_setup(void);
struct kernel *unit_kernel(void);
struct thread *unit_thread(unsigned task, unsigned lt, const struct arch *a);

extern const struct unit_test ipc_tests[], longipc_tests[], clan_tests[], map_tests[], arch_tests[], misc_tests[], debug_tests[], gdb_tests[], riscv_tests[], device_tests[], virtio_tests[], callentry_tests[];

#endif
