/* IPC0003: nil, invalid and nonexistent partners: ENOT_EXISTENT 0x10 at once, any timeout. */
#define ID "IPC0003"
#include "conf.h"

int main(void)
{
	l4_threadid_t nil = L4_NIL_ID, invalid = L4_INVALID_ID, gone = l4_myself();
	gone.id.task = 100; /* never created */
	gone.id.lthread = 0;
	l4_threadid_t gone_thread = conf_id(0);
	gone_thread.id.task = 1000;
	gone_thread.id.lthread = 5;
	const struct {
		const char *name;
		l4_threadid_t id;
	} who[] = {{"nil", nil},
		   {"invalid", invalid},
		   {"task 100", gone},
		   {"thread 1000.05", gone_thread}};
	const struct {
		const char *name;
		l4_timeout_t t;
	} how[] = {{"timeout never", NEVER}, {"timeout 0", L4_IPC_BOTH_TIMEOUT_0}};

	for (unsigned i = 0; i < sizeof who / sizeof who[0]; i++) {
		for (unsigned j = 0; j < 2; j++) {
			l4_umword_t w0, w1;
			l4_msgdope_t dope;
			int err = l4_ipc_send(who[i].id, SHORT, 1, 2, how[j].t, &dope);
			say("send to %s, %s: 0x%02x", who[i].name, how[j].name, err);
			err = l4_ipc_call(who[i].id, SHORT, 1, 2, SHORT, &w0, &w1, how[j].t, &dope);
			say("call %s, %s: 0x%02x", who[i].name, how[j].name, err);
		}
		if (i == 0)
			continue; /* a receive from nil is a sleep (TIM0001) */
		for (unsigned j = 0; j < 2; j++) {
			int err = conf_recv(who[i].id, 0, 0, how[j].t);
			say("receive from %s, %s: 0x%02x", who[i].name, how[j].name, err);
		}
	}
	l4_umword_t w0 = 7, w1 = 8;
	l4_msgdope_t dope;
	l4_ipc_send(nil, SHORT, 1, 2, NEVER, &dope);
	say("send error bit (0x10) set in the dope: %s", okfail(L4_IPC_SND_ERROR(dope)));
	l4_threadid_t src = l4_myself();
	int err = l4_ipc_reply_and_wait(gone, SHORT, 1, 2, &src, SHORT, &w0, &w1, NEVER, &dope);
	say("reply_and_wait to task 100: 0x%02x (receive phase skipped)", err);
	return 0;
}
