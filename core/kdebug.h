#ifndef UMOL4_CORE_KDEBUG_H
#define UMOL4_CORE_KDEBUG_H

#include "core/kernel.h"

/* Performs the kdebug function of trap tr for thread t; t keeps running. */
void kdebug(struct kernel *k, struct thread *t, const struct trap *tr);

#endif
