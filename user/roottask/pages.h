/* Which loader frame backs which page of which task: the loader's record of every page it mapped
 * (or will map on the next fault) into a program's space. */
#ifndef UMOL4_ROOTTASK_PAGES_H
#define UMOL4_ROOTTASK_PAGES_H

#include <l4/sys/types.h>

#define PAGE_WRITABLE 1UL /* kept in the frame address's low bits */

/* Records task's page va → frame (page aligned) | PAGE_WRITABLE; 0 if the table is full. */
int pages_add(unsigned task, l4_addr_t va, l4_addr_t frame);
/* The entry for task's page va, or 0. */
l4_addr_t pages_find(unsigned task, l4_addr_t va);
/* Upgrades an existing entry to writable. */
void pages_make_writable(unsigned task, l4_addr_t va);
/* Forgets task's page va; returns its frame (page aligned), or 0 if there was none. */
l4_addr_t pages_remove(unsigned task, l4_addr_t va);
/* Forgets every page of task, handing each frame to release; returns how many. */
unsigned long pages_drop_task(unsigned task, void (*release)(l4_addr_t frame));

#endif
