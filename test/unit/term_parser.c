/*
 * test/unit/term_parser.c - the state machine on its own: events for
 * each kind of sequence, bounds, C1 handling, strings, every byte in
 * every state.
 */
#include <stdio.h>
#include <stdlib.h>

#include "test/harness.h"
#include "term/parser.h"

/* Events rendered as text: "p(41)" "a(hi)" "x(0a)" "e(...)" "c(...)"
 * "o(...)". */
static char log_[4096];
static size_t log_len;

static void
out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#include <stdarg.h>
static void
out(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (log_len < sizeof log_) {
		int n = vsnprintf(log_ + log_len, sizeof log_ - log_len, fmt, ap);

		log_len += n > 0 ? (size_t)n : 0;
		if (log_len > sizeof log_ - 1) {
			log_len = sizeof log_ - 1;
		}
	}
	va_end(ap);
}

static void
ev_print(void *u, uint32_t cp)
{
	out("p(%x)", (unsigned)cp);
}

static void
ev_ascii(void *u, const uint8_t *s, size_t n)
{
	out("a(%.*s)", (int)n, (const char *)s);
}

static void
ev_exec(void *u, uint32_t c)
{
	out("x(%02x)", (unsigned)c);
}

static void
seq(char kind, const struct vt_seq *s)
{
	unsigned i;

	out("%c(", kind);
	if (s->prefix) {
		out("%c", s->prefix);
	}
	for (i = 0; i < s->nparam; i++) {
		if (i > 0) {
			out("%c", s->sub >> i & 1 ? ':' : ';');
		}
		if (s->param[i] == VT_PARAM_DEFAULT) {
			out("-");
		} else {
			out("%u", (unsigned)s->param[i]);
		}
	}
	for (i = 0; i < s->ninter; i++) {
		out("%c", s->inter[i]);
	}
	out("%c)", s->final);
}

static void
ev_esc(void *u, const struct vt_seq *s)
{
	seq('e', s);
}

static void
ev_csi(void *u, const struct vt_seq *s)
{
	seq('c', s);
}

static size_t osc_total;

static void
ev_osc(void *u, const uint8_t *d, size_t n, int trunc)
{
	osc_total = n;
	if (n > 40) {
		out("o[%zu%s]", n, trunc ? ",trunc" : "");
	} else {
		out("o(%.*s%s)", (int)n, (const char *)d, trunc ? ",trunc" : "");
	}
}

static const struct vt_parser_ops ops = {
	ev_print, ev_ascii, ev_exec, ev_esc, ev_csi, ev_osc
};

static const char *
run(struct vt_parser *p, const char *s, size_t n)
{
	log_len = 0;
	vt_parser_feed(p, (const uint8_t *)s, n);
	log_[log_len] = '\0';
	return log_;
}

#define CHECK_PARSE(in, want) do { \
	struct vt_parser p_; \
	vt_parser_init(&p_, &ops, NULL); \
	CHECK_STR(want, run(&p_, in, sizeof(in) - 1)); \
	vt_parser_fini(&p_); } while (0)

static void
ground(void)
{
	CHECK_PARSE("ab\r\ncd", "a(ab)x(0d)x(0a)a(cd)");
	CHECK_PARSE("\xc3\xa9z\x7f", "p(e9)a(z)");
	CHECK_PARSE("\xe4\xb8" "a", "p(fffd)p(61)");
	CHECK_PARSE("\x9b" "1m", "p(fffd)a(1m)");
	/* C1 as UTF-8 code points. */
	CHECK_PARSE("\xc2\x85\xc2\x9b" "2J", "x(85)c(2J)");
	CHECK_PARSE("\xc2\x9d" "0;t\xc2\x9c", "o(0;t)");
}

static void
escapes(void)
{
	CHECK_PARSE("\0337\033(0\033#8\033 F", "e(7)e((0)e(#8)e( F)");
	/* Too many intermediates: dropped. */
	CHECK_PARSE("\033(((0x", "a(x)");
	/* C0 inside an escape executes; ESC restarts. */
	CHECK_PARSE("\033\n7\033\033M", "x(0a)e(7)e(M)");
}

