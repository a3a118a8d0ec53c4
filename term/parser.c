/*
 * term/parser.c - the VT500-series state machine.
 *
 * Bytes are first decoded as UTF-8 (ASCII bytes skip the decoder when it
 * is idle), then each code point goes through the "anywhere" transitions
 * (ESC, CAN, SUB, C1 controls) and the current state's table.  In ground,
 * runs of printable ASCII are handed over in one call, which is where a
 * terminal spends nearly all its time.  States and transitions follow the
 * DEC VT500 parser as described by Paul Williams (vt100.net/emu/dec_ansi_
 * parser), with ':' accepted as a sub-parameter separator (ECMA-48 5.4.2
 * and ITU T.416, used by SGR 38:2::r:g:b) and BEL accepted as an OSC
 * terminator (xterm).
 */
#include <stdlib.h>
#include <string.h>

#include "term/parser.h"

enum state {
	S_GROUND,
	S_ESC,
	S_ESC_INTER,
	S_CSI_ENTRY,
	S_CSI_PARAM,
	S_CSI_INTER,
	S_CSI_IGNORE,
	S_DCS_ENTRY,
	S_DCS_PARAM,
	S_DCS_INTER,
	S_DCS_PASS,
	S_DCS_IGNORE,
	S_OSC,
	S_SOS_STRING	/* SOS, PM and APC: consumed, ignored */
};

void
vt_parser_init(struct vt_parser *p, const struct vt_parser_ops *ops,
    void *user)
{
	memset(p, 0, sizeof *p);
	p->ops = ops;
	p->user = user;
	vt_parser_reset(p);
}

void
vt_parser_fini(struct vt_parser *p)
{
	free(p->osc);
	p->osc = NULL;
}

void
vt_parser_reset(struct vt_parser *p)
{
	p->state = S_GROUND;
	p->osc_len = 0;
	p->osc_trunc = 0;
	core_utf8_init(&p->utf8);
}

static void
clear_seq(struct vt_parser *p)
{
	p->seq.final = 0;
	p->seq.prefix = 0;
	p->seq.ninter = 0;
	p->seq.nparam = 0;
	p->seq.sub = 0;
	p->esc_bad = 0;
}

/* Collects an intermediate; too many make the sequence invalid. */
static int
collect(struct vt_parser *p, uint32_t c)
{
	if (p->seq.ninter >= VT_MAX_INTER) {
		return -1;
	}
	p->seq.inter[p->seq.ninter++] = (uint8_t)c;
	return 0;
}

/* A digit, ';' or ':' in a CSI or DCS parameter string. */
static void
param(struct vt_parser *p, uint32_t c)
{
	struct vt_seq *s = &p->seq;

	if (s->nparam == 0) {
		/* The first parameter byte opens parameter 0. */
		s->nparam = 1;
		s->param[0] = VT_PARAM_DEFAULT;
	}
	if (c == ';' || c == ':') {
		if (s->nparam < VT_MAX_PARAMS) {
			s->param[s->nparam] = VT_PARAM_DEFAULT;
			if (c == ':') {
				s->sub |= 1u << s->nparam;
			}
		}
		/* Past the limit nparam still counts so later digits are
		 * dropped; it is clamped at dispatch. */
		if (s->nparam <= VT_MAX_PARAMS) {
			s->nparam++;
		}
		return;
	}
	if (s->nparam > VT_MAX_PARAMS) {
		return;
	}
	{
		uint32_t *v = &s->param[s->nparam - 1];
		uint32_t d = c - '0';

		if (*v == VT_PARAM_DEFAULT) {
			*v = d;
		} else if (*v <= VT_PARAM_LIMIT) {
			*v = *v * 10 + d;
		}
		/* Values above the limit stay above it (at most 655359)
		 * until dispatch turns them into "missing". */
	}
}

static void
dispatch_csi(struct vt_parser *p, uint32_t final)
{
	struct vt_seq *s = &p->seq;
	unsigned i;

	if (s->nparam > VT_MAX_PARAMS) {
		s->nparam = VT_MAX_PARAMS;
	}
	for (i = 0; i < s->nparam; i++) {
		if (s->param[i] > VT_PARAM_LIMIT) {
			s->param[i] = VT_PARAM_DEFAULT;
		}
	}
	s->final = (uint8_t)final;
	p->ops->csi(p->user, s);
}

