/*
 * term/notify.c - the notification bar: text from (message, contact
 * times, now), then cells over row 0 of a framebuffer copy.
 */
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "core/utf8.h"
#include "core/width.h"
#include "term/notify.h"

/* 9.1: the counter ticks every second, every 3 s after a minute. */
#define TICK_FAST 1000
#define TICK_SLOW 3000
#define SLOW_AFTER 60000

void
notify_init(struct notify *n, const char *hint, uint64_t now)
{
	memset(n, 0, sizeof *n);
	snprintf(n->hint, sizeof n->hint, "%s", hint != NULL ? hint : "");
	n->server_heard = now;
	n->reply_acked = now;
}

/* Length of s cut to at most max bytes without splitting a character. */
static size_t
utf8_cut(const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len <= max) {
		return len;
	}
	while (max > 0 && ((uint8_t)s[max] & 0xC0) == 0x80) {
		max--;
	}
	return max;
}

void
notify_set(struct notify *n, const char *msg, uint64_t now, uint64_t lifetime,
    int no_hint)
{
	size_t len = utf8_cut(msg, sizeof n->msg - 1);

	memcpy(n->msg, msg, len);
	n->msg[len] = '\0';
	n->no_hint = no_hint != 0;
	n->expires = lifetime == NOTIFY_NEVER || now > NOTIFY_NEVER - lifetime ?
	    NOTIFY_NEVER : now + lifetime;
}

void
notify_clear(struct notify *n)
{
	n->msg[0] = '\0';
	n->no_hint = 0;
}

void
notify_expire_by(struct notify *n, uint64_t until)
{
	if (n->expires > until) {
		n->expires = until;
	}
}

static int
msg_shown(const struct notify *n, uint64_t now)
{
	return n->msg[0] != '\0' && now < n->expires;
}

int
notify_is(const struct notify *n, const char *msg, uint64_t now)
{
	return msg_shown(n, now) && strcmp(n->msg, msg) == 0;
}

void
notify_duration(uint64_t s, int short_form, char *out)
{
	if (s < 60) {
		snprintf(out, 32, "%u %s", (unsigned)s,
		    short_form ? "s" : "seconds");
	} else if (s < 3600) {
		snprintf(out, 32, "%u:%02u", (unsigned)(s / 60),
		    (unsigned)(s % 60));
	} else {
		snprintf(out, 32, "%llu:%02u:%02u",
		    (unsigned long long)(s / 3600), (unsigned)(s / 60 % 60),
		    (unsigned)(s % 60));
	}
}

static uint64_t
since(uint64_t now, uint64_t t)
{
	return now > t ? now - t : 0;
}

size_t
notify_text(const struct notify *n, uint64_t now, char *out)
{
	uint64_t heard = since(now, n->server_heard);
	uint64_t acked = since(now, n->reply_acked);
	int server_late = heard > NOTIFY_SERVER_LATE;
	int reply_late = acked > NOTIFY_REPLY_LATE;
	int late = server_late || reply_late;
	int msg = msg_shown(n, now);
	const char *what = server_late ? "contact" : "reply";
	const char *hint = n->no_hint && msg ? "" : n->hint;
	char dur[32];
	int len;

	if (!msg && !late) {
		out[0] = '\0';
		return 0;
	}
	notify_duration((server_late ? heard : acked) / 1000, msg, dur);
	if (!msg) {
		len = snprintf(out, NOTIFY_TEXT_MAX, "mosh: Last %s %s ago.%s",
		    what, dur, hint);
	} else if (!late) {
		len = snprintf(out, NOTIFY_TEXT_MAX, "mosh: %s%s", n->msg, hint);
	} else {
		len = snprintf(out, NOTIFY_TEXT_MAX,
		    "mosh: %s (%s without %s.)%s", n->msg, dur, what, hint);
	}
	if (len < 0) {
		out[0] = '\0';
		return 0;
	}
	return (size_t)len < NOTIFY_TEXT_MAX ? (size_t)len : NOTIFY_TEXT_MAX - 1;
}

/* Places code point cp at *col of row (width w); marks join the cell to
 * the left.  Returns 0 when the row is full. */
static int
put_cp(struct fb_row *row, int *col, uint32_t cp, const struct fb_rend *r)
{
	int w = core_width(cp);
	struct fb_cell *c;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
		cp = 0xFFFD;	/* never a control on the real terminal */
		w = 1;
	}
	if (w == 0) {
		if (*col > 0) {
			c = &row->cells[*col - 1];
			if (c->width == 0 && *col > 1) {
				c--;
			}
			if (c->ncomb < FB_COMB_MAX) {
				c->comb[c->ncomb++] = cp;
			}
		}
		return 1;
	}
	if (*col + w > row->cols) {
		return 0;
	}
	c = &row->cells[*col];
	*c = fb_cell_blank(r);
	c->ch = cp == ' ' ? 0 : cp;
	c->width = (uint8_t)w;
	if (w == 2) {
		c[1] = fb_cell_blank(r);
		c[1].width = 0;
	}
	*col += w;
	return 1;
}

int
notify_render(const struct notify *n, uint64_t now, struct fb *f)
{
	char text[NOTIFY_TEXT_MAX];
	size_t len = notify_text(n, now, text), i;
	struct fb_rend pad = { fb_color_palette(7), fb_color_palette(4), 0, 0 };
	struct fb_rend bold = pad;
	struct fb_row *row;
	struct core_utf8 dec;
	uint32_t cps[2];
	int col = 0, k, m;

	if (len == 0) {
		return 0;
	}
	if ((row = fb_row_mut(f, 0)) == NULL) {
		return CORE_E_NOMEM;
	}
	bold.attrs = FB_ATTR_BOLD;
	fb_row_fill_blank(row, 0, row->cols, &pad);
	row->wrapped = 0;
	core_utf8_init(&dec);
	for (i = 0; i < len; i++) {
		m = core_utf8_feed(&dec, (uint8_t)text[i], cps);
		for (k = 0; k < m; k++) {
			if (!put_cp(row, &col, cps[k], &bold)) {
				i = len;
				break;
			}
		}
	}
	if (f->cur.row == 0) {
		f->cur.visible = 0;
	}
	return 1;
}

static uint64_t
min64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* Next time after `now` when the whole seconds of (now - t) change,
 * or the threshold `late` is crossed. */
static uint64_t
next_tick(uint64_t now, uint64_t t, uint64_t late)
{
	uint64_t d = since(now, t);
	uint64_t step = d > SLOW_AFTER ? TICK_SLOW : TICK_FAST;

	if (d <= late) {
		return t + late + 1;
	}
	return now + (step - d % step);
}

uint64_t
notify_next_change(const struct notify *n, uint64_t now)
{
	uint64_t next = NOTIFY_NEVER;

	if (n->msg[0] != '\0' && n->expires > now) {
		next = n->expires;
	}
	next = min64(next, next_tick(now, n->server_heard, NOTIFY_SERVER_LATE));
	next = min64(next, next_tick(now, n->reply_acked, NOTIFY_REPLY_LATE));
	return next;
}
