/*
 * 64-bit division helpers, built for MIPS only (see lib.cmake): the MIPS cross compiler's libgcc
 * is abicalls code, and pulling its division objects into our non-abicalls programs makes ld warn
 * on every such link. These definitions come first in the link group, so libgcc's are not used.
 * Plain shift-and-subtract: correct and small; L4 programs rarely divide 64-bit numbers in a hot
 * path.
 */
typedef unsigned long long u64;
typedef long long s64;

u64 __udivdi3(u64 n, u64 d);
u64 __umoddi3(u64 n, u64 d);
s64 __divdi3(s64 n, s64 d);
s64 __moddi3(s64 n, s64 d);

/* Nothing here may divide u64 values with '/' or '%': that would call these very functions. */
static u64 udivmod(u64 n, u64 d, u64 *rem)
{
	u64 q = 0, r = 0;

	if (d == 0)
		__asm__ volatile("teq $0, $0, 7"); /* the divide trap gcc emits for 32-bit ones */
	if ((n >> 32) == 0 && (d >> 32) == 0) {
		unsigned long n32 = (unsigned long)n, d32 = (unsigned long)d;

		*rem = n32 % d32;
		return n32 / d32;
	}
	for (int i = 63; i >= 0; i--) {
		r = r << 1 | (n >> i & 1);
		if (r >= d) {
			r -= d;
			q |= 1ULL << i;
		}
	}
	*rem = r;
	return q;
}

u64 __udivdi3(u64 n, u64 d)
{
	u64 r;

	return udivmod(n, d, &r);
}

u64 __umoddi3(u64 n, u64 d)
{
	u64 r;

	udivmod(n, d, &r);
	return r;
}

/* C rounds toward zero: the quotient is negative iff the signs differ, the remainder takes the
 * dividend's sign. */
s64 __divdi3(s64 n, s64 d)
{
	u64 r, q = udivmod(n < 0 ? 0 - (u64)n : (u64)n, d < 0 ? 0 - (u64)d : (u64)d, &r);

	return (n < 0) != (d < 0) ? (s64)(0 - q) : (s64)q;
}

s64 __moddi3(s64 n, s64 d)
{
	u64 r;

	udivmod(n < 0 ? 0 - (u64)n : (u64)n, d < 0 ? 0 - (u64)d : (u64)d, &r);
	return n < 0 ? (s64)(0 - r) : (s64)r;
}
