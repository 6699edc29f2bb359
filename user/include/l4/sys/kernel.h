/*
 * The kernel info page (2003 <l4/sys/kernel.h> layout; reference/l4-v2-abi.md §4.6). umol4 lays it
 * out identically on every ISA, each word in the task's byte order.
 */
#ifndef __L4_SYS_KERNEL_H__
#define __L4_SYS_KERNEL_H__

#include <l4/sys/types.h>

typedef struct {
	l4_umword_t magic;		   /* L4_KERNEL_INFO_MAGIC */
	l4_umword_t version;		   /* Fiasco: 0x01004444; Liedtke kernels: high 16 bits 0 */
	l4_uint8_t offset_version_strings; /* version strings at KIP + 16 * this */
	l4_uint8_t reserved[7];		   /* reserved[3] (0x0C): KIP-syscall flag */

	/* Boot table, identical to the kernel image's. */
	l4_umword_t init_default_kdebug;
	l4_umword_t default_kdebug_exception;
	l4_umword_t __unknown;
	l4_umword_t default_kdebug_end;

	l4_umword_t sigma0_esp;
	l4_umword_t sigma0_eip;
	l4_low_high_t sigma0_memory;

	l4_umword_t sigma1_esp;
	l4_umword_t sigma1_eip;
	l4_low_high_t sigma1_memory;

	l4_umword_t root_esp;
	l4_umword_t root_eip;
	l4_low_high_t root_memory;

	l4_umword_t l4_config; /* bits 0-7 page tables, 8-15 mapping nodes */
	l4_umword_t reserved2;
	l4_umword_t kdebug_config;
	l4_umword_t kdebug_permission;

	/* Memory descriptors: [low, high), high == 0 means empty. */
	l4_low_high_t main_memory;
	l4_low_high_t reserved0; /* kernel code */
	l4_low_high_t reserved1; /* kernel data */
	l4_low_high_t semi_reserved;
	l4_low_high_t dedicated[4];

	volatile l4_cpu_time_t clock; /* microseconds */

	l4_uint32_t reserved3[6];

	/* Fiasco's KIP-relative or absolute system-call entries (unused by umol4). */
	l4_uint32_t sys_ipc;
	l4_uint32_t sys_id_nearest;
	l4_uint32_t sys_fpage_unmap;
	l4_uint32_t sys_thread_switch;
	l4_uint32_t sys_thread_schedule;
	l4_uint32_t sys_lthread_ex_regs;
	l4_uint32_t sys_task_new;
} l4_kernel_info_t;

#define L4_KERNEL_INFO_MAGIC (0x4BE6344CL) /* "L4\xe6K" */

_Static_assert(__builtin_offsetof(l4_kernel_info_t, reserved[3]) == 0x0c, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, sigma0_esp) == 0x20, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, root_memory) == 0x48, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, l4_config) == 0x50, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, main_memory) == 0x60, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, dedicated) == 0x80, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, clock) == 0xa0, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, sys_ipc) == 0xc0, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, sys_task_new) == 0xd8, "KIP layout");

#endif
