/*
 * test/unit/term_escape.c - the escape-key state machine and the parsing
 * of MOSH_ESCAPE_KEY (PROTOCOL.md 9.2), plus the TERM heuristics.
 */
#include <string.h>

#include "term/caps.h"
#include "term/escape.h"
#include "test/harness.h"

/* Feeds s through e; the bytes to send go to out (returns their count),
 * the actions (one letter each: n p q s c r) to acts. */
static size_t
run(struct esckey *e, const char *s, size_t n, uint8_t *out, char *acts)
{
	static const char letters[] = "npqscr";
	size_t i, o = 0, k;
	uint8_t b[2];

	for (i = 0; i < n; i++) {
		enum esckey_action a = esckey_feed(e, (uint8_t)s[i], b, &k);

		acts[i] = letters[a];
		memcpy(out + o, b, k);
		o += k;
	}
	acts[n] = '\0';
	return o;
}

static void
default_key(void)
{
	struct esckey_cfg c;
	struct esckey e;
	uint8_t out[64];
	char acts[64];
	size_t n;

	CHECK_INT(0, esckey_cfg_parse(&c, NULL));
	CHECK_INT(1, c.enabled);
	CHECK_INT(0x1E, c.key);
	esckey_init(&e, &c);
	/* plain bytes pass, Ctrl-L asks for a repaint and is still sent */
	n = run(&e, "ab\x0c", 3, out, acts);
	CHECK_MEM("ab\x0c", 3, out, n);
	CHECK_STR("nnr", acts);
	/* key '^' -> one literal Ctrl-^ */
	n = run(&e, "\x1e^", 2, out, acts);
	CHECK_MEM("\x1e", 1, out, n);
	CHECK_STR("pc", acts);
	/* key 'x' -> both bytes; key key -> both */
	n = run(&e, "\x1ex\x1e\x1e", 4, out, acts);
	CHECK_MEM("\x1ex\x1e\x1e", 4, out, n);
	CHECK_STR("pcpc", acts);
	/* key '.' quits, key Ctrl-Z suspends; nothing is sent */
	n = run(&e, "\x1e.", 2, out, acts);
	CHECK_INT(0, (int)n);
	CHECK_STR("pq", acts);
	n = run(&e, "\x1e\x1a", 2, out, acts);
	CHECK_INT(0, (int)n);
	CHECK_STR("ps", acts);
	/* a control key works mid-line */
	n = run(&e, "abc\x1e.", 5, out, acts);
	CHECK_STR("nnnpq", acts);
}

static void
parse_values(void)
{
	struct esckey_cfg c;
	char hint[ESCKEY_HINT_MAX], help[ESCKEY_HELP_MAX];

	esckey_cfg_parse(&c, NULL);
	esckey_hint(&c, hint);
	CHECK_STR(" [To quit: Ctrl-^ .]", hint);
	esckey_help(&c, help);
	CHECK_STR("Commands: Ctrl-Z suspends, \".\" quits, \"^\" gives "
	    "literal Ctrl-^", help);
	/* empty disables */
	CHECK_INT(0, esckey_cfg_parse(&c, ""));
	CHECK_INT(0, c.enabled);
	esckey_hint(&c, hint);
	CHECK_STR("", hint);
	/* refused keys and long values give the default */
	CHECK_INT(1, esckey_cfg_parse(&c, "\x03"));
	CHECK_INT(0x1E, c.key);
	CHECK_INT(1, esckey_cfg_parse(&c, "\x04"));
	CHECK_INT(1, esckey_cfg_parse(&c, "\n"));
	CHECK_INT(1, esckey_cfg_parse(&c, "\x0c"));
	CHECK_INT(1, esckey_cfg_parse(&c, "\r"));
	CHECK_INT(1, esckey_cfg_parse(&c, "ab"));
	CHECK_INT(1, esckey_cfg_parse(&c, "\xc3\xa9"));
	CHECK_INT(1, c.enabled);
	CHECK_INT(0x1E, c.key);
	/* Ctrl-A: literal 'A' or 'a' */
	CHECK_INT(0, esckey_cfg_parse(&c, "\x01"));
	CHECK_INT(1, c.key);
	CHECK_INT('A', c.literal);
	CHECK_INT('a', c.literal_alt);
	CHECK_INT(0, c.after_newline);
	esckey_hint(&c, hint);
	CHECK_STR(" [To quit: Ctrl-A .]", hint);
	/* printable '~' */
	CHECK_INT(0, esckey_cfg_parse(&c, "~"));
	CHECK_INT('~', c.key);
	CHECK_INT('~', c.literal);
	CHECK_INT(1, c.after_newline);
	esckey_hint(&c, hint);
	CHECK_STR(" [To quit: \"~\" .]", hint);
}

