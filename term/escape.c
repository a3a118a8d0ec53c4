/*
 * term/escape.c - the escape-key state machine (PROTOCOL.md 9.2).
 *
 * A control key is named "Ctrl-X" with X = key + 0x40 and is recognised
 * anywhere; any other key is named by itself in quotes and only counts
 * right after CR or LF, so that typing it in text stays possible.
 */
#include <stdio.h>
#include <string.h>

#include "term/escape.h"

static void
cfg_default(struct esckey_cfg *c)
{
	c->enabled = 1;
	c->key = ESCKEY_DEFAULT;
	c->literal = ESCKEY_DEFAULT + 0x40;	/* '^' */
	c->literal_alt = 0;
	c->after_newline = 0;
}

/* Keys that would take away something a shell user needs. */
static int
refused(uint8_t k)
{
	return k == 0x03 || k == 0x04 || k == '\n' || k == 0x0C || k == '\r';
}

int
esckey_cfg_parse(struct esckey_cfg *c, const char *value)
{
	uint8_t k;

	cfg_default(c);
	if (value == NULL) {
		return 0;
	}
	if (value[0] == '\0') {
		c->enabled = 0;
		return 0;
	}
	k = (uint8_t)value[0];
	if (value[1] != '\0' || k < 1 || k > 127 || refused(k)) {
		return 1;
	}
	c->key = k;
	if (k < 0x20) {
		c->literal = (uint8_t)(k + 0x40);
		if (c->literal >= 'A' && c->literal <= 'Z') {
			c->literal_alt = (uint8_t)(c->literal + 0x20);
		}
	} else {
		/* Printable (and DEL): the key is its own literal. */
		c->literal = k;
		c->after_newline = 1;
	}
	return 0;
}

/* "Ctrl-X" or "\"x\"" for key k into out (at least 8 bytes). */
static void
key_name(uint8_t k, char *out, size_t n)
{
	if (k < 0x20) {
		snprintf(out, n, "Ctrl-%c", k + 0x40);
	} else if (k == 0x7F) {
		snprintf(out, n, "DEL");
	} else {
		snprintf(out, n, "\"%c\"", k);
	}
}

void
esckey_hint(const struct esckey_cfg *c, char *out)
{
	char name[16];

	if (!c->enabled) {
		out[0] = '\0';
		return;
	}
	key_name(c->key, name, sizeof name);
	snprintf(out, ESCKEY_HINT_MAX, " [To quit: %s .]", name);
}

void
esckey_help(const struct esckey_cfg *c, char *out)
{
	char name[16];
	uint8_t lit = c->literal_alt != 0 ? c->literal_alt : c->literal;

	key_name(c->key, name, sizeof name);
	snprintf(out, ESCKEY_HELP_MAX, "Commands: Ctrl-Z suspends, \".\" quits, "
	    "\"%c\" gives literal %s", lit, name);
}

void
esckey_init(struct esckey *e, const struct esckey_cfg *cfg)
{
	e->cfg = *cfg;
	e->pending = 0;
	/* Like ssh's "~": a printable key works before anything is typed. */
	e->at_line_start = 1;
}

/* The byte after the escape key. */
static enum esckey_action
resolve(struct esckey *e, uint8_t b, uint8_t out[2], size_t *nout)
{
	e->pending = 0;
	if (b == '.') {
		return ESCKEY_QUIT;
	}
	if (b == 0x1A) {
		return ESCKEY_SUSPEND;
	}
	out[0] = e->cfg.key;
	*nout = 1;
	if (b != e->cfg.literal &&
	    (e->cfg.literal_alt == 0 || b != e->cfg.literal_alt)) {
		out[1] = b;
		*nout = 2;
	}
	e->at_line_start = out[*nout - 1] == '\r' || out[*nout - 1] == '\n';
	return ESCKEY_CANCEL;
}

enum esckey_action
esckey_feed(struct esckey *e, uint8_t b, uint8_t out[2], size_t *nout)
{
	*nout = 0;
	if (e->pending) {
		return resolve(e, b, out, nout);
	}
	if (e->cfg.enabled && b == e->cfg.key &&
	    (!e->cfg.after_newline || e->at_line_start)) {
		e->pending = 1;
		return ESCKEY_PENDING;
	}
	out[0] = b;
	*nout = 1;
	e->at_line_start = b == '\r' || b == '\n';
	return b == 0x0C ? ESCKEY_REPAINT : ESCKEY_NONE;
}
