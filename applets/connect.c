/*
 * applets/connect.c - `mosh-static connect` (and the `mosh` link): starts a
 * server over ssh and runs the client (PROTOCOL.md section 1.6).
 *
 * The command line and help are final; the bootstrap arrives with issue 8.
 * Until then the applet says so and fails.
 */
#include "applets/applets.h"
#include "core/log.h"

const char connect_help[] =
    "Usage: mosh [options] [--] [user@]host [command...]\n"
    "       mosh-static connect [options] [--] [user@]host [command...]\n"
    "\n"
    "Starts mosh-server on the host over ssh and connects to it.\n";

int
connect_main(int argc, char **argv)
{
	core_log(CORE_LOG_ERROR, "connect is not part of this build yet "
	    "(it arrives with the ssh bootstrap)");
	return 1;
}
