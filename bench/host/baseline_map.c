/* Host baselines of a page fault's host part: the one-page mmap of physical memory a task's
 * stub makes, alone and under a seccomp user-notification filter whose supervisor thread answers
 * on the same CPU, as umol4's does (os/linux/guard.c): the difference is what the check of a
 * mapping costs, apart from the check itself. */
#include "umol4_bench.h"

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

/* ns per MAP_FIXED mapping of one page of a memfd over a reserved range, pages times; the
 * pages are not touched (first_touch is its own baseline) */
static double map_pages(long pages)
{
	int fd = memfd_create("umol4-bench-map", 0);
	if (fd < 0 || ftruncate(fd, (off_t)pages * PAGE)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	char *area = mmap(0, (size_t)pages * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	double t = -1;
	if (area != MAP_FAILED) {
		t = now_ns();
		long i = 0;
		/* every other page: neighbours with consecutive offsets would merge into one VMA */
		for (; i < pages; i += 2)
			if (mmap(area + i * PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
				 fd, (off_t)i * PAGE) == MAP_FAILED)
				break;
		t = i >= pages ? (now_ns() - t) / ((pages + 1) / 2) : -1;
		munmap(area, (size_t)pages * PAGE);
	}
	close(fd);
	return t;
}

double b_mmap_page(int partner, long n)
{
	(void)partner;
	return map_pages(n);
}

static int listener = -1;

/* Answers every notification with "continue", as umol4's supervisor answers a granted mapping. */
static void *supervise(void *arg)
{
	(void)arg;
	struct seccomp_notif_sizes sizes;
	if (syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) || sizes.seccomp_notif > 512 ||
	    sizes.seccomp_notif_resp > 512)
		return 0;
	int ep = epoll_create1(0);
	struct epoll_event ev = {.events = EPOLLIN};
	while (__atomic_load_n(&listener, __ATOMIC_ACQUIRE) < 0)
		sched_yield();
	if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev))
		return 0;
	for (;;) {
		union {
			struct seccomp_notif n;
			char space[512];
		} req;
		union {
			struct seccomp_notif_resp r;
			char space[512];
		} resp;
		if (epoll_wait(ep, &ev, 1, -1) != 1)
			continue;
		memset(&req, 0, sizeof req);
		memset(&resp, 0, sizeof resp);
		if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req))
			continue;
		resp.r.id = req.n.id;
		resp.r.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	}
	return 0;
}

/* In a child (the filter stays for good): a supervisor thread, then a filter on the measuring
 * thread that sends every mmap to it. The result comes back through a pipe. */
double b_mmap_checked(int partner, long n)
{
	(void)partner;
	int pfd[2];
	if (pipe(pfd))
		return -1;
	pid_t p = fork();
	if (p == 0) {
		double t = -1;
		pthread_t th;
		struct sock_filter code[] = {
		    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_mmap, 0, 1),
		    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
		    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		};
		struct sock_fprog prog = {sizeof code / sizeof code[0], code};
		if (!pthread_create(&th, 0, supervise, 0) && !prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) {
			int fd = (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
					      SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
			if (fd >= 0) {
				/* woken synchronously, as umol4 asks (Linux >= 6.6): the
				 * supervisor runs on this CPU right away */
				uint64_t sync_wake = 1; /* SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP */
				ioctl(fd, SECCOMP_IOW(4, uint64_t), &sync_wake);
				__atomic_store_n(&listener, fd, __ATOMIC_RELEASE);
				t = map_pages(n);
			}
		}
		if (write(pfd[1], &t, sizeof t) != sizeof t)
			_exit(1);
		_exit(0);
	}
	close(pfd[1]);
	double t = -1;
	if (p < 0 || read(pfd[0], &t, sizeof t) != sizeof t)
		t = -1;
	close(pfd[0]);
	if (p > 0)
		waitpid(p, 0, 0);
	return t;
}
