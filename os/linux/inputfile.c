#include "os/linux/inputfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int input_open(const char *path, char *err, size_t errsize)
{
	/* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		snprintf(err, errsize, "%.300s: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	const char *why = 0;
	if (fstat(fd, &st) != 0)
		why = strerror(errno);
	else if (S_ISDIR(st.st_mode))
		why = "is a directory";
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	else if (fcntl(fd, F_SETFL, 0) != 0)
		why = strerror(errno);
	if (why) {
		snprintf(err, errsize, "%.300s: %s", path, why);
		close(fd);
		return -1;
	}
	return fd;
}

FILE *input_fopen(const char *path, char *err, size_t errsize)
{
	int fd = input_open(path, err, errsize);
	if (fd < 0)
		return 0;
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		snprintf(err, errsize, "%.300s: %s", path, strerror(errno));
		close(fd);
	}
	return f;
}
