/* The configuration parser: a tokenizer for words and "quoted strings", then one keyword at a
 * time, attributes applying to the task line above them. */
#include "config.h"
#include "roottask.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok { T_END, T_WORD, T_STRING, T_BAD };

struct lexer {
	const char *p, *end;
	unsigned line;
	const char *file;
	const char *bad; /* why the last token was T_BAD */
};

static void skip_blanks(struct lexer *lx)
{
	while (lx->p < lx->end) {
		char c = *lx->p;
		if (c == '#') {
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
		} else if (c == '\n') {
			lx->line++;
			lx->p++;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			lx->p++;
		} else {
			return;
		}
	}
}

static enum tok next(struct lexer *lx, char *buf, l4_size_t size)
{
	skip_blanks(lx);
	if (lx->p == lx->end)
		return T_END;
	int quoted = *lx->p == '"';
	const char *s = lx->p + quoted, *e = s;
	if (quoted) {
		while (e < lx->end && *e != '"' && *e != '\n')
			e++;
		if (e == lx->end || *e != '"') {
			lx->bad = "unterminated string";
			return T_BAD;
		}
		lx->p = e + 1;
	} else {
		while (e < lx->end && !strchr(" \t\r\n#\"", *e))
			e++;
		lx->p = e;
	}
	if ((l4_size_t)(e - s) >= size) {
		lx->bad = quoted ? "string too long" : "word too long";
		return T_BAD;
	}
	memcpy(buf, s, (l4_size_t)(e - s));
	buf[e - s] = 0;
	return quoted ? T_STRING : T_WORD;
}

static int error(const struct lexer *lx, const char *what, const char *word)
{
	loader_error("%s:%u: %s%s%s%s", lx->file, lx->line, what, word ? " '" : "",
		     word ? word : "", word ? "'" : "");
	return -1;
}

static int number(struct lexer *lx, const char *key, unsigned long max, unsigned long *v)
{
	char buf[24], *end;
	if (next(lx, buf, sizeof buf) != T_WORD)
		return error(lx, "number expected after", key);
	*v = strtoul(buf, &end, 0);
	if (*end || *v > max)
		return error(lx, "bad number", buf);
	return 0;
}

/* `task "name" ["args"]`: the arguments are the next token only if it is a quoted string. */
static int task_line(struct lexer *lx, struct cfg_task *t)
{
	memset(t, 0, sizeof *t);
	t->line = lx->line;
	t->priority = -1;
	enum tok k = next(lx, t->name, sizeof t->name);
	if (k != T_WORD && k != T_STRING)
		return error(lx, k == T_BAD ? lx->bad : "module name expected after", "task");
	if (!t->name[0] || strchr(t->name, ' '))
		return error(lx, "bad module name", t->name);
	struct lexer peek = *lx;
	k = next(&peek, t->args, sizeof t->args);
	if (k == T_STRING) {
		*lx = peek;
		t->has_args = 1;
	} else {
		t->args[0] = 0;
	}
	return 0;
}

int config_parse(const char *text, l4_size_t len, const char *file, struct cfg_task *tasks,
		 unsigned max, unsigned *ntasks)
{
	struct lexer lx = {text, text + len, 1, file, 0};
	char key[32];
	struct cfg_task *t = 0;
	unsigned long v;
	*ntasks = 0;
	for (;;) {
		enum tok k = next(&lx, key, sizeof key);
		if (k == T_END)
			return 0;
		if (k == T_BAD)
			return error(&lx, lx.bad, 0);
		if (k == T_STRING)
			return error(&lx, "keyword expected, not the string", key);
		if (!strcmp(key, "task")) {
			if (*ntasks == max)
				return error(&lx, "too many tasks", 0);
			t = &tasks[(*ntasks)++];
			if (task_line(&lx, t))
				return -1;
			continue;
		}
		if (!t)
			return error(&lx, "attribute before the first task line:", key);
		if (!strcmp(key, "memory")) {
			if (number(&lx, key, 4UL << 20, &v))
				return -1;
			if (!v)
				return error(&lx, "memory must be at least 1 KiB", 0);
			t->memory_kib = v;
		} else if (!strcmp(key, "priority")) {
			if (number(&lx, key, 255, &v))
				return -1;
			t->priority = (int)v;
		} else if (!strcmp(key, "direct_mapped")) {
			t->direct = 1;
		} else if (!strcmp(key, "service")) {
			t->service = 1;
		} else {
			return error(&lx, "unknown keyword", key);
		}
	}
}