static void
osc_start(struct vt_parser *p)
{
	p->osc_len = 0;
	p->osc_trunc = 0;
	if (p->osc == NULL) {
		p->osc = malloc(VT_OSC_MAX);
		if (p->osc == NULL) {
			p->osc_trunc = 1;
		}
	}
}

static void
osc_put(struct vt_parser *p, uint32_t cp)
{
	uint8_t tmp[CORE_UTF8_MAX];
	size_t n;

	if (p->osc == NULL) {
		return;
	}
	n = cp < 0x80 ? (tmp[0] = (uint8_t)cp, 1) : core_utf8_encode(cp, tmp);
	if (p->osc_len + n > VT_OSC_MAX) {
		p->osc_trunc = 1;
		return;
	}
	memcpy(p->osc + p->osc_len, tmp, n);
	p->osc_len += n;
}

static void
osc_end(struct vt_parser *p)
{
	if (p->osc != NULL) {
		p->ops->osc(p->user, p->osc, p->osc_len, p->osc_trunc);
	}
	p->osc_len = 0;
}

/* Enters a state, doing the entry action. */
static void
enter(struct vt_parser *p, enum state st)
{
	switch (st) {
	case S_ESC:
	case S_CSI_ENTRY:
	case S_DCS_ENTRY:
		clear_seq(p);
		break;
	case S_OSC:
		osc_start(p);
		break;
	default:
		break;
	}
	p->state = (uint8_t)st;
}

/* ESC final byte: either a two-character sequence or a string/CSI
 * introducer (ESC [ ] P X ^ _ are the 7-bit forms of the C1 codes). */
static void
esc_final(struct vt_parser *p, uint32_t c)
{
	if (p->state == S_ESC) {
		switch (c) {
		case '[':
			enter(p, S_CSI_ENTRY);
			return;
		case ']':
			enter(p, S_OSC);
			return;
		case 'P':
			enter(p, S_DCS_ENTRY);
			return;
		case 'X':
		case '^':
		case '_':
			enter(p, S_SOS_STRING);
			return;
		default:
			break;
		}
	}
	p->seq.final = (uint8_t)c;
	p->state = S_GROUND;
	if (!p->esc_bad) {
		p->ops->esc(p->user, &p->seq);
	}
}

/* The transitions that apply in every state.  Returns 1 if cp was
 * consumed. */
static int
anywhere(struct vt_parser *p, uint32_t cp)
{
	if (cp == 0x1B) {
		if (p->state == S_OSC) {
			osc_end(p);
		}
		enter(p, S_ESC);
		return 1;
	}
	if (cp == 0x18 || cp == 0x1A) {
		/* CAN, SUB: abort the sequence (an OSC is dropped). */
		p->state = S_GROUND;
		p->ops->execute(p->user, cp);
		return 1;
	}
	if (cp < 0x80 || cp > 0x9F) {
		return 0;
	}
	if (p->state == S_OSC && cp == 0x9C) {
		osc_end(p);
	}
	switch (cp) {
	case 0x90:	/* DCS */
		enter(p, S_DCS_ENTRY);
		break;
	case 0x9B:	/* CSI */
		enter(p, S_CSI_ENTRY);
		break;
	case 0x9D:	/* OSC */
		enter(p, S_OSC);
		break;
	case 0x98:	/* SOS */
	case 0x9E:	/* PM */
	case 0x9F:	/* APC */
		enter(p, S_SOS_STRING);
		break;
	case 0x9C:	/* ST */
		p->state = S_GROUND;
		break;
	default:
		p->state = S_GROUND;
		p->ops->execute(p->user, cp);
		break;
	}
	return 1;
}

/* C0 controls inside escape and CSI states are executed in place. */
static int
is_exec(uint32_t c)
{
	return c < 0x20;
}

