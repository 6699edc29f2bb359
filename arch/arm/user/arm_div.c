/*
 * The bodies of ARM's 32-bit division helpers (arm_div.S checks the divisor for zero first).
 * Long division from the divisor's highest bit aligned under the dividend's, one quotient bit a
 * step. Nothing here may use '/' or '%': gcc would compile them into calls to these very helpers.
 */
typedef unsigned long long u64;

unsigned __umol4_udiv32(unsigned n, unsigned d);
int __umol4_sdiv32(int n, int d);
u64 __umol4_udivmod32(unsigned n, unsigned d);
u64 __umol4_sdivmod32(int n, int d);

static unsigned udivmod(unsigned n, unsigned d, unsigned *rem)
{
	unsigned q = 0;
	if (n >= d) {
		int shift = __builtin_clz(d) - __builtin_clz(n);
		for (int i = shift; i >= 0; i--) {
			q <<= 1;
			if (n >= d << i) {
				n -= d << i;
				q |= 1;
			}
		}
	}
	*rem = n;
	return q;
}

static unsigned magnitude(int v)
{
	return v < 0 ? 0u - (unsigned)v : (unsigned)v;
}

unsigned __umol4_udiv32(unsigned n, unsigned d)
{
	unsigned r;
	return udivmod(n, d, &r);
}

/* C rounds toward zero: the quotient is negative iff the signs differ, the remainder takes the
 * dividend's sign. */
int __umol4_sdiv32(int n, int d)
{
	unsigned r, q = udivmod(magnitude(n), magnitude(d), &r);
	return (int)((n < 0) != (d < 0) ? 0u - q : q);
}

/* The divmod helpers return the quotient in r0 and the remainder in r1: a 64-bit result. */
u64 __umol4_udivmod32(unsigned n, unsigned d)
{
	unsigned r, q = udivmod(n, d, &r);
	return (u64)r << 32 | q;
}

u64 __umol4_sdivmod32(int n, int d)
{
	unsigned r, q = udivmod(magnitude(n), magnitude(d), &r);
	q = (n < 0) != (d < 0) ? 0u - q : q;
	r = n < 0 ? 0u - r : r;
	return (u64)r << 32 | q;
}
