/* umol4: boots an L4 V2 system (sigma0 + a root task) from ELF files and runs it until the
 * program exits. Exit statuses are documented in docs/usage.md and --help. */
#include "arch/isas.h"
#include "core/boot.h"
#include "core/irq.h"
#include "core/kip.h"
#include "core/plat.h"
#include "core/report.h"
#include "core/sched.h"
#include "core/schedule.h"
#include "core/syscall.h"
#include "core/task.h"
#include "core/trace.h"
#include "os/linux/bootplan.h"
#include "os/linux/clock.h"
#include "os/linux/confine.h"
#include "os/linux/gdbstub.h"
#include "os/linux/guard.h"
#include "os/linux/runloop.h"
#include "os/linux/hostdev.h"
#include "os/linux/console.h"
#include "os/linux/crash.h"
#include "os/linux/elfload.h"
#include "os/linux/exitreport.h"
#include "os/linux/symbolize.h"
#include "os/linux/taskproc.h"
#include "os/linux/usage.h"
#include "os/linux/trace_json.h"
#include "os/linux/version.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* --spin: how often a stub yields the CPU waiting for the kernel before it sleeps; at ~0.3 µs a
 * yield, some 300 µs. */
#define STUB_SPIN_YIELDS 1000


void plat_clock_start(void);

static int die_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "umol4: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (try 'umol4 --help')\n");
	return EXIT_USAGE;
}

/* build/bin/umol4 -> build/lib/umol4 */
static bool find_libdir(char *out, size_t n)
{
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return false;
	exe[len] = 0;
	snprintf(out, n, "%s/../lib/umol4", dirname(exe));
	return true;
}

/* Tells the fault reports which file each program the kernel will name comes from: sigma0, the
 * root task and every boot module that is a file (its first command-line word). */
static void register_programs(const struct boot_plan *plan, const char *sigma0_path)
{
	sym_add_program(sigma0_path, "sigma0");
	sym_add_program(plan->root, 0);
	for (unsigned i = 0; i < plan->nmods; i++) {
		char file[PATH_MAX];
		if (plan->mod_text[i] || sscanf(plan->mod_cmdline[i], "%4095s", file) != 1)
			continue;
		sym_add_program(file, 0);
	}
}

