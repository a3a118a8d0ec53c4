/*
 * test/unit/applets_connect.c - the pure parts of the connect applet:
 * shell word splitting and quoting (round trip through a real sh), the
 * architecture map, and the shape of the remote install script (one line,
 * no single quote, so any login shell passes it through unchanged).
 * Applets are not in libmosh.a, so their sources are compiled in here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "applets/connect_util.c"
#include "applets/connect_install.c"
#include "test/harness.h"

static void
split_plain_and_quoted(void)
{
	struct sv w = { 0 };
	const char *err = NULL;

	CHECK_INT(0, shell_split("  ssh -p 2222\t-o 'A B' \"C \\\"D\\\"\" e\\ f ''",
	    &w, &err));
	CHECK_INT(8, (int)w.n);
	CHECK_STR("ssh", w.v[0]);
	CHECK_STR("-p", w.v[1]);
	CHECK_STR("2222", w.v[2]);
	CHECK_STR("-o", w.v[3]);
	CHECK_STR("A B", w.v[4]);
	CHECK_STR("C \"D\"", w.v[5]);
	CHECK_STR("e f", w.v[6]);
	CHECK_STR("", w.v[7]);
	CHECK(w.v[8] == NULL);
	sv_free(&w);
	CHECK_INT(0, shell_split("a '' b", &w, &err));
	CHECK_INT(3, (int)w.n);
	CHECK_STR("", w.v[1]);
	sv_free(&w);
}

static void
split_rejects_open_quotes(void)
{
	struct sv w = { 0 };
	const char *err = NULL;

	CHECK_INT(-1, shell_split("ssh 'oops", &w, &err));
	CHECK(err != NULL && strstr(err, "'") != NULL);
	sv_free(&w);
	CHECK_INT(-1, shell_split("ssh \"oops", &w, &err));
	sv_free(&w);
}

static void
quote_matches_stock(void)
{
	char *words[] = { "new", "it's", "", "a b" };
	char *q = shell_quote_words(words, 4);

	CHECK_STR("'new' 'it'\\''s' '' 'a b'", q);
	free(q);
}

/* What sh makes of our quoting is the words we started with. */
static void
quote_round_trips_through_sh(void)
{
	char *words[] = { "x'y", "$HOME", "`id`", "a\\b", "\"q\"", "*", "" };
	char *q = shell_quote_words(words, 7), cmd[4096], out[4096];
	size_t n;
	FILE *f;

	snprintf(cmd, sizeof cmd, "sh -c 'for w; do printf \"[%%s]\" \"$w\"; "
	    "done' sh %s", q);
	free(q);
	f = popen(cmd, "r");
	CHECK(f != NULL);
	if (f == NULL) {
		return;
	}
	n = fread(out, 1, sizeof out - 1, f);
	out[n] = '\0';
	pclose(f);
	CHECK_STR("[x'y][$HOME][`id`][a\\b][\"q\"][*][]", out);
}

static void
arch_map(void)
{
	CHECK_STR("x86_64", connect_map_arch("x86_64"));
	CHECK_STR("x86_64", connect_map_arch("amd64"));
	CHECK_STR("aarch64", connect_map_arch("aarch64"));
	CHECK_STR("aarch64", connect_map_arch("arm64"));
	CHECK_STR("armv7", connect_map_arch("armv7l"));
	CHECK_STR("armv7", connect_map_arch("armv7"));
	CHECK_STR("armv7", connect_map_arch("armhf"));
	CHECK(connect_map_arch("mips") == NULL);
	CHECK(connect_map_arch("i686") == NULL);
	CHECK(connect_map_arch("") == NULL);
}

static void
script_is_one_line_without_single_quotes(void)
{
	const char *s = connect_install_script();

	CHECK(strchr(s, '\n') == NULL);
	/*
	 * The whole remote command must stay well under Dropbear's limit on
	 * a command's length (9000 bytes in its sysoptions.h).
	 */
	CHECK(strlen(s) < 4000);
	CHECK(strchr(s, '\'') == NULL);
	CHECK(strstr(s, "\\\\") == NULL);
	/* The upload is made executable only after the hash check. */
	CHECK(strstr(s, "v=$(h \"$t\")") != NULL);
	CHECK(strstr(s, "v=$(h \"$t\")") < strstr(s, "chmod 700 \"$t\" && mv"));
}

static void
script_parses_in_sh(void)
{
	char cmd[16384];
	int st;

	snprintf(cmd, sizeof cmd, "sh -n -c '%s'", connect_install_script());
	st = system(cmd);
	CHECK_INT(0, st);
}

static void
install_command_quotes_args(void)
{
	struct connect_opts o;
	struct connect_bin b;
	char *args[] = { "new", "-l", "LANG=it's" };
	char *c;

	memset(&o, 0, sizeof o);
	memset(&b, 0, sizeof b);
	o.install = INSTALL_AUTO;
	o.remote_ip = RIP_REMOTE;
	snprintf(b.arch, sizeof b.arch, "aarch64");
	memset(b.sha, 'a', CRYPTO_SHA256_HEX_LEN);
	b.size = 1234;
	c = connect_install_command(&o, &b, 1, args, 3);
	CHECK(strncmp(c, "sh -c '", 7) == 0);
	CHECK(strstr(c, "' 'mosh-static' 'auto' '-r' '" MOSH_VERSION
	    "' 'mosh-server' 'aarch64' 'aaaa") != NULL);
	CHECK(strstr(c, "'1234' '" MOSH_VERSION "-aaaaaaaaaaaaaaaa' '--' 'new' "
	    "'-l' 'LANG=it'\\''s'") != NULL);
	free(c);
}

static const struct test tests[] = {
	T(split_plain_and_quoted),
	T(split_rejects_open_quotes),
	T(quote_matches_stock),
	T(quote_round_trips_through_sh),
	T(arch_map),
	T(script_is_one_line_without_single_quotes),
	T(script_parses_in_sh),
	T(install_command_quotes_args),
};

TEST_MAIN(tests)
