/*
 * The printf engine: %d %i %u %x %X %o %p %s %c %%, flags '-' '0' '+' ' ' '#', width and
 * precision (numbers or '*'), length modifiers hh h l ll j z t. No floating point.
 */
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

struct out {
	void (*put)(void *ctx, char c);
	void *ctx;
	int count;
};

struct spec {
	int left, zero, plus, space, alt;
	int pointer; /* %p: 0x even for 0 */
	int width;   /* 0 = none */
	int prec;    /* -1 = none */
	int len;     /* LEN_* */
};

enum { LEN_HH, LEN_H, LEN_INT, LEN_L, LEN_LL, LEN_Z, LEN_T };

static void emit(struct out *o, char c)
{
	o->put(o->ctx, c);
	o->count++;
}

static void emit_n(struct out *o, char c, int n)
{
	while (n-- > 0)
		emit(o, c);
}

/*
 * v /= base, returning the remainder, with 32-bit divisions only: MIPS libgcc's 64-bit division
 * is built as abicalls code, and linking it into every program that prints would make ld warn.
 * base <= 16, so each partial dividend below fits in 32 bits.
 */
static unsigned div_small(unsigned long long *v, unsigned base)
{
	uint32_t hi = (uint32_t)(*v >> 32), lo = (uint32_t)*v;
	uint32_t q_hi = hi / base, mid = (hi % base) << 16 | lo >> 16;
	uint32_t q_mid = mid / base, low = (mid % base) << 16 | (lo & 0xffffU);

	*v = (unsigned long long)q_hi << 32 | (q_mid << 16 | low / base);
	return low % base;
}

/* Digits of v, least significant first. */
static int to_digits(char *d, unsigned long long v, unsigned base, int upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do
		d[n++] = set[div_small(&v, base)];
	while (v);
	return n;
}

static void put_int(struct out *o, const struct spec *s, unsigned long long v, int negative,
		    unsigned base, int upper)
{
	char digits[24];
	char prefix[3];
	int nd = to_digits(digits, v, base, upper);
	int np = 0, zeros, total;

	if (s->prec == 0 && v == 0)
		nd = 0; /* C: an explicit zero precision prints no digits for 0 */
	if (negative)
		prefix[np++] = '-';
	else if (s->plus)
		prefix[np++] = '+';
	else if (s->space)
		prefix[np++] = ' ';
	if (s->alt && base == 16 && (v != 0 || s->pointer)) {
		prefix[np++] = '0';
		prefix[np++] = upper ? 'X' : 'x';
	}

	zeros = s->prec > nd ? s->prec - nd : 0;
	if (s->alt && base == 8 && zeros == 0 && (nd == 0 || digits[nd - 1] != '0'))
		zeros = 1; /* '#' with %o: the result starts with 0 */
	total = np + zeros + nd;
	if (!s->left && s->zero && s->prec < 0 && s->width > total) {
		zeros += s->width - total;
		total = s->width;
	}

	if (!s->left)
		emit_n(o, ' ', s->width - total);
	for (int i = 0; i < np; i++)
		emit(o, prefix[i]);
	emit_n(o, '0', zeros);
	while (nd > 0)
		emit(o, digits[--nd]);
	if (s->left)
		emit_n(o, ' ', s->width - total);
}

static void put_str(struct out *o, const struct spec *s, const char *str)
{
	int n = 0;

	if (!str)
		str = "(null)";
	while (str[n] && (s->prec < 0 || n < s->prec))
		n++;
	if (!s->left)
		emit_n(o, ' ', s->width - n);
	for (int i = 0; i < n; i++)
		emit(o, str[i]);
	if (s->left)
		emit_n(o, ' ', s->width - n);
}

