/* The command line's programs, configuration and modules turned into a root task and its boot
 * modules. The rules (docs/usage.md) keep the common case short: `umol4 prog.elf args` runs one
 * program under the loader, `umol4 a.elf x b.elf y` runs two, `umol4 system.cfg` a configured
 * system whose programs lie next to it. */
#include "os/linux/bootplan.h"
#include "os/linux/elfload.h"
#include "os/linux/inputfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONFIG_MAX (64u << 10) /* far above any sensible boot configuration */
/* What a program's crt0 (user/libc/crt0_main.c) and the loader's boot page (LOADER_CMDLINE_MAX)
 * take of a command line: its file name and arguments. */
#define PROGRAM_CMDLINE_MAX 1023u
#define PROGRAM_WORDS_MAX   32u

static char *join_words(char *const *w, int n)
{
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += strlen(w[i]) + 1;
	char *s = malloc(len);
	if (!s)
		return 0;
	s[0] = 0;
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, w[i]);
	}
	return s;
}

static bool has_ext(const char *s, size_t len, const char *ext)
{
	size_t e = strlen(ext);
	return len >= e && memcmp(s + len - e, ext, e) == 0;
}

/* A word on the command line starts another program when it names an ELF file. */
static bool is_elf_file(const char *path)
{
	unsigned char magic[4];
	char why[PATH_MAX + 64];
	FILE *f = input_fopen(path, why, sizeof why);
	bool elf = f && fread(magic, 1, 4, f) == 4 && !memcmp(magic, "\177ELF", 4);
	if (f)
		fclose(f);
	return elf;
}

static bool add(struct boot_plan *p, char *cmdline, char *text, char *err, size_t errsize)
{
	if (!cmdline || p->nmods == MAX_BOOT_MODULES) {
		free(cmdline);
		free(text);
		snprintf(err, errsize, cmdline ? "at most %u boot modules" : "out of memory",
			 MAX_BOOT_MODULES);
		return false;
	}
	p->mod_cmdline[p->nmods] = cmdline;
	p->mod_text[p->nmods++] = text;
	return true;
}

/* The module a configuration's `task NAME` means: NAME is the basename of the module's file,
 * with or without its extension (as the loader matches it). */
static bool module_is(const char *cmdline, const char *name)
{
	size_t n = strcspn(cmdline, " ");
	const char *base = cmdline;
	for (size_t i = 0; i < n; i++)
		if (cmdline[i] == '/')
			base = cmdline + i + 1;
	size_t blen = (size_t)(cmdline + n - base), nlen = strlen(name);
	const char *dot = memchr(base, '.', blen);
	return (blen == nlen && !memcmp(base, name, nlen)) ||
	       (dot && (size_t)(dot - base) == nlen && !memcmp(base, name, nlen));
}

/* The `task` names of a configuration, for finding modules next to it. Only what the loader
 * needs to find its modules is read here; the loader itself checks the syntax. */
static unsigned config_task_names(const char *text, char names[][64], unsigned lines[],
				  unsigned max)
{
	unsigned n = 0, lineno = 0;
	for (const char *line = text; *line && n < max;) {
		lineno++;
		size_t len = strcspn(line, "\n");
		char key[8], name[64];
		if (sscanf(line, " %7s \"%63[^\"\n]\"", key, name) == 2 ||
		    sscanf(line, " %7s %63[^ \t\r\n#\"]", key, name) == 2)
			if (!strcmp(key, "task")) {
				lines[n] = lineno;
				snprintf(names[n++], 64, "%s", name);
			}
		line += len + (line[len] == '\n');
	}
	return n;
}

/* --config / a .cfg word: the file as a module, then the programs it names that no other
 * module provides, looked up next to it as NAME or NAME.elf. */
