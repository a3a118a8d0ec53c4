/*
 * test/fuzz/fuzz_connect_lines.c - the connect applet's reader of what
 * ssh and the remote print (MOSH IP / SSH_CONNECTION / CONNECT lines and
 * the install script's MOSH-STATIC requests).  The remote is not trusted
 * to be well-formed: no input may crash it or overrun a buffer.  Applets
 * are not in libmosh.a, so the sources are compiled in.
 */
#include <stdio.h>
#include <string.h>

#include "applets/connect_util.c"
#include "applets/connect_install.c"
#include "applets/connect_boot.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct connect_opts o;
	static struct connect_bin bin;
	static struct connect_session s;
	static struct boot boot_state;	/* big: kept off the stack */
	static int init;
	size_t cut = size / 2;

	if (!init) {
		/* Echoed lines and messages would only slow the fuzzer. */
		if (freopen("/dev/null", "w", stdout) == NULL) {
			return 0;
		}
		core_log_set_fd(-1);
		o.port = "60001:60010";
		o.userhost = "u@h";
		snprintf(bin.arch, sizeof bin.arch, "x86_64");
		bin.path = "/nonexistent/mosh-static";
		bin.size = 5;
		init = 1;
	}
	memset(&boot_state, 0, sizeof boot_state);
	memset(&s, 0, sizeof s);
	boot_state.o = &o;
	boot_state.bins = &bin;
	boot_state.nbins = 1;
	boot_state.s = &s;
	boot_state.upfd = -1;
	boot_state.infd = -1;
	/* In two pieces, to cross a read boundary mid-line. */
	feed(&boot_state, (const char *)data, cut);
	feed(&boot_state, (const char *)data + cut, size - cut);
	if (boot_state.done) {
		/* A CONNECT line was accepted: its fields must be sane. */
		if (strlen(s.key) != 22 || s.port[0] == '\0') {
			__builtin_trap();
		}
	}
	return 0;
}
