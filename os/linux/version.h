#pragma once
#include <stdio.h>

/* `TOOL --version`: the release, the git revision it was built from, the ISAs whose runtime
 * lies next to the tool, the qemu-user each ISA would run under, and (umol4's, if not NULL) the
 * confinement of task processes this host allows. Shared by umol4, umol4-trace and umol4-bench
 * (umol4-cc asks umol4). */
void umol4_print_version(FILE *out, const char *tool, const char *isolation);
