/* IPC0015: fpage_unmap of an own page: flush, read-only downgrade, own space or not. */
/* fpage_unmap of an own page with L4_FP_ALL_SPACES flushes it (the next access faults to the
 * pager, the frame keeps its contents), L4_FP_REMAP_PAGE makes it read-only (only writes
 * fault), without L4_FP_ALL_SPACES the own mapping stays. The faults are observed as kernel
 * faults of long IPC into the page, logged by a user-level pager. */
#define ID "IPC0015"
#include "conf.h"

CONF_MSG(msg, 2, 1);
static struct msg out, in;
static char text[64] = "sixty-four bytes of text for the long message into the page....";
static char page[4096] __attribute__((aligned(4096)));

static void try(unsigned k, const char *what, l4_umword_t mask)
{
	page[0] = 'h';
	l4_fpage_unmap(l4_fpage((l4_umword_t)page, 12, 0, 0), mask);
	conf_msg_init(&out, 2, 1, 2, 1);
	conf_str(&out.str[0], text, 64, 0, 0);
	conf_rounds[k] = (struct conf_round){&out, NEVER};
	conf_msg_init(&in, 2, 1, 0, 0);
	conf_str(&in.str[0], 0, 0, page + 2048, 64);
	conf_nfaults = 0;
	l4_msgdope_t dope;
	int serr, err = conf_exchange(conf_id(1), k, &in, NEVER, &dope, &serr);
	say("%s: 0x%02x 0x%02x, kernel faults on the page: %u%s", what, err, serr, conf_nfaults,
	    conf_nfaults && conf_faults[0].write ? " (write)" : "");
	say("  contents kept: %s, message arrived: %s", okfail(page[0] == 'h'),
	    okfail(!memcmp(page + 2048, text, 64)));
}

int main(void)
{
	conf_spawn(1, conf_sender);
	conf_spawn(2, conf_pager);
	conf_set_pager(0, conf_id(2));
	try(0, "flush in all spaces", L4_FP_FLUSH_PAGE | L4_FP_ALL_SPACES);
	try(1, "read-only in all spaces", L4_FP_REMAP_PAGE | L4_FP_ALL_SPACES);
	try(2, "flush in other spaces only", L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES);
	return 0;
}