/* Returns the CPU the instance now runs on, or -1. */
static int pin_cpu(int cpu)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	if (cpu < 0) {
		long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		cpu = (int)(getpid() % (ncpu > 0 ? ncpu : 1));
	}
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof set, &set) == 0)
		return cpu;
	fprintf(stderr, "umol4: cannot pin to CPU %d: %s (running unpinned)\n", cpu,
		strerror(errno));
	return -1;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {{"mem", required_argument, 0, 'm'},
					     {"emulate", no_argument, 0, 'E'},
					     {"sigma0", required_argument, 0, 'S'},
					     {"cpu", required_argument, 0, 'C'},
					     {"no-pin", no_argument, 0, 'P'},
					     {"help", no_argument, 0, 'h'},
					     {"root", required_argument, 0, 'R'},
					     {"module", required_argument, 0, 'M'},
					     {"trace", required_argument, 0, 'T'},
					     {"deterministic", no_argument, 0, 'D'},
					     {"check-mappings", no_argument, 0, 'K'},
					     {"config", required_argument, 0, 'G'},
					     {"no-loader", no_argument, 0, 'N'},
					     {"no-spin", no_argument, 0, 'W'},
					     {"unconfined", no_argument, 0, 'U'},
					     {"kmem", required_argument, 0, 'k'},
					     {"version", no_argument, 0, 'v'},
					     {"service", required_argument, 0, 'Y'},
					     {"kdebug", required_argument, 0, 'B'},
					     {"timeout", required_argument, 0, 'O'},
					     {"exit-report", required_argument, 0, 'X'},
					     {"gdb", optional_argument, 0, 'g'},
					     {"serial", required_argument, 0, HOSTDEV_OPT_SERIAL},
					     {"net", required_argument, 0, HOSTDEV_OPT_NET},
					     {"mac", required_argument, 0, HOSTDEV_OPT_MAC},
					     {0, 0, 0, 0}};
	const char *module_spec[MAX_BOOT_MODULES], *service_spec[MAX_BOOT_MODULES], *trace_path = 0;
	const char *exit_report = 0, *gdb_spec = 0;
	bool kdebug_continue = false;
	double timeout = 0;
	struct boot_request req = {
	    .mode = ROOT_LOADER, .modules = module_spec, .services = service_spec};
	unsigned nmod_spec = 0;
	unsigned long mem_mib = 256, kmem_mib = 0;
	bool emulate = false, pin = true, check_mappings = false, spin = true, unconfined = false;
	int cpu = -1;
	const char *sigma0_path = 0;
	char err[512];
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+m:h", opts, 0)) != -1) {
		char *end;
		switch (c) {
		case 'm':
			errno = 0;
			mem_mib = strtoul(optarg, &end, 10);
			if (errno || *end || mem_mib < 16 || mem_mib > 3072)
				return die_usage(
				    "--mem wants a size in MiB between 16 and 3072, not '%s'",
				    optarg);
			break;
		case 'k':
			errno = 0;
			kmem_mib = strtoul(optarg, &end, 10);
			if (errno || *end || kmem_mib < 4 || kmem_mib > 65536)
				return die_usage(
				    "--kmem wants a size in MiB between 4 and 65536, not '%s'", optarg);
			break;
		case 'E':
			emulate = true;
			break;
		case 'S':
			sigma0_path = optarg;
			break;
		case 'C':
			errno = 0;
			cpu = (int)strtol(optarg, &end, 10);
			if (errno || *end || cpu < 0 || cpu >= CPU_SETSIZE)
				return die_usage("--cpu wants a CPU number, not '%s'", optarg);
			break;
		case 'P':
			pin = false;
			break;
		case 'R':
			req.mode = strcmp(optarg, "loader") ? ROOT_FILE : ROOT_LOADER;
			req.root_file = optarg;
			break;
		case 'N':
			req.mode = ROOT_PROGRAM;
			break;
		case 'U':
			unconfined = true;
			break;
		case 'W':
			spin = false;
			break;
		case 'G':
			req.config = optarg;
			break;
		case 'B':
			if (strcmp(optarg, "stop") && strcmp(optarg, "continue"))
				return die_usage("--kdebug wants 'stop' or 'continue', not '%s'",
						 optarg);
			kdebug_continue = !strcmp(optarg, "continue");
			break;
		case 'O':
			errno = 0;
			timeout = strtod(optarg, &end);
			if (errno || *end || end == optarg || !(timeout > 0) || timeout > 1e7)
				return die_usage("--timeout wants a number of seconds, not '%s'",
						 optarg);
			break;
		case 'X':
			exit_report = optarg;
			break;
		case 'g':
			gdb_spec = optarg ? optarg : "";
			break;
		case HOSTDEV_OPT_SERIAL:
		case HOSTDEV_OPT_NET:
		case HOSTDEV_OPT_MAC:
			if (!hostdev_option(c, optarg, err, sizeof err))
				return die_usage("%s", err);
			break;
		case 'T':
			trace_path = optarg;
			break;
		case 'D':
			clock_make_virtual();
			break;
		case 'K':
			check_mappings = true;
			break;
		case 'M':
			if (nmod_spec == MAX_BOOT_MODULES)
				return die_usage("%s", "at most 32 --module options");
			module_spec[nmod_spec++] = optarg;
			break;
		case 'Y':
			if (req.nservices == MAX_BOOT_MODULES)
				return die_usage("%s", "at most 32 --service options");
			service_spec[req.nservices++] = optarg;
			break;
		case 'h':
			umol4_usage(stdout);
			return 0;
		case 'v': {
			char why[256];
			umol4_print_version(stdout, "umol4",
					    confine_prepare(why, sizeof why) ? confine_describe()
									     : why);
			return 0;
		}
		default:
			if (optopt)
				return die_usage("unknown or incomplete option '-%s'",
						 (char[]){(char)optopt, 0});
			return die_usage("unknown or incomplete option '%s'", argv[optind - 1]);
		}
	}
	char libdir[PATH_MAX];
	if (!find_libdir(libdir, sizeof libdir)) {
		fprintf(stderr, "umol4: cannot locate my own installation directory\n");
		return EXIT_INTERNAL;
	}
	req.nmodules = nmod_spec;
	req.words = argv + optind;
	req.nwords = argc - optind;
	req.libdir = libdir;
	static struct boot_plan plan;
	if (!boot_plan_make(&req, &plan, err, sizeof err)) {
		fprintf(stderr, "umol4: %s%s\n", err,
			strcmp(err, "no program given") ? "" : " (try 'umol4 --help')");
		return EXIT_USAGE;
	}
	const char *prog = plan.root;
	struct elf_image root_img, s0_img;
	if (!elf_probe(prog, &root_img, err, sizeof err)) {
		fprintf(stderr, "umol4: %s\n", err);
		return EXIT_USAGE;
	}
	char s0_default[PATH_MAX + 64];
	if (!sigma0_path) {
		snprintf(s0_default, sizeof s0_default, "%s/%s/sigma0.elf", libdir,
			 root_img.arch->name);
		sigma0_path = s0_default;
	}

	word_t phys_size = (word_t)(mem_mib << 20);
	int phys_fd = memfd_create("umol4-physmem", MFD_CLOEXEC);
	uint8_t *phys = MAP_FAILED;
	if (phys_fd >= 0 && ftruncate(phys_fd, phys_size) == 0)
		phys = mmap(0, phys_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE,
			    phys_fd, 0);
	if (phys == MAP_FAILED) {
		fprintf(stderr, "umol4: cannot create %lu MiB of physical memory: %s\n", mem_mib,
			strerror(errno));
		return EXIT_INTERNAL;
	}
	if (!elf_load(sigma0_path, phys, phys_size, PHYS_KERNEL_END, &s0_img, err, sizeof err) ||
	    !elf_load(prog, phys, phys_size, PHYS_KERNEL_END, &root_img, err, sizeof err)) {
		fprintf(stderr, "umol4: %s\n", err);
		return EXIT_USAGE;
	}
	if (s0_img.low < root_img.high && root_img.low < s0_img.high) {
		fprintf(stderr, "umol4: %s overlaps sigma0 (0x%08x-0x%08x) in physical memory\n",
			prog, s0_img.low, s0_img.high);
		return EXIT_USAGE;
	}
	struct boot_module mods[MAX_BOOT_MODULES];
	word_t next = root_img.high > s0_img.high ? root_img.high : s0_img.high;
	for (unsigned i = 0; i < plan.nmods; i++) {
		if (!boot_plan_load_module(&plan, i, phys, phys_size, &next, &mods[i], err,
					   sizeof err)) {
			fprintf(stderr, "umol4: %s\n", err);
			return EXIT_USAGE;
		}
	}

	if (trace_path && !trace_open(trace_path)) {
		fprintf(stderr, "umol4: cannot write the trace %s: %s\n", trace_path,
			strerror(errno));
		return EXIT_USAGE;
	}
	/* a report that cannot be written is a usage error now, not a lost report at the end */
	FILE *report_file = exit_report ? fopen(exit_report, "w") : 0;
	if (exit_report && (!report_file || fclose(report_file) != 0)) {
		fprintf(stderr, "umol4: cannot write the exit report %s: %s\n", exit_report,
			strerror(errno));
		return EXIT_USAGE;
	}
	if (gdb_spec && !gdbstub_listen(gdb_spec, err, sizeof err)) {
		fprintf(stderr, "umol4: %s\n", err);
		return EXIT_USAGE;
	}
	int kernel_cpu = pin ? pin_cpu(cpu) : -1;
	/* spinning needs a CPU for the kernel and another for the tasks */
	if (kernel_cpu < 0 || sysconf(_SC_NPROCESSORS_ONLN) < 2)
		spin = false;
	plat_clock_start();
	static struct kernel k;
	kernel_init(&k, phys, phys_size);
	k.tracing = trace_path != 0;
	/* kernel memory for mappings: by default enough to map all of physical memory a few
	 * times over; one address space may take half of it (docs/security.md) */
	k.kmem.limit = (uint64_t)(kmem_mib ? kmem_mib : 32 + mem_mib / 4) << 20;
	k.kmem.space_limit = k.kmem.limit / 2;
	k.kdebug_continue = kdebug_continue;
	if (!hostdev_setup(&k, err, sizeof err)) {
		fprintf(stderr, "umol4: %s\n", err);
		return EXIT_USAGE;
	}
	register_programs(&plan, sigma0_path);
	const char *name = strrchr(prog, '/') ? strrchr(prog, '/') + 1 : prog;
	struct boot_image bs = {s0_img.arch, "sigma0", s0_img.entry, s0_img.low, s0_img.high};
	struct boot_image br = {root_img.arch, name, root_img.entry, root_img.low, root_img.high};
	if (!kernel_boot(&k, &bs, &br, plan.root_cmdline, mods, plan.nmods)) {
		fprintf(stderr, "umol4: out of memory while booting\n");
		return EXIT_INTERNAL;
	}

	char title[32];
	snprintf(title, sizeof title, "umol4-k%d", (int)getpid());
	prctl(PR_SET_NAME, title);
	/* no task process may trace the kernel or open its memory (docs/security.md) */
	prctl(PR_SET_DUMPABLE, 0);
	/* a host without what confinement needs still runs L4 programs, and says so */
	*err = 0;
	if (!unconfined && (!confine_prepare(err, sizeof err) || !guard_start(spin ? kernel_cpu : -1))) {
		fprintf(stderr, "umol4: warning: task processes run unconfined: %s\n",
			*err ? err : "cannot start the supervisor of task processes");
		unconfined = true;
	}
	kip_set_frequency(&k, host_cpu_mhz());
	kip_set_call_entries(&k, arch_isas);
	if (!clock_is_virtual() && !clock_start(&k)) {
		fprintf(stderr, "umol4: cannot start the clock thread\n");
		return EXIT_INTERNAL;
	}
	struct instance_cfg cfg = {&k,	      libdir,	      phys_fd,
				   emulate,   check_mappings, false,
				   getpid(),  name,	      spin ? STUB_SPIN_YIELDS : 0,
				   kernel_cpu, unconfined};
	cfg.inject_stale = getenv("UMOL4_INJECT_STALE_MAPPINGS") != 0;
	tp_setup(&cfg);
	crash_setup();
	if (!runloop_views(timeout)) {
		fprintf(stderr, "umol4: cannot arm the --timeout: %s\n", strerror(errno));
		return EXIT_INTERNAL;
	}
	if (gdb_spec)
		gdbstub_attach(&k, root_img.arch, req.mode == ROOT_LOADER ? ROOT_TASK + 1 : ROOT_TASK);
	bool signalled = false;
	int status = runloop_run(&k, &signalled);
	gdbstub_exit(&k, status);
	if (gdbstub_killed())
		fprintf(stderr, "umol4: killed by the debugger\n");
	static const char *const how[] = {"internal", "exit", "fault", "deadlock", "kdebug"};
	const char *reason = status == EXIT_TIMEOUT && signalled ? "timeout"
			     : signalled || gdbstub_killed()  ? "signal"
			     : status == EXIT_TASK_DIED	       ? "host"
			     : k.run == RUN_FATAL ? (k.stop.reason == STOP_FAULT ? "fault" : "exception")
						  : how[k.run];
	if (status == EXIT_TIMEOUT && signalled)
		report_threads(&k, "timeout: the run took longer than --timeout; its threads:");
	else if (signalled)
		report_threads(&k, "threads when the signal came:");
	else if (status == EXIT_TASK_DIED && k.current && k.current->task->host &&
		 !((struct taskproc *)k.current->task->host)->pid)
		plat_thread_details(&k, k.current, true); /* its process died under it */
	struct exit_facts facts;
	exit_facts_gather(&k, reason, status, &facts);
	/* a program's own exit is traced where it happens; every other end gets its event here */
	if (k.run != RUN_EXITED)
		exit_trace(&k, &facts);
	if (exit_report && !exit_report_write(exit_report, &facts))
		fprintf(stderr, "umol4: cannot write the exit report %s: %s\n", exit_report,
			strerror(errno));
	tp_kill_all();
	console_restore();
	trace_close();
	if (status == EXIT_TIMEOUT && signalled)
		fprintf(stderr, "umol4: stopped by --timeout\n");
	else if (signalled)
		fprintf(stderr, "umol4: stopped by signal %d\n", status - EXIT_SIGNAL_BASE);
	sym_release_all();
	kernel_destroy(&k);
	boot_plan_free(&plan);
	return status;
}
