/*
 * applets/server.c - mosh-server: runs the user's shell on a pty and keeps
 * mosh clients in sync with its screen (PROTOCOL.md section 1.1-1.3).
 *
 * The command line and help are final; the session itself arrives with the
 * SSP transport (issue 5).  Until then the applet says so and fails, so a
 * wrapper never mistakes it for a working server.
 */
#include "applets/applets.h"
#include "core/log.h"

const char server_help[] =
    "Usage: mosh-server new [-s] [-v] [-i LOCALADDR] [-p PORT[:PORT2]] "
    "[-c COLORS] [-l NAME=VALUE] [-- COMMAND...]\n"
    "       (also: mosh-static server new ...)\n"
    "\n"
    "Starts a mosh server for one session, prints\n"
    "MOSH CONNECT <port> <key> and detaches.\n";

int
server_main(int argc, char **argv)
{
	core_log(CORE_LOG_ERROR, "the server session is not part of this "
	    "build yet (it arrives with the SSP transport)");
	return 1;
}
