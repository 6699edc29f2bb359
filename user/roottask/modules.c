/*
 * Boot modules: the Multiboot information the kernel gives the root task (flags bit 3, count at
 * +20, table address at +24, 16-byte entries {start, end, command line, 0}). Module memory and
 * the information page are in the root task's space at their physical addresses.
 */
#include "modules.h"

#include <l4/umol4/crt0.h>
#include <string.h>

#define MAX_MODULES   32
#define MBI_FLAG_MODS (1UL << 3)

static struct module mods[MAX_MODULES];
static unsigned nmods;

static l4_size_t word_len(const char *s)
{
	l4_size_t n = 0;
	while (s[n] && s[n] != ' ' && s[n] != '\t')
		n++;
	return n;
}

unsigned modules_init(void)
{
	const l4_uint32_t *mbi = crt0_multiboot_info;

	if ((l4_umword_t)crt0_multiboot_flag != UMOL4_MULTIBOOT_MAGIC || !mbi ||
	    !(mbi[0] & MBI_FLAG_MODS))
		return 0;
	const l4_uint32_t *e = (const l4_uint32_t *)(l4_addr_t)mbi[6];
	for (unsigned i = 0; i < mbi[5] && nmods < MAX_MODULES; i++, e += 4) {
		struct module *m = &mods[nmods++];
		m->data = (const unsigned char *)(l4_addr_t)e[0];
		m->size = e[1] > e[0] ? e[1] - e[0] : 0;
		m->path = e[2] ? (const char *)(l4_addr_t)e[2] : "";
		m->path_len = word_len(m->path);
		m->args = m->path + m->path_len;
		while (*m->args == ' ' || *m->args == '\t')
			m->args++;
		const char *base = m->path;
		for (l4_size_t k = 0; k < m->path_len; k++)
			if (m->path[k] == '/')
				base = m->path + k + 1;
		l4_size_t n = (l4_size_t)(m->path + m->path_len - base);
		if (n >= MODULE_NAME_MAX)
			n = MODULE_NAME_MAX - 1;
		memcpy(m->name, base, n);
		m->name[n] = 0;
	}
	return nmods;
}

unsigned modules_count(void)
{
	return nmods;
}

const struct module *module_get(unsigned i)
{
	return i < nmods ? &mods[i] : 0;
}

static int matches(const struct module *m, const char *name, l4_size_t n)
{
	const char *dot = strrchr(m->name, '.');
	l4_size_t stem = dot && dot != m->name ? (l4_size_t)(dot - m->name) : strlen(m->name);
	return (strlen(m->name) == n || stem == n) && !strncmp(m->name, name, n);
}

const struct module *module_find(const char *name)
{
	l4_size_t n = word_len(name);
	for (unsigned i = 0; i < nmods; i++)
		if (matches(&mods[i], name, n))
			return &mods[i];
	return 0;
}

int module_has_ext(const struct module *m, const char *ext)
{
	l4_size_t n = strlen(m->name), k = strlen(ext);
	return n > k && !strcmp(m->name + n - k, ext);
}