static bool add_config(struct boot_plan *p, const char *path, char *err, size_t errsize)
{
	if (!has_ext(path, strlen(path), ".cfg")) {
		snprintf(err, errsize, "%.300s: a configuration's name ends in .cfg", path);
		return false;
	}
	FILE *f = input_fopen(path, err, errsize);
	if (!f)
		return false;
	char *text = calloc(1, CONFIG_MAX + 1);
	size_t got = text ? fread(text, 1, CONFIG_MAX + 1, f) : 0;
	fclose(f);
	if (!text || got > CONFIG_MAX) {
		free(text);
		snprintf(err, errsize, "%.300s: %s", path,
			 text ? "configuration too large" : "no memory");
		return false;
	}
	char names[32][64];
	unsigned lines[32];
	unsigned n = config_task_names(text, names, lines, 32);
	if (!add(p, strdup(path), text, err, errsize))
		return false;
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	for (unsigned i = 0; i < n; i++) {
		bool known = false;
		for (unsigned m = 0; m < p->nmods && !known; m++)
			known = module_is(p->mod_cmdline[m], names[i]);
		char file[PATH_MAX];
		for (int ext = 0; !known && ext < 2; ext++) {
			snprintf(file, sizeof file, "%.*s%s%s", dirlen, path, names[i],
				 ext ? ".elf" : "");
			if (is_elf_file(file)) {
				known = true;
				if (!add(p, strdup(file), 0, err, errsize))
					return false;
			}
		}
		if (!known) {
			snprintf(err, errsize,
				 "%.300s:%u: no program '%s' among the given ones or next to the "
				 "configuration",
				 path, lines[i], names[i]);
			return false;
		}
	}
	return true;
}

/* Several programs on the command line, or services: a generated configuration starts the
 * services (modules nprog..nprog+nserv-1) first, so that they are up when their clients come,
 * then the programs (modules 0..nprog-1) in order. */
static bool add_generated_config(struct boot_plan *p, unsigned nprog, unsigned nserv, char *err,
				 size_t errsize)
{
	size_t size = 64;
	for (unsigned i = 0; i < nprog + nserv; i++)
		size += strlen(p->mod_cmdline[i]) + 32;
	char *text = malloc(size);
	if (!text) {
		snprintf(err, errsize, "out of memory");
		return false;
	}
	size_t at = (size_t)snprintf(text, size, "# umol4's command line\n");
	for (unsigned n = 0; n < nprog + nserv; n++) {
		unsigned i = n < nserv ? nprog + n : n - nserv;
		const char *spec = p->mod_cmdline[i];
		size_t plen = strcspn(spec, " ");
		const char *args = spec[plen] ? spec + plen + 1 : "";
		if (strchr(args, '"')) {
			free(text);
			snprintf(err, errsize,
				 "with several programs, arguments cannot contain '\"' (write a "
				 "configuration file, docs/loader.md)");
			return false;
		}
		const char *base = memchr(spec, '/', plen) ? spec : 0;
		for (size_t j = 0; base && j < plen; j++)
			if (spec[j] == '/')
				base = spec + j + 1;
		if (!base)
			base = spec;
		at += (size_t)snprintf(text + at, size - at, "task \"%.*s\" \"%s\"%s\n",
				       (int)(spec + plen - base), base, args,
				       i >= nprog ? " service" : "");
	}
	return add(p, strdup("umol4.cfg"), text, err, errsize);
}

static bool add_programs(struct boot_plan *p, const struct boot_request *r, unsigned *nprog,
			 char *err, size_t errsize)
{
	*nprog = 0;
	for (int i = 0; i < r->nwords;) {
		int j = i + 1;
		while (j < r->nwords && !is_elf_file(r->words[j]))
			j++;
		if (!add(p, join_words(r->words + i, j - i), 0, err, errsize))
			return false;
		(*nprog)++;
		i = j;
	}
	return true;
}

