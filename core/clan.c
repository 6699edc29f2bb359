#include "core/clan.h"

l4id_t task_id(const struct kernel *k, unsigned nr)
{
	const struct task *t = nr < L4_TASKS ? k->tasks[nr] : 0;
	if (!t)
		return id_make(nr, 0, nr < L4_TASKS ? k->owner[nr] : 0, 0);
	l4id_t id = id_make(nr, 0, t->chief, t->nest);
	id.lo |= t->version & 0x3ffu;
	return id;
}

unsigned clan_nearest(const struct kernel *k, const struct task *from, l4id_t dest, l4id_t *near)
{
	unsigned dt = id_task(dest);
	const struct task *d = k->tasks[dt];
	/* inside one clan (or to one's chief, or to a direct child) messages go directly */
	if (dt == from->nr || (d && (d->chief == from->chief || dt == from->chief ||
				     d->chief == from->nr))) {
		*near = dest;
		return NC_SAME_CLAN;
	}
	if (d && d->depth > from->depth) {
		/* walk up from dest towards our depth: an inner clan whose chief is our child, or a
		 * clan whose chief is our sibling */
		const struct task *p = d;
		for (unsigned steps = d->depth - from->depth; steps && p; steps--) {
			const struct task *c = k->tasks[p->chief];
			if (!c)
				break;
			if (c->chief == from->nr) {
				*near = task_id(k, c->nr);
				return NC_INNER_CLAN;
			}
			if (c->depth == from->depth && c->chief == from->chief) {
				*near = task_id(k, c->nr);
				return NC_OUTER_CLAN;
			}
			p = c;
		}
	}
	*near = task_id(k, from->chief);
	return NC_OUTER_CLAN;
}

bool clan_deceit_ok(const struct kernel *k, const struct task *chief, l4id_t dest, l4id_t vsender)
{
	unsigned vt = id_task(vsender), dt = id_task(dest);
	if (vt == chief->nr || vt == dt)
		return true;
	const struct task *v = k->tasks[vt], *d = k->tasks[dt];
	if (v && d && v->chief == chief->nr && d->chief == chief->nr)
		return true;
	/* direction-preserving: exactly one of the two lies inside the chief's clan */
	l4id_t near;
	clan_nearest(k, chief, dest, &near);
	const struct task *n = k->tasks[id_task(near)];
	bool v_inside = v && v->chief == chief->nr;
	bool d_inside = n && n->chief == chief->nr;
	return v_inside != d_inside;
}
