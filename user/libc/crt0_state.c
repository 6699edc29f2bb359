/* What crt0.S found at program entry (<l4/umol4/crt0.h>). Apart from __crt0_main, so that
 * library code reading them (exit, the loader client) does not bring in crt0_main.c and with it
 * a demand for main() into a program with a crt0 of its own; there they stay zero. */
#include <l4/umol4/crt0.h>

l4_mword_t crt0_multiboot_flag;
void *crt0_multiboot_info;
void *__crt0_kip;
