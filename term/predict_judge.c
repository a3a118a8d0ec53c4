/*
 * term/predict_judge.c - the judging half of the prediction engine:
 * predictions against the server screen once the echo ack covers them,
 * the triggers and glitch timing, and drawing the overlay into a frame
 * (PROTOCOL.md 9.3).
 *
 * A judgement pass runs in two phases, so that its outcome does not
 * depend on the order cells are visited in.  Phase one only looks: it
 * finds the oldest tentative epoch with a wrong prediction (to kill),
 * whether a confirmed prediction was wrong (reset everything), and runs
 * the glitch clocks of what is still pending.  Phase two acts: reset or
 * kill, then it retires the right predictions, confirming an epoch when
 * a right one is an echo (see predict.h), and drops the cursor
 * predictions the ack has passed.
 */
#include <string.h>

#include "core/err.h"
#include "term/predict.h"
#include "term/predict_int.h"

enum verdict {
	V_PENDING,
	V_CORRECT,	/* correct, with credit */
	V_NOCREDIT,	/* correct without credit */
	V_INCORRECT
};

static enum verdict
judge(const struct pred *p, const struct fb *fb, int r, int col,
    const struct pred_cell *pc)
{
	const struct fb_cell *now;
	struct pred_content k;
	int i;

	if (r >= fb->rows || col >= fb->cols) {
		return V_INCORRECT;
	}
	if (p->echo_ack < pc->expire) {
		return V_PENDING;
	}
	if (pc->unknown || fb_cell_is_blank(&pc->repl)) {
		/* A blank is too easy to get right by accident. */
		return V_NOCREDIT;
	}
	now = &fb_row_get(fb, r)->cells[col];
	if (!pred_content_eq(now, &pc->repl)) {
		return V_INCORRECT;
	}
	if (pc->orig_lost) {
		return V_NOCREDIT;
	}
	pred_content_of(&pc->repl, &k);
	for (i = 0; i < pc->norig; i++) {
		if (pc->orig[i].ch == k.ch && pc->orig[i].width == k.width &&
		    pc->orig[i].ncomb == k.ncomb &&
		    memcmp(pc->orig[i].comb, k.comb, sizeof k.comb) == 0) {
			return V_NOCREDIT;
		}
	}
	return V_CORRECT;
}

static int
tentative(const struct pred *p, uint64_t epoch)
{
	return epoch > p->cepoch;
}

/* Glitch clocks for a prediction still pending since `time`. */
static void
glitch_pending(struct pred *p, uint64_t time)
{
	uint64_t age = p->now > time ? p->now - time : 0;

	if (age >= PRED_GLITCH_FLAG_THRESHOLD) {
		p->glitch = 2 * PRED_GLITCH_REPAIR_COUNT;
	} else if (age >= PRED_GLITCH_THRESHOLD &&
	    p->glitch < PRED_GLITCH_REPAIR_COUNT) {
		p->glitch = PRED_GLITCH_REPAIR_COUNT;
	}
}

/* A prediction was confirmed: quick ones wear the glitch trigger down. */
static void
glitch_confirmed(struct pred *p, uint64_t time)
{
	if (p->now - time < PRED_GLITCH_THRESHOLD && p->now >= time &&
	    p->glitch > 0 && (!p->have_quick ||
	    p->now - p->last_quick >= PRED_GLITCH_REPAIR_MININTERVAL)) {
		p->glitch--;
		p->last_quick = p->now;
		p->have_quick = 1;
	}
}

/*
 * Nonzero if the typed prediction at (r, col) is an echo: the server's
 * cursor is on row r right after it, or after a run of later typed
 * predictions that the server shows as predicted (blanks the server shows
 * count too: a typed space over a blank is not recorded).
 */
static int
echo_run(const struct pred *p, const struct fb *fb, const struct pred_row *pr,
    int col)
{
	const struct fb_row *srow = fb_row_get(fb, pr->row);
	const struct pred_cell *x;
	int i;

	if (fb->cur.row != pr->row || fb->cur.col <= col ||
	    fb->cur.pending_wrap || fb->cur.col > p->cols) {
		return 0;
	}
	for (i = col + 1; i < fb->cur.col; i++) {
		x = &pr->cells[i];
		if (!x->active) {
			/* A typed space over a blank is not recorded. */
			if (!fb_cell_is_blank(&srow->cells[i])) {
				return 0;
			}
		} else if (x->unknown || !x->typed ||
		    !pred_content_eq(&srow->cells[i], &x->repl)) {
			return 0;
		}
	}
	return 1;
}

/* Takes the server's renditions for the typed predictions right of col
 * (the application's colours are better than our guess). */
static void
match_rend(struct pred_row *pr, const struct fb *fb, int col, int cols)
{
	const struct fb_rend *r = &fb_row_get(fb, pr->row)->cells[col].rend;
	int i;

	for (i = col + 1; i < cols; i++) {
		if (pr->cells[i].active && pr->cells[i].typed &&
		    !pr->cells[i].unknown) {
			pr->cells[i].repl.rend = *r;
		}
	}
}

