#pragma once
#include <stdio.h>

/* `TOOL --version`: the release, the git revision it was built from, the ISAs whose runtime
 * lies next to the tool, the qemu-user each ISA would run under, and (umol4's, if not NULL) the
 * confinement of task processes this host allows. Shared by umol4, umol4-trace and umol4-bench
 * (umol4-cc asks umol4). */
void umol4_print_version(FILE *out, const char *tool, const char *isolation);
/* The qemu-user binary for qemu name ("qemu-arm") that task processes run under, into buf:
 * /usr/bin/qemu-arm-static when it is there (Debian's qemu-user-static: no dynamic linking, a
 * third of the CPU time to start), else /usr/bin/qemu-arm. */
const char *qemu_binary(const char *qemu, char *buf, size_t n);