static void
csi(void)
{
	CHECK_PARSE("\033[m", "c(m)");
	CHECK_PARSE("\033[1;22;333m", "c(1;22;333m)");
	CHECK_PARSE("\033[;5H", "c(-;5H)");
	CHECK_PARSE("\033[?1049h", "c(?1049h)");
	CHECK_PARSE("\033[>0c", "c(>0c)");
	CHECK_PARSE("\033[!p\033[ q", "c(!p)c( q)");
	CHECK_PARSE("\033[38:2::1:2:3m", "c(38:2:-:1:2:3m)");
	CHECK_PARSE("\033[65535;65536;99999999999A", "c(65535;-;-A)");
	/* Private marker after a param, or param after intermediate. */
	CHECK_PARSE("\033[1?hx", "a(x)");
	CHECK_PARSE("\033[ 1hx", "a(x)");
	CHECK_PARSE("\033[1\n;2H", "x(0a)c(1;2H)");
	/* CAN aborts. */
	CHECK_PARSE("\033[1\030m", "x(18)a(m)");
}

static void
param_bounds(void)
{
	char s[300];
	size_t n = 0;
	int i;

	s[n++] = 0x1b;
	s[n++] = '[';
	for (i = 0; i < 40; i++) {
		n += (size_t)snprintf(s + n, sizeof s - n, "%d;", i);
	}
	s[n++] = 'm';
	s[n] = '\0';
	{
		struct vt_parser p;
		const char *got;

		vt_parser_init(&p, &ops, NULL);
		got = run(&p, s, n);
		CHECK_STR("c(0;1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;"
		    "20;21;22;23;24;25;26;27;28;29;30;31m)", got);
		vt_parser_fini(&p);
	}
}

static void
strings(void)
{
	CHECK_PARSE("\033]2;hi\007x", "o(2;hi)a(x)");
	CHECK_PARSE("\033]2;hi\033\\x", "o(2;hi)e(\\)a(x)");
	CHECK_PARSE("\033]2;h\xc3\xa9\001\007", "o(2;h\xc3\xa9)");
	CHECK_PARSE("\033]2;x\030y", "x(18)a(y)");
	/* DCS, SOS, PM, APC are swallowed up to ST. */
	CHECK_PARSE("\033P1$qm\033\\a", "e(\\)a(a)");
	CHECK_PARSE("\033Pq#0;2;0;0;0#0!10~\033\\a", "e(\\)a(a)");
	CHECK_PARSE("\033_hidden\007stuff\033\\b", "e(\\)a(b)");
	CHECK_PARSE("\033^pm\033\\\033Xsos\xc2\x9c" "c", "e(\\)a(c)");
}

static void
osc_bound(void)
{
	struct vt_parser p;
	uint8_t *big = malloc(10u << 20);
	size_t i;

	CHECK(big != NULL);
	if (big == NULL) {
		return;
	}
	big[0] = 0x1b;
	big[1] = ']';
	for (i = 2; i < (10u << 20) - 1; i++) {
		big[i] = 'A';
	}
	big[i] = 7;
	vt_parser_init(&p, &ops, NULL);
	log_len = 0;
	osc_total = 0;
	vt_parser_feed(&p, big, 10u << 20);
	log_[log_len] = '\0';
	CHECK_INT(VT_OSC_MAX, osc_total);
	CHECK_STR("o[16448,trunc]", log_);
	CHECK_STR("a(ok)", run(&p, "ok", 2));
	vt_parser_fini(&p);
	free(big);
}

/* Every byte value in every state: the parser must end in ground after
 * CAN, whatever came before. */
static void
every_byte_every_state(void)
{
	static const char *prefixes[] = {
		"", "\033", "\033(", "\033[", "\033[1", "\033[1;", "\033[?",
		"\033[1 ", "\033[1?", "\033P", "\033P1", "\033P1$", "\033Pq",
		"\033P1?", "\033]", "\033]0;", "\033X", "\033^", "\033_",
		"\xe4", "\xe4\xb8", "\033[\xe4",
	};
	struct vt_parser p;
	size_t i;
	int b;

	vt_parser_init(&p, &ops, NULL);
	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		for (b = 0; b < 256; b++) {
			char s[16];
			size_t n = strlen(prefixes[i]);

			memcpy(s, prefixes[i], n);
			s[n++] = (char)b;
			s[n++] = 0x18;	/* CAN */
			run(&p, s, n);
			CHECK_STR("a(z)", run(&p, "z", 1));
		}
	}
	vt_parser_fini(&p);
}

static const struct test tests[] = {
	T(ground), T(escapes), T(csi), T(param_bounds), T(strings),
	T(osc_bound), T(every_byte_every_state),
};
TEST_MAIN(tests)
