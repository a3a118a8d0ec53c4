/*
 * applets/server_session.c - the mosh-server session loop (to be written
 * on the SSP transport).
 */
#include "applets/server.h"
#include "core/log.h"

int
server_session(const struct server_opts *o, struct net_udp *u,
    const uint8_t key[CRYPTO_KEY_LEN])
{
	core_log(CORE_LOG_ERROR, "session loop not built yet");
	return 1;
}