static void
csi_byte(struct vt_parser *p, uint32_t c)
{
	if (is_exec(c)) {
		p->ops->execute(p->user, c);
		return;
	}
	if (c == 0x7F || c > 0x7E) {
		return;	/* DEL and non-ASCII are ignored in sequences */
	}
	switch (p->state) {
	case S_CSI_ENTRY:
		if (c >= 0x3C && c <= 0x3F) {
			p->seq.prefix = (uint8_t)c;
			p->state = S_CSI_PARAM;
			return;
		}
		/* FALLTHROUGH */
	case S_CSI_PARAM:
		if ((c >= '0' && c <= '9') || c == ';' || c == ':') {
			param(p, c);
			p->state = S_CSI_PARAM;
		} else if (c >= 0x3C && c <= 0x3F) {
			p->state = S_CSI_IGNORE;
		} else if (c >= 0x20 && c <= 0x2F) {
			p->state = collect(p, c) ? S_CSI_IGNORE : S_CSI_INTER;
		} else {
			p->state = S_GROUND;
			dispatch_csi(p, c);
		}
		return;
	case S_CSI_INTER:
		if (c >= 0x20 && c <= 0x2F) {
			if (collect(p, c)) {
				p->state = S_CSI_IGNORE;
			}
		} else if (c >= 0x30 && c <= 0x3F) {
			p->state = S_CSI_IGNORE;
		} else {
			p->state = S_GROUND;
			dispatch_csi(p, c);
		}
		return;
	default:	/* S_CSI_IGNORE */
		if (c >= 0x40) {
			p->state = S_GROUND;
		}
		return;
	}
}

/* DCS: parsed for its structure only, then ignored up to ST. */
static void
dcs_byte(struct vt_parser *p, uint32_t c)
{
	if (p->state == S_DCS_PASS || p->state == S_DCS_IGNORE) {
		return;
	}
	if (c < 0x20 || c == 0x7F || c > 0x7E) {
		return;
	}
	if (c >= 0x40) {
		p->state = p->state == S_DCS_IGNORE ? S_DCS_IGNORE : S_DCS_PASS;
	} else if (c >= 0x20 && c <= 0x2F) {
		p->state = collect(p, c) ? S_DCS_IGNORE : S_DCS_INTER;
	} else if (p->state == S_DCS_INTER) {
		p->state = S_DCS_IGNORE;
	} else {
		p->state = S_DCS_PARAM;	/* params are not kept */
	}
}

static void
code_point(struct vt_parser *p, uint32_t cp)
{
	if (anywhere(p, cp)) {
		return;
	}
	switch (p->state) {
	case S_GROUND:
		if (cp < 0x20) {
			p->ops->execute(p->user, cp);
		} else if (cp != 0x7F) {
			p->ops->print(p->user, cp);
		}
		return;
	case S_ESC:
	case S_ESC_INTER:
		if (is_exec(cp)) {
			p->ops->execute(p->user, cp);
		} else if (cp >= 0x20 && cp <= 0x2F) {
			if (collect(p, cp)) {
				p->esc_bad = 1;
			}
			p->state = S_ESC_INTER;
		} else if (cp >= 0x30 && cp <= 0x7E) {
			esc_final(p, cp);
		}
		return;
	case S_CSI_ENTRY:
	case S_CSI_PARAM:
	case S_CSI_INTER:
	case S_CSI_IGNORE:
		csi_byte(p, cp);
		return;
	case S_OSC:
		if (cp == 0x07) {
			osc_end(p);
			p->state = S_GROUND;
		} else if (cp >= 0x20 && cp != 0x7F) {
			osc_put(p, cp);
		}
		return;
	case S_SOS_STRING:
		return;
	default:
		dcs_byte(p, cp);
		return;
	}
}

void
vt_parser_feed(struct vt_parser *p, const uint8_t *data, size_t len)
{
	const uint8_t *end = data + len;
	uint32_t out[2];
	int n, i;

	while (data < end) {
		if (p->state == S_GROUND && !core_utf8_pending(&p->utf8) &&
		    *data >= 0x20 && *data < 0x7F) {
			const uint8_t *s = data;

			while (data < end && *data >= 0x20 && *data < 0x7F) {
				data++;
			}
			p->ops->print_ascii(p->user, s, (size_t)(data - s));
			continue;
		}
		if (p->state == S_GROUND && *data < 0x20 && *data != 0x1B &&
		    *data != 0x18 && *data != 0x1A &&
		    !core_utf8_pending(&p->utf8)) {
			/* CR, LF and friends between runs of text. */
			p->ops->execute(p->user, *data++);
			continue;
		}
		if (*data < 0x80 && !core_utf8_pending(&p->utf8)) {
			code_point(p, *data++);
			continue;
		}
		n = core_utf8_feed(&p->utf8, *data++, out);
		for (i = 0; i < n; i++) {
			code_point(p, out[i]);
		}
	}
}
