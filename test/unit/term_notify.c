/*
 * test/unit/term_notify.c - the notification bar (PROTOCOL.md 9.1): text
 * from (message, contact times, now), and its cells on row 0.
 */
#include <string.h>

#include "core/err.h"
#include "term/notify.h"
#include "test/harness.h"

#define HINT " [To quit: Ctrl-^ .]"

static const char *
text(const struct notify *n, uint64_t now)
{
	static char buf[NOTIFY_TEXT_MAX];

	notify_text(n, now, buf);
	return buf;
}

static void
durations(void)
{
	char b[32];

	notify_duration(0, 0, b);
	CHECK_STR("0 seconds", b);
	notify_duration(59, 0, b);
	CHECK_STR("59 seconds", b);
	notify_duration(7, 1, b);
	CHECK_STR("7 s", b);
	notify_duration(60, 0, b);
	CHECK_STR("1:00", b);
	notify_duration(3599, 1, b);
	CHECK_STR("59:59", b);
	notify_duration(3600, 0, b);
	CHECK_STR("1:00:00", b);
	notify_duration(3600 * 25 + 61, 0, b);
	CHECK_STR("25:01:01", b);
}

static void
late_texts(void)
{
	struct notify n;
	uint64_t t0 = 100000;

	notify_init(&n, HINT, t0);
	CHECK_STR("", text(&n, t0));
	CHECK_STR("", text(&n, t0 + 6500));
	/* server late: "contact" */
	CHECK_STR("mosh: Last contact 6 seconds ago." HINT, text(&n, t0 + 6501));
	CHECK_STR("mosh: Last contact 9 seconds ago." HINT, text(&n, t0 + 9999));
	CHECK_STR("mosh: Last contact 1:05 ago." HINT, text(&n, t0 + 65000));
	/* only the reply late: "reply", counted from the ack */
	notify_server_heard(&n, t0 + 11000);
	CHECK_STR("mosh: Last reply 11 seconds ago." HINT, text(&n, t0 + 11500));
	/* both fresh: no bar */
	notify_reply_acked(&n, t0 + 11000);
	CHECK_STR("", text(&n, t0 + 11500));
	CHECK_INT(0, (int)notify_text(&n, t0 + 11500, (char[NOTIFY_TEXT_MAX]){0}));
}

static void
messages(void)
{
	struct notify n;
	uint64_t t0 = 5000;

	notify_init(&n, HINT, t0);
	notify_set(&n, "Exiting...", t0, NOTIFY_MSG_LIFETIME, 0);
	CHECK_STR("mosh: Exiting..." HINT, text(&n, t0 + 999));
	CHECK_INT(1, notify_is(&n, "Exiting...", t0 + 10));
	/* ordinary messages last 1000 ms */
	CHECK_STR("", text(&n, t0 + 1000));
	CHECK_INT(0, notify_is(&n, "Exiting...", t0 + 1000));
	/* permanent message, then late: "(T without contact.)" */
	notify_set(&n, "Nothing received from server on UDP port 60001.", t0,
	    NOTIFY_NEVER, 0);
	CHECK_STR("mosh: Nothing received from server on UDP port 60001."
	    HINT, text(&n, t0 + 3000));
	CHECK_STR("mosh: Nothing received from server on UDP port 60001. "
	    "(7 s without contact.)" HINT, text(&n, t0 + 7000));
	/* the help message carries no quit hint */
	notify_set(&n, "Commands: x", t0, NOTIFY_NEVER, 1);
	CHECK_STR("mosh: Commands: x", text(&n, t0 + 10));
	notify_clear(&n);
	CHECK_STR("", text(&n, t0 + 10));
	/* network errors: shortened once sends work again */
	notify_set(&n, "sendto: x", t0, 3100, 0);
	notify_expire_by(&n, t0 + 1000);
	CHECK_STR("", text(&n, t0 + 1000));
	/* no hint when the escape key is disabled */
	notify_init(&n, "", t0);
	CHECK_STR("mosh: Last contact 7 seconds ago.", text(&n, t0 + 7000));
}

