/*
 * applets/client.c - mosh-client: draws the server's screen on the local
 * terminal and sends keystrokes (PROTOCOL.md sections 1.4, 9).
 *
 * The command line and help are final; the session arrives with issue 6.
 * Until then the applet says so and fails.
 */
#include "applets/applets.h"
#include "core/log.h"

const char client_help[] =
    "Usage: mosh-client [-# 'ARGS'] [-v] IP PORT\n"
    "       mosh-client -c\n"
    "       (also: mosh-static client ...)\n"
    "\n"
    "Connects to a mosh server at IP:PORT with the session key taken from\n"
    "the MOSH_KEY environment variable.\n";

int
client_main(int argc, char **argv)
{
	core_log(CORE_LOG_ERROR, "the client session is not part of this "
	    "build yet (it arrives with the client applet)");
	return 1;
}
