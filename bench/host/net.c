/* umol4-bench over the network card (docs/performance.md, docs/cluster.md): the partner
 * instance of the frame figures, and --cluster, N instances on one vxvde network of which one
 * pings all the others. Every instance runs in a process group of its own and is stopped and
 * reaped here; umol4-bench is their subreaper, so nothing of them outlives it. */
#include "net.h"
#include "scale_proc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STOP_WAIT_S 5.0

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void net_url(char *url, size_t n)
{
	/* a group of this run's own: the tests' demos use 239.254 and 239.255 */
	unsigned id = (unsigned)getpid();
	snprintf(url, n, "vxvde://239.253.%u.%u", id / 256 % 256, id % 256);
}

bool net_wait(pid_t pid, double timeout_s, int *status)
{
	double end = now_s() + timeout_s;
	int st;
	for (;;) {
		pid_t done = waitpid(pid, &st, WNOHANG);
		if (done == pid) {
			*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
			return true;
		}
		if (done < 0 && errno != EINTR)
			return false;
		if (now_s() > end || scale_stop_signal())
			return false;
		nanosleep(&(struct timespec){0, 10000000}, 0);
	}
}

void net_stop(pid_t pid)
{
	int st;
	if (pid <= 0)
		return;
	kill(-pid, SIGTERM); /* umol4 kills and reaps its task processes */
	if (!net_wait(pid, STOP_WAIT_S, &st)) {
		kill(-pid, SIGKILL);
		waitpid(pid, &st, 0);
	}
	while (waitpid(-1, 0, WNOHANG) > 0) /* task processes handed to us, the subreaper */
		;
}

int net_logfile(void)
{
	return open("/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
}

char *net_read_log(int fd, size_t max)
{
	char *buf = malloc(max + 1);
	ssize_t got = buf ? pread(fd, buf, max, 0) : -1;
	if (buf)
		buf[got > 0 ? got : 0] = 0;
	return buf;
}

/* --cluster: one more instance pings every answering one (netecho ping 1 N). */
static bool ping_all(const struct scale_prog *p, struct instance *ins, int n,
		     struct scale_result *res, char *why, size_t wn)
{
	struct scale_net *net = &res->net;
	char elf[sizeof p->elfdir + 32], peers[16];
	snprintf(elf, sizeof elf, "%s/%s", p->elfdir, p->prog);
	snprintf(peers, sizeof peers, "%d", n);
	char *argv[12] = {(char *)p->umol4}, **a = argv + 1;
	if (p->isa_opt)
		*a++ = (char *)p->isa_opt;
	for (int i = 0; p->opts[i]; i++)
		*a++ = (char *)p->opts[i];
	*a++ = elf;
	*a++ = "ping";
	*a++ = "1";
	*a++ = peers;
	*a = 0;
	net->peers = n;
	net->ping_status = -1;
	int log = net_logfile();
	if (log < 0) {
		snprintf(why, wn, "no log file for the pinger: %s", strerror(errno));
		return false;
	}
	census(ins, n, CENSUS_CPU);
	uint64_t ns0 = 0, ns1 = 0;
	for (int i = 0; i < n; i++)
		ns0 += ins[i].cpu_ns;
	pid_t pid = scale_spawn(argv, log);
	/* netecho gives up after 400 + 4 N probes 0.13 s apart; the instance needs less time */
	if (pid < 0 || !net_wait(pid, 60 + 0.2 * n, &net->ping_status))
		net_stop(pid);
	census(ins, n, CENSUS_CPU);
	for (int i = 0; i < n; i++)
		ns1 += ins[i].cpu_ns;
	net->round_cpu_ms = (double)(ns1 - ns0) / 1e6 / n;
	char *out = net_read_log(log, 64 * 1024 + 80 * (size_t)n);
	close(log);
	net->answered = 0;
	net->reach_all_ms = -1;
	for (const char *l = out; l && (l = strstr(l, "netecho: reply 0 from ")); l++)
		net->answered++;
	const char *total = out ? strstr(out, "netecho: 1 rounds in ") : 0;
	if (total)
		net->reach_all_ms = strtod(total + strlen("netecho: 1 rounds in "), 0) / 1000;
	bool ok = net->ping_status == 0 && net->answered == n;
	if (!ok)
		snprintf(why, wn, "%d of %d instances answered the ping (pinger: %s %d): %.150s",
			 net->answered, n, net->ping_status < 0 ? "stopped, status" : "status",
			 net->ping_status, out ? out : "");
	free(out);
	return ok;
}

void net_cluster_prog(struct scale_prog *p, const char *net_opt)
{
	*p = (struct scale_prog){.prog = "examples/netecho.elf",
				 .opts = {"--mem=64", net_opt},
				 .args = {"pong", "0"},
				 .ready = "netecho: pong on",
				 .between = ping_all};
}
