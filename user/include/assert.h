/* assert() of the small umol4 libc: prints "file:line: function: assertion `expr' failed." and
 * aborts (exit status 134). Like every <assert.h>, this one may be included repeatedly with
 * NDEBUG changing in between. */
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __umol4_assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#ifndef __UMOL4_ASSERT_H__
#define __UMOL4_ASSERT_H__

#ifndef __cplusplus
#define static_assert _Static_assert
#endif

__attribute__((__noreturn__)) void __umol4_assert_fail(const char *expr, const char *file, int line,
						       const char *func);

#endif
