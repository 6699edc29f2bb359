/* umol4-bench over the network card (net.c): helpers for instances that run beside the measured
 * one, and --cluster. */
#ifndef UMOL4_BENCH_NET_H
#define UMOL4_BENCH_NET_H

#include "scale.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* "vxvde://239.253.x.y": a multicast group of this run's own. */
void net_url(char *url, size_t n);
/* Waits up to timeout_s for pid's end (its exit status in *status); false on timeout or a stop
 * signal to umol4-bench. */
bool net_wait(pid_t pid, double timeout_s, int *status);
/* SIGTERM to pid's process group, SIGKILL after 5 s; reaps it and any orphan handed to us. */
void net_stop(pid_t pid);
/* An anonymous file in /tmp for an instance's output, and its first max bytes (malloc'd). */
int net_logfile(void);
char *net_read_log(int fd, size_t max);

/* --cluster: netecho pong instances with net_opt (--net=...), pinged by one more instance when
 * they are up. */
void net_cluster_prog(struct scale_prog *p, const char *net_opt);

#endif