/* The loader of the programs' ISA; every program must be a valid L4 program of that one ISA. */
static bool pick_loader(struct boot_plan *p, const struct boot_request *r, unsigned nprog,
			char *err, size_t errsize)
{
	const struct arch *isa = 0;
	const char *first = 0;
	for (unsigned i = 0; i < p->nmods; i++) {
		char path[PATH_MAX], why[512];
		struct elf_image img;
		snprintf(path, sizeof path, "%.*s", (int)strcspn(p->mod_cmdline[i], " "),
			 p->mod_cmdline[i]);
		bool program = i < nprog || (!p->mod_text[i] && is_elf_file(path));
		if (!program)
			continue;
		if (!elf_check(path, &img, why, sizeof why)) {
			snprintf(err, errsize, "%s", why);
			return false;
		}
		if (!isa) {
			isa = img.arch;
			first = p->mod_cmdline[i];
		} else if (img.arch != isa) {
			snprintf(err, errsize,
				 "%.200s is a program for %s, %.200s for %s: the loader runs the "
				 "programs of one ISA",
				 path, img.arch->name, first, isa->name);
			return false;
		}
	}
	if (!isa) {
		snprintf(err, errsize, "no L4 program to start");
		return false;
	}
	snprintf(p->root, sizeof p->root, "%s/%s/roottask.elf", r->libdir, isa->name);
	return true;
}

static bool plan_loader(const struct boot_request *r, struct boot_plan *p, char *err,
			size_t errsize)
{
	const char *config = r->config;
	struct boot_request rest = *r;
	if (!config && r->nwords && has_ext(r->words[0], strlen(r->words[0]), ".cfg") &&
	    !is_elf_file(r->words[0])) {
		config = r->words[0];
		rest.words++;
		rest.nwords--;
	}
	unsigned nprog;
	if (!config && !rest.nwords && !r->nmodules) {
		snprintf(err, errsize, "no program given");
		return false;
	}
	if (config && r->nservices) {
		snprintf(err, errsize,
			 "--service goes with programs on the command line; a configuration "
			 "marks its services itself (docs/loader.md)");
		return false;
	}
	if (!config && !rest.nwords && r->nservices) {
		snprintf(err, errsize, "only services given: no program for them to serve");
		return false;
	}
	if (!add_programs(p, &rest, &nprog, err, errsize))
		return false;
	for (unsigned i = 0; i < r->nservices; i++)
		if (!add(p, strdup(r->services[i]), 0, err, errsize))
			return false;
	for (unsigned i = 0; i < r->nmodules; i++)
		if (!add(p, strdup(r->modules[i]), 0, err, errsize))
			return false;
	if (config && !add_config(p, config, err, errsize))
		return false;
	if (!config && (nprog > 1 || r->nservices) &&
	    !add_generated_config(p, nprog, r->nservices, err, errsize))
		return false;
	if (!pick_loader(p, r, config ? 0 : nprog + r->nservices, err, errsize))
		return false;
	p->root_cmdline = strdup(p->root);
	return p->root_cmdline != 0;
}