static void
retire(struct pred_row *pr, struct pred_cell *pc)
{
	pc->active = 0;
	pr->nactive--;
}

void
pred_kill_epoch(struct pred *p, uint64_t e, const struct fb *server)
{
	struct pred_row *pr;
	int i, j, k;

	for (i = 0; i < PRED_MAX_ROWS; i++) {
		pr = &p->rowv[i];
		if (pr->row < 0) {
			continue;
		}
		for (j = 0; j < p->cols && pr->nactive > 0; j++) {
			if (pr->cells[j].active && pr->cells[j].epoch >= e) {
				retire(pr, &pr->cells[j]);
			}
		}
		if (pr->nactive == 0) {
			pr->row = -1;
		}
	}
	for (j = k = 0; j < p->ncur; j++) {
		if (p->curv[j].epoch < e) {
			p->curv[k++] = p->curv[j];
		}
	}
	p->ncur = k;
	pred_uncertain(p);
	(void)pred_cursor_push(p, server->cur.row, server->cur.col, p->pepoch);
	p->stats.kills++;
}

static void
triggers(struct pred *p)
{
	if (p->send_interval > PRED_SRTT_TRIGGER_HIGH) {
		p->srtt_trigger = 1;
	} else if (p->srtt_trigger &&
	    p->send_interval <= PRED_SRTT_TRIGGER_LOW && !pred_active(p)) {
		p->srtt_trigger = 0;
	}
	if (p->send_interval > PRED_FLAG_TRIGGER_HIGH) {
		p->flagging = 1;
	} else if (p->send_interval <= PRED_FLAG_TRIGGER_LOW) {
		p->flagging = 0;
	}
	if (p->glitch > PRED_GLITCH_REPAIR_COUNT) {
		p->flagging = 1;
	}
}

/* Phase one: looks, runs the glitch clocks, and returns what to do:
 * -1 reset everything, else the oldest epoch to kill (0: none). */
static int
survey(struct pred *p, const struct fb *fb, uint64_t *kill)
{
	const struct pred_cursor *c;
	struct pred_row *pr;
	enum verdict v;
	int i, j, reset = 0;

	*kill = 0;
	for (i = 0; i < PRED_MAX_ROWS; i++) {
		pr = &p->rowv[i];
		if (pr->row < 0 || pr->nactive == 0) {
			continue;
		}
		for (j = 0; j < p->cols; j++) {
			if (!pr->cells[j].active) {
				continue;
			}
			v = judge(p, fb, pr->row, j, &pr->cells[j]);
			if (v == V_PENDING) {
				glitch_pending(p, pr->cells[j].time);
			} else if (v == V_INCORRECT) {
				p->stats.incorrect++;
				if (tentative(p, pr->cells[j].epoch)) {
					if (*kill == 0 || pr->cells[j].epoch < *kill) {
						*kill = pr->cells[j].epoch;
					}
				} else if (p->mode != PRED_MODE_EXPERIMENTAL) {
					reset = 1;
				}
			}
		}
	}
	for (i = 0; i < p->ncur; i++) {
		c = &p->curv[i];
		if (p->echo_ack < c->expire) {
			glitch_pending(p, c->time);
			continue;
		}
		if (i != p->ncur - 1) {
			continue;	/* superseded by a newer one */
		}
		if (c->row == fb->cur.row && c->col == fb->cur.col) {
			continue;
		}
		p->stats.cursor_wrong++;
		if (tentative(p, c->epoch)) {
			if (*kill == 0 || c->epoch < *kill) {
				*kill = c->epoch;
			}
		} else if (p->mode != PRED_MODE_EXPERIMENTAL) {
			reset = 1;
		}
	}
	return reset ? -1 : 0;
}

/* Phase two for the cells of one row slot. */
static void
settle_row(struct pred *p, const struct fb *fb, struct pred_row *pr)
{
	struct pred_cell *pc;
	enum verdict v;
	int j;

	for (j = 0; j < p->cols && pr->nactive > 0; j++) {
		pc = &pr->cells[j];
		if (!pc->active) {
			continue;
		}
		v = judge(p, fb, pr->row, j, pc);
		if (v == V_PENDING) {
			continue;
		}
		if (v == V_CORRECT && tentative(p, pc->epoch)) {
			/* Only an echo of a sighted key confirms a
			 * tentative epoch. */
			if (pc->typed && pc->sighted && echo_run(p, fb, pr, j)) {
				p->cepoch = pc->epoch;
			} else {
				v = V_NOCREDIT;
			}
		}
		if (v == V_CORRECT) {
			p->stats.correct++;
			glitch_confirmed(p, pc->time);
			if (pc->typed) {
				match_rend(pr, fb, j, p->cols);
			}
		} else if (v == V_NOCREDIT) {
			p->stats.nocredit++;
		}
		/* Right, or wrong in experimental mode: either way done. */
		retire(pr, pc);
	}
	if (pr->nactive == 0) {
		pr->row = -1;
	}
}