static long long get_signed(const struct spec *s, va_list *ap)
{
	switch (s->len) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
		return va_arg(*ap, long long);
	case LEN_Z:
		return (long long)(intptr_t)va_arg(*ap, size_t); /* ssize_t has size_t's width */
	case LEN_T:
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

static unsigned long long get_unsigned(const struct spec *s, va_list *ap)
{
	switch (s->len) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
		return va_arg(*ap, size_t);
	case LEN_T:
		return (uintptr_t)va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, unsigned);
	}
}

/* Parses flags, width, precision and length; returns the character after them. */
static const char *parse_spec(const char *f, struct spec *s, va_list *ap)
{
	*s = (struct spec){.prec = -1, .len = LEN_INT};
	for (;; f++) {
		if (*f == '-')
			s->left = 1;
		else if (*f == '0')
			s->zero = 1;
		else if (*f == '+')
			s->plus = 1;
		else if (*f == ' ')
			s->space = 1;
		else if (*f == '#')
			s->alt = 1;
		else
			break;
	}
	if (*f == '*') {
		s->width = va_arg(*ap, int);
		if (s->width < 0) {
			s->left = 1;
			s->width = -s->width;
		}
		f++;
	} else {
		while (*f >= '0' && *f <= '9')
			s->width = s->width * 10 + (*f++ - '0');
	}
	if (*f == '.') {
		f++;
		s->prec = 0;
		if (*f == '*') {
			s->prec = va_arg(*ap, int); /* negative: as if omitted */
			if (s->prec < 0)
				s->prec = -1;
			f++;
		} else {
			while (*f >= '0' && *f <= '9')
				s->prec = s->prec * 10 + (*f++ - '0');
		}
	}
	switch (*f) {
	case 'h':
		s->len = f[1] == 'h' ? LEN_HH : LEN_H;
		f += s->len == LEN_HH ? 2 : 1;
		break;
	case 'l':
		s->len = f[1] == 'l' ? LEN_LL : LEN_L;
		f += s->len == LEN_LL ? 2 : 1;
		break;
	case 'j':
		s->len = LEN_LL;
		f++;
		break;
	case 'z':
		s->len = LEN_Z;
		f++;
		break;
	case 't':
		s->len = LEN_T;
		f++;
		break;
	}
	return f;
}

int __umol4_vformat(void (*put)(void *ctx, char c), void *ctx, const char *fmt, va_list ap)
{
	struct out o = {put, ctx, 0};
	va_list args;

	/* Helpers take a va_list pointer; a copy makes that valid on every ABI's va_list type. */
	va_copy(args, ap);
	while (*fmt) {
		struct spec s;
		const char *start = fmt;

		if (*fmt != '%') {
			emit(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &s, &args);
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = get_signed(&s, &args);
			unsigned long long mag =
			    v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

			put_int(&o, &s, mag, v < 0, 10, 0);
			break;
		}
		case 'u':
			put_int(&o, &s, get_unsigned(&s, &args), 0, 10, 0);
			break;
		case 'x':
		case 'X':
			put_int(&o, &s, get_unsigned(&s, &args), 0, 16, *fmt == 'X');
			break;
		case 'o':
			put_int(&o, &s, get_unsigned(&s, &args), 0, 8, 0);
			break;
		case 'p':
			s.alt = s.pointer = 1;
			put_int(&o, &s, (uintptr_t)va_arg(args, void *), 0, 16, 0);
			break;
		case 's':
			put_str(&o, &s, va_arg(args, const char *));
			break;
		case 'c': {
			char c = (char)va_arg(args, int);

			if (!s.left)
				emit_n(&o, ' ', s.width - 1);
			emit(&o, c);
			if (s.left)
				emit_n(&o, ' ', s.width - 1);
			break;
		}
		case '%':
			emit(&o, '%');
			break;
		default:
			/* Unknown or truncated conversion: show it as written. */
			while (start < fmt)
				emit(&o, *start++);
			if (*fmt)
				emit(&o, *fmt);
			else
				fmt--;
			break;
		}
		fmt++;
	}
	va_end(args);
	return o.count;
}
