/* umol4 extension: timeout words for servers no client may block (sigma0, the loader, servers
 * built on loader_serve). A message that needs a client's pager in mid-transfer — a long message
 * from a page the client has not mapped, or a reply into one — waits for that pager only as
 * long as the page-fault timeout says, and L4_IPC_NEVER's infinite page-fault timeouts would let
 * a client whose pager never answers hold the server for ever (reference/l4-v2-abi.md §2.2). */
#ifndef __L4_UMOL4_SERVER_H__
#define __L4_UMOL4_SERVER_H__

#include <l4/sys/timeout.h>

/* A server that takes only register messages: any page fault in a transfer fails it at once
 * (page-fault timeouts 0). Open wait: receive timeout infinite; reply and wait: send timeout 0
 * as well, since a client that does not wait for its answer loses it. */
#define UMOL4_SERVER_WAIT	    L4_IPC_TIMEOUT(0, 0, 0, 0, 15, 15)
#define UMOL4_SERVER_REPLY_AND_WAIT L4_IPC_TIMEOUT(0, 1, 0, 0, 15, 15)

/* A server that receives strings a legitimate client may not have paged in yet: its pager gets
 * 4^9 us (about 0.26 s) to map the page; replies stay at page-fault timeout 0. */
#define UMOL4_SERVER_STRING_WAIT	   L4_IPC_TIMEOUT(0, 0, 0, 0, 15, 6)
#define UMOL4_SERVER_STRING_REPLY_AND_WAIT L4_IPC_TIMEOUT(0, 1, 0, 0, 15, 6)

#endif
