/* The loader demo (system.cfg): the counter protocol its client, server and chief share. */
#ifndef UMOL4_EXAMPLES_COUNTER_H
#define UMOL4_EXAMPLES_COUNTER_H

#define OP_ADD	 1 /* w1 = amount; answers the new total */
#define OP_GET	 2 /* answers the total */
#define OP_RESET 3 /* sets the total to 0 (the chief never lets it through) */
#define OP_QUIT	 4 /* ends the server */
#define OP_DONE	 5 /* client to chief: no more requests */

static const char *const op_names[] = {"?", "add", "get", "reset", "quit", "done"};
#define OP_NAME(op) ((op) < sizeof op_names / sizeof op_names[0] ? op_names[op] : "?")

#endif
