/* THR0007: every thread has floating-point state of its own: two threads computing with the
 * values held in floating-point registers across thread switches get the results each gets
 * alone. */
#define ID "THR0007"
#include "conf.h"

#define ROUNDS 200

static volatile double result[2];

/* Loop-carried values stay in (callee-saved) floating-point registers across the system call:
 * the bindings do not clobber them, as the hardware would not. */
static double compute(double seed)
{
	double a = seed, b = seed * 0.5, c = 1.0 / seed;
	for (int i = 0; i < ROUNDS; i++) {
		a = a * 1.0001 + b * c;
		b = b * 0.9999 - a * 0.0001;
		c = c + a * 1e-6;
		l4_yield();
	}
	return a + b + c;
}

static void second(void)
{
	result[1] = compute(7.25);
	for (;;)
		l4_yield();
}

int main(void)
{
	conf_long_slice(0);
	double alone0 = compute(3.5), alone1 = compute(7.25);
	say("alone: differ %s", alone0 != alone1 ? "yes" : "no");
	conf_spawn(1, second);
	conf_long_slice(1);
	result[0] = compute(3.5);
	l4_yield();
	say("thread 0 alternating with thread 1: %s", result[0] == alone0 ? "ok" : "fail");
	say("thread 1 alternating with thread 0: %s", result[1] == alone1 ? "ok" : "fail");
	return 0;
}