void
pred_cull(struct pred *p, const struct fb *fb)
{
	uint64_t kill;
	int i, j, k;

	if (fb->rows != p->rows || fb->cols != p->cols) {
		if (p->cols != 0) {
			pred_reset_all(p);
		}
		p->rows = fb->rows;
		p->cols = fb->cols;
	}
	triggers(p);
	if (survey(p, fb, &kill) < 0) {
		pred_reset_all(p);
		triggers(p);
		return;
	}
	/* Cursor predictions the ack has passed: judged or superseded. */
	for (j = k = 0; j < p->ncur; j++) {
		if (p->echo_ack < p->curv[j].expire) {
			p->curv[k++] = p->curv[j];
		}
	}
	p->ncur = k;
	if (kill != 0) {
		pred_kill_epoch(p, kill, fb);
	}
	for (i = 0; i < PRED_MAX_ROWS; i++) {
		if (p->rowv[i].row >= 0) {
			settle_row(p, fb, &p->rowv[i]);
		}
	}
	triggers(p);
}

void
pred_server_update(struct pred *p, const struct fb *server,
    uint64_t echo_ack, uint64_t now)
{
	if (p->mode == PRED_MODE_NEVER) {
		return;
	}
	p->now = now;
	if (echo_ack > p->echo_ack) {
		p->echo_ack = echo_ack;
	}
	pred_cull(p, server);
}

uint64_t
pred_next_wakeup(const struct pred *p, uint64_t now)
{
	/* Once predictions show and are underlined, no glitch test could
	 * change anything. */
	int tests = !(p->glitch > 0 && p->flagging);

	if (p->mode == PRED_MODE_NEVER || !tests || !pred_active(p)) {
		return PRED_NO_WAKEUP;
	}
	return now + PRED_WAKE_INTERVAL;
}

/* --- drawing ---------------------------------------------------------------- */

/* What cell col shows with prediction pc over `in`; 1 if that differs. */
static int
overlay(const struct pred *p, const struct pred_cell *pc, int col,
    const struct fb_cell *in, struct fb_cell *out)
{
	if (!pc->active || tentative(p, pc->epoch)) {
		return 0;
	}
	if (pc->unknown) {
		if (!p->flagging || col == p->cols - 1 || fb_cell_is_blank(in) ||
		    (in->rend.attrs & FB_ATTR_UNDERLINE)) {
			return 0;
		}
		*out = *in;
		out->rend.attrs |= FB_ATTR_UNDERLINE;
		return 1;
	}
	if (fb_cell_equal(in, &pc->repl)) {
		return 0;
	}
	*out = pc->repl;
	if (p->flagging &&
	    !(fb_cell_is_blank(&pc->repl) && fb_cell_is_blank(in))) {
		out->rend.attrs |= FB_ATTR_UNDERLINE;
	}
	return 1;
}

/* No half of a wide character may stay alone: blank it. */
static void
normalize(struct fb_row *row)
{
	struct fb_cell *c;
	int i, n = row->cols;

	for (i = 0; i < n; i++) {
		c = &row->cells[i];
		if ((c->width == 2 && (i + 1 >= n || c[1].width != 0)) ||
		    (c->width == 0 && (i == 0 || c[-1].width != 2))) {
			*c = fb_cell_blank(&c->rend);
		}
	}
}

int
pred_apply(const struct pred *p, struct fb *frame)
{
	const struct pred_row *pr;
	const struct pred_cursor *c;
	const struct fb_row *in;
	struct fb_row *row;
	struct fb_cell t;
	int i, j, lim, need;

	if (!pred_shown(p)) {
		return 0;
	}
	for (i = p->ncur - 1; i >= 0; i--) {
		c = &p->curv[i];
		if (!tentative(p, c->epoch)) {
			if (c->row < frame->rows && c->col < frame->cols) {
				frame->cur.row = c->row;
				frame->cur.col = c->col;
				frame->cur.pending_wrap = 0;
			}
			break;
		}
	}
	lim = frame->cols < p->cols ? frame->cols : p->cols;
	for (i = 0; i < PRED_MAX_ROWS; i++) {
		pr = &p->rowv[i];
		if (pr->row < 0 || pr->nactive == 0 || pr->row >= frame->rows) {
			continue;
		}
		in = fb_row_get(frame, pr->row);
		for (j = need = 0; j < lim && !need; j++) {
			need = overlay(p, &pr->cells[j], j, &in->cells[j], &t);
		}
		if (!need) {
			continue;
		}
		if ((row = fb_row_mut(frame, pr->row)) == NULL) {
			return CORE_E_NOMEM;
		}
		for (j = 0; j < lim; j++) {
			if (overlay(p, &pr->cells[j], j, &row->cells[j], &t)) {
				row->cells[j] = t;
			}
		}
		normalize(row);
	}
	return 0;
}