static void
next_change(void)
{
	struct notify n;
	uint64_t t0 = 1000;

	notify_init(&n, HINT, t0);
	CHECK_U64(t0 + NOTIFY_SERVER_LATE + 1, notify_next_change(&n, t0));
	/* once late, every second on the second */
	CHECK_U64(t0 + 8000, notify_next_change(&n, t0 + 7200));
	/* after a minute, every 3 s */
	notify_reply_acked(&n, t0 + 100000);
	CHECK_U64(t0 + 63000, notify_next_change(&n, t0 + 61000));
	notify_set(&n, "m", t0 + 61000, 500, 0);
	CHECK_U64(t0 + 61500, notify_next_change(&n, t0 + 61000));
}

static void
render_row0(void)
{
	struct notify n;
	struct fb f, snap;
	const struct fb_row *r;
	const char *s;
	int i;

	CHECK_INT(0, fb_init(&f, 30, 3));
	CHECK_INT(0, fb_copy(&snap, &f));
	notify_init(&n, HINT, 0);
	CHECK_INT(0, notify_render(&n, 100, &f));
	CHECK(fb_row_same(fb_row_get(&f, 0), fb_row_get(&snap, 0)));
	notify_set(&n, "\xe6\xbc\xa2 e\xcc\x81 hi", 0, NOTIFY_NEVER, 1);
	CHECK_INT(1, notify_render(&n, 100, &f));
	/* the snapshot keeps its row: the bar went on a private copy */
	CHECK(!fb_row_same(fb_row_get(&f, 0), fb_row_get(&snap, 0)));
	CHECK(fb_row_same(fb_row_get(&f, 1), fb_row_get(&snap, 1)));
	CHECK_INT(0, snap.rowv[0]->cells[0].ch);
	r = fb_row_get(&f, 0);
	s = "mosh: ";
	for (i = 0; s[i] != '\0'; i++) {
		CHECK_INT(s[i] == ' ' ? 0 : s[i], (int)r->cells[i].ch);
		CHECK_INT(FB_ATTR_BOLD, r->cells[i].rend.attrs);
		CHECK_INT((int)fb_color_palette(7), (int)r->cells[i].rend.fg);
		CHECK_INT((int)fb_color_palette(4), (int)r->cells[i].rend.bg);
	}
	CHECK_INT(0x6F22, (int)r->cells[6].ch);
	CHECK_INT(2, r->cells[6].width);
	CHECK_INT(0, r->cells[7].width);
	CHECK_INT('e', (int)r->cells[9].ch);
	CHECK_INT(1, r->cells[9].ncomb);
	CHECK_INT(0x301, (int)r->cells[9].comb[0]);
	CHECK_INT('h', (int)r->cells[11].ch);
	/* padding: blank, not bold, white on blue, to the edge */
	CHECK_INT(0, (int)r->cells[29].ch);
	CHECK_INT(0, r->cells[29].rend.attrs);
	CHECK_INT((int)fb_color_palette(4), (int)r->cells[29].rend.bg);
	/* cursor on row 0 is hidden */
	CHECK_INT(0, f.cur.visible);
	fb_free(&f);
	fb_free(&snap);
}

static void
render_cut(void)
{
	struct notify n;
	struct fb f;
	const struct fb_row *r;

	CHECK_INT(0, fb_init(&f, 8, 2));
	f.cur.row = 1;
	notify_init(&n, HINT, 0);
	/* "mosh: a" then a wide char at col 7 does not fit */
	notify_set(&n, "a\xe6\xbc\xa2zzz", 0, NOTIFY_NEVER, 0);
	CHECK_INT(1, notify_render(&n, 1, &f));
	r = fb_row_get(&f, 0);
	CHECK_INT('a', (int)r->cells[6].ch);
	CHECK_INT(0, (int)r->cells[7].ch);
	CHECK_INT(1, r->cells[7].width);
	CHECK_INT(1, f.cur.visible);
	/* a control character in a message never reaches the terminal */
	notify_set(&n, "\x1b", 0, NOTIFY_NEVER, 0);
	CHECK_INT(1, notify_render(&n, 1, &f));
	CHECK_INT(0xFFFD, (int)fb_row_get(&f, 0)->cells[6].ch);
	fb_free(&f);
}

static const struct test tests[] = {
	T(durations),
	T(late_texts),
	T(messages),
	T(next_change),
	T(render_row0),
	T(render_cut),
};

TEST_MAIN(tests)