static unsigned count_words(const char *s)
{
	unsigned n = 0;
	for (size_t i = 0; s[i]; i++)
		n += (s[i] != ' ' && s[i] != '\t') &&
		     (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t');
	return n;
}

/* A command line a program gets whole, or one line saying why it cannot. */
static bool program_cmdline_fits(const char *cmdline, char *err, size_t errsize)
{
	size_t n = strlen(cmdline), words = count_words(cmdline);
	size_t name = strcspn(cmdline, " ");
	if (n > PROGRAM_CMDLINE_MAX)
		snprintf(err, errsize,
			 "%.*s: command line of %zu bytes; a program takes at most %u (its file "
			 "name and arguments)",
			 (int)(name < 300 ? name : 300), cmdline, n, PROGRAM_CMDLINE_MAX);
	else if (words > PROGRAM_WORDS_MAX)
		snprintf(err, errsize,
			 "%.*s: %zu arguments; a program takes at most %u after its file name",
			 (int)(name < 300 ? name : 300), cmdline, words - 1, PROGRAM_WORDS_MAX - 1);
	return n <= PROGRAM_CMDLINE_MAX && words <= PROGRAM_WORDS_MAX;
}

/* Every command line must reach its program whole: none is cut in the boot information. */
static bool cmdlines_fit(const struct boot_request *r, const struct boot_plan *p, char *err,
			 size_t errsize)
{
	if (r->mode == ROOT_PROGRAM ? !program_cmdline_fits(p->root_cmdline, err, errsize)
				    : strlen(p->root_cmdline) > BOOTINFO_CMDLINE_MAX) {
		if (r->mode != ROOT_PROGRAM)
			snprintf(err, errsize, "%.300s: root task path too long", p->root);
		return false;
	}
	size_t total = 0;
	for (unsigned i = 0; i < p->nmods; i++) {
		if (!program_cmdline_fits(p->mod_cmdline[i], err, errsize))
			return false;
		total += strlen(p->mod_cmdline[i]) + 1;
	}
	if (total > BOOTINFO_MODSTR_SIZE) {
		snprintf(err, errsize,
			 "the boot modules' command lines take %zu bytes; at most %u fit (fewer or "
			 "shorter arguments, or a configuration file)",
			 total, BOOTINFO_MODSTR_SIZE);
		return false;
	}
	return true;
}

bool boot_plan_make(const struct boot_request *r, struct boot_plan *p, char *err, size_t errsize)
{
	memset(p, 0, sizeof *p);
	bool ok = false;
	switch (r->mode) {
	case ROOT_LOADER:
		ok = plan_loader(r, p, err, errsize);
		break;
	case ROOT_FILE: /* the programs and their arguments become boot module 0 */
		snprintf(p->root, sizeof p->root, "%s", r->root_file);
		p->root_cmdline = strdup(r->root_file);
		ok = p->root_cmdline &&
		     (!r->nwords || add(p, join_words(r->words, r->nwords), 0, err, errsize));
		break;
	case ROOT_PROGRAM:
		if (!r->nwords) {
			snprintf(err, errsize, "no program given");
			break;
		}
		snprintf(p->root, sizeof p->root, "%s", r->words[0]);
		p->root_cmdline = join_words(r->words, r->nwords);
		ok = p->root_cmdline != 0;
		break;
	}
	if (ok && r->mode != ROOT_LOADER && r->nservices) {
		snprintf(err, errsize, "--service needs the loader (not --no-loader or --root)");
		ok = false;
	}
	for (unsigned i = 0; ok && r->mode != ROOT_LOADER && i < r->nmodules; i++)
		ok = add(p, strdup(r->modules[i]), 0, err, errsize);
	if (ok && r->mode != ROOT_LOADER && r->config)
		ok = add_config(p, r->config, err, errsize);
	if (ok)
		ok = cmdlines_fit(r, p, err, errsize);
	if (!ok)
		boot_plan_free(p);
	return ok;
}

bool boot_plan_load_module(const struct boot_plan *p, unsigned i, uint8_t *phys, word_t phys_size,
			   word_t *next, struct boot_module *m, char *err, size_t errsize)
{
	const char *spec = p->mod_cmdline[i];
	word_t at = (*next + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	size_t room = at < phys_size ? phys_size - at : 0, got;
	bool too_big;
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%.*s", (int)strcspn(spec, " "), spec);
	if (p->mod_text[i]) {
		got = strlen(p->mod_text[i]);
		too_big = got > room;
		if (!too_big)
			memcpy(phys + at, p->mod_text[i], got);
	} else {
		FILE *f = input_fopen(path, err, errsize);
		if (!f)
			return false;
		got = fread(phys + at, 1, room, f);
		too_big = !feof(f) && fgetc(f) != EOF;
		fclose(f);
	}
	if (too_big) {
		snprintf(err, errsize,
			 "%.300s: boot module does not fit physical memory (see --mem)", path);
		return false;
	}
	m->start = at;
	m->end = at + (word_t)got;
	m->cmdline = spec;
	*next = m->end;
	return true;
}

void boot_plan_free(struct boot_plan *p)
{
	for (unsigned i = 0; i < p->nmods; i++) {
		free(p->mod_cmdline[i]);
		free(p->mod_text[i]);
	}
	free(p->root_cmdline);
	memset(p, 0, sizeof *p);
}