static void
ctrl_a_literal(void)
{
	struct esckey_cfg c;
	struct esckey e;
	uint8_t out[64];
	char acts[64];
	size_t n;

	esckey_cfg_parse(&c, "\x01");
	esckey_init(&e, &c);
	n = run(&e, "\x01" "a\x01" "A\x01" "b\x1e", 7, out, acts);
	CHECK_MEM("\x01\x01\x01" "b\x1e", 5, out, n);
	CHECK_STR("pcpcpcn", acts);
}

static void
printable_after_newline(void)
{
	struct esckey_cfg c;
	struct esckey e;
	uint8_t out[64];
	char acts[64];
	size_t n;

	esckey_cfg_parse(&c, "~");
	esckey_init(&e, &c);
	/* at the start it counts; '~' '~' sends one '~' */
	n = run(&e, "~~", 2, out, acts);
	CHECK_MEM("~", 1, out, n);
	CHECK_STR("pc", acts);
	/* mid-line it is an ordinary byte */
	n = run(&e, "a~.", 3, out, acts);
	CHECK_MEM("a~.", 3, out, n);
	CHECK_STR("nnn", acts);
	/* after CR or LF it is the escape key again */
	n = run(&e, "\r~.", 3, out, acts);
	CHECK_MEM("\r", 1, out, n);
	CHECK_STR("npq", acts);
	n = run(&e, "\n~\x1a", 3, out, acts);
	CHECK_STR("nps", acts);
}

static void
disabled_key(void)
{
	struct esckey_cfg c;
	struct esckey e;
	uint8_t out[64];
	char acts[64];
	size_t n;

	esckey_cfg_parse(&c, "");
	esckey_init(&e, &c);
	n = run(&e, "\x1e.\x1e\x1a", 4, out, acts);
	CHECK_MEM("\x1e.\x1e\x1a", 4, out, n);
	CHECK_STR("nnnn", acts);
}

static void
term_caps(void)
{
	CHECK_INT(256, caps_colors("xterm-256color"));
	CHECK_INT(256, caps_colors("tmux-256color"));
	CHECK_INT(256, caps_colors("screen-256color"));
	CHECK_INT(256, caps_colors("xterm-direct"));
	CHECK_INT(256, caps_colors("alacritty"));
	CHECK_INT(16, caps_colors("rxvt-16color"));
	CHECK_INT(88, caps_colors("rxvt-88color"));
	CHECK_INT(8, caps_colors("xterm"));
	CHECK_INT(8, caps_colors("linux"));
	CHECK_INT(8, caps_colors("screen"));
	CHECK_INT(8, caps_colors("vt220"));
	CHECK_INT(0, caps_colors("dumb"));
	CHECK_INT(0, caps_colors(""));
	CHECK_INT(0, caps_colors(NULL));
	CHECK_INT(1, caps_titles("xterm-256color"));
	CHECK_INT(1, caps_titles("screen"));
	CHECK_INT(1, caps_titles("tmux-256color"));
	CHECK_INT(1, caps_titles("rxvt-unicode"));
	CHECK_INT(1, caps_titles("Eterm"));
	CHECK_INT(1, caps_titles("alacritty"));
	CHECK_INT(1, caps_titles("kterm"));
	CHECK_INT(0, caps_titles("linux"));
	CHECK_INT(0, caps_titles("vt100"));
	CHECK_INT(0, caps_titles("dumb"));
	CHECK_INT(0, caps_titles(NULL));
}

static const struct test tests[] = {
	T(default_key),
	T(parse_values),
	T(ctrl_a_literal),
	T(printable_after_newline),
	T(disabled_key),
	T(term_caps),
};

TEST_MAIN(tests)
