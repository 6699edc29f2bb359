/* --version of the host tools. The runtime directory is found as umol4 finds it (bin/../lib/umol4),
 * and qemu as the task spawner runs it (/usr/bin/qemu-<isa>[-static]), so the text says what a run would
 * really use. */
#include "os/linux/version.h"
#include "umol4_version.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
	const char *isa, *libisa, *qemu;
} variants[] = {
    {"x86", "x86", 0},
    {"x86-emu", "x86", "qemu-i386"},
    {"arm", "arm", "qemu-arm"},
    {"mips", "mips", "qemu-mips"},
    {"mipsel", "mipsel", "qemu-mipsel"},
    {"riscv", "riscv", "qemu-riscv32"},
};

const char *qemu_binary(const char *qemu, char *buf, size_t n)
{
	snprintf(buf, n, "/usr/bin/%s-static", qemu);
	if (access(buf, X_OK) != 0)
		snprintf(buf, n, "/usr/bin/%s", qemu);
	return buf;
}

/* The first line of `qemu-X --version`, or why there is none. */
static void qemu_version(const char *qemu, char *out, size_t n)
{
	char path[64], cmd[96];
	qemu_binary(qemu, path, sizeof path);
	if (access(path, X_OK) != 0) {
		snprintf(out, n, "%s not found (Debian package qemu-user)", path);
		return;
	}
	snprintf(cmd, sizeof cmd, "%s --version 2>/dev/null", path);
	FILE *p = popen(cmd, "r");
	if (!p || !fgets(out, (int)n, p))
		snprintf(out, n, "%s does not tell its version", path);
	else
		out[strcspn(out, "\n")] = 0;
	if (p)
		pclose(p);
}

void umol4_print_version(FILE *out, const char *tool, const char *isolation)
{
	char exe[PATH_MAX], libdir[PATH_MAX + 32];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[len > 0 ? len : 0] = 0;
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = 0;
	snprintf(libdir, sizeof libdir, "%s/../lib/umol4", exe);
	char *real = realpath(libdir, 0);
	fprintf(out, "%s %s (git %s)\n", tool, UMOL4_VERSION, UMOL4_GIT_REVISION);
	fprintf(out, "runtime: %s\n", real ? real : "not found next to this program");
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		char probe[PATH_MAX + 96], how[256];
		snprintf(probe, sizeof probe, "%s/%s/roottask.elf", libdir, variants[i].libisa);
		bool have = real && access(probe, R_OK) == 0;
		if (variants[i].qemu)
			qemu_version(variants[i].qemu, how, sizeof how);
		else
			snprintf(how, sizeof how, "native");
		fprintf(out, "isa %-8s %-14s %s\n", variants[i].isa,
			have ? "runtime ok," : "no runtime,", how);
	}
	if (isolation)
		fprintf(out, "isolation: %s\n", isolation);
	free(real);
}
