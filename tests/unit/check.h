/* A minimal test harness: CHECK records failures and goes on; the runner prints
 * "N passed, M failed" which ctest and CI read. */
#ifndef UMOL4_TEST_CHECK_H
#define UMOL4_TEST_CHECK_H

#include <stdio.h>

extern int check_failures;
#define CHECK(cond)                                                                               \
	do {                                                                                      \
		if (!(cond)) {                                                                    \
			printf("  FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                 \
			check_failures++;                                                        \
		}                                                                                 \
	} while (0)
#define CHECK_EQ(a, b)                                                                            \
	do {                                                                                      \
		unsigned long long va_ = (unsigned long long)(a), vb_ = (unsigned long long)(b); \
		if (va_ != vb_) {                                                                 \
			printf("  FAIL %s:%d: %s == %s (0x%llx != 0x%llx)\n", __FILE__, __LINE__, #a,  \
			       #b, va_, vb_);                                                     \
			check_failures++;                                                        \
		}                                                                                 \
	} while (0)

struct unit_test {
	const char *name;
	void (*fn)(void);
};

#endif
