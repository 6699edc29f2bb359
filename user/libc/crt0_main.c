/*
 * The C half of program start: crt0.S stores the entry registers in the globals below, switches to
 * the .bss stack and calls __crt0_main, which turns the Multiboot command line into argc/argv,
 * runs main and exits with its result.
 */
#include <l4/sys/l4int.h>
#include <l4/umol4/crt0.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARGS	 32
#define MBI_FLAG_CMDLINE (1UL << 2)

/* The first five words of a Multiboot information block, in the task's byte order. */
struct mbi_head {
	l4_uint32_t flags;
	l4_uint32_t mem_lower, mem_upper, boot_device;
	l4_uint32_t cmdline;
};

/* argv points into a private copy: the information block may be mapped read-only. */
static char cmdline[1024];
static char *argv[MAX_ARGS + 1];

int main(int argc, char **argv);
__attribute__((__noreturn__)) void __crt0_main(void);

static const char *multiboot_cmdline(void)
{
	const struct mbi_head *mbi = crt0_multiboot_info;

	if ((l4_umword_t)crt0_multiboot_flag != UMOL4_MULTIBOOT_MAGIC || !mbi)
		return NULL;
	if (!(mbi->flags & MBI_FLAG_CMDLINE) || !mbi->cmdline)
		return NULL;
	return (const char *)(l4_addr_t)mbi->cmdline;
}

static int split_cmdline(void)
{
	const char *src = multiboot_cmdline();
	char *p = cmdline;
	int argc = 0;

	if (!src)
		return 0;
	strncpy(cmdline, src, sizeof(cmdline) - 1);
	while (argc < MAX_ARGS) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	*p = '\0'; /* a 33rd argument is dropped rather than glued to the 32nd */
	return argc;
}

void __crt0_main(void)
{
	int argc = split_cmdline();

	argv[argc] = NULL;
	exit(main(argc, argv));
}
