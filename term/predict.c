/*
 * term/predict.c - the keystroke half of the prediction engine: a small
 * parser for what the user types (UTF-8, C0/C1 controls, ESC, CSI and
 * SS3 sequences, as ECMA-48 frames them) and the predictions each
 * keystroke makes (PROTOCOL.md 9.3).  Judgement and drawing live in
 * predict_judge.c.
 *
 * Predictions are kept per screen cell: a row slot holds one pred_cell per
 * column, and a new prediction for a cell replaces the older one (its
 * former contents are remembered so that a cell which merely shows again
 * what it showed before earns no credit).  A prediction for a cell with
 * no prediction yet that would show exactly what the server shows there
 * now is not recorded at all: it changes nothing on the screen and could
 * prove nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "core/width.h"
#include "term/predict.h"
#include "term/predict_int.h"

/* Keystroke parser states. */
enum {
	IN_GROUND = 0,
	IN_ESC,		/* after ESC */
	IN_ESC_INTER,	/* ESC and intermediates (0x20-0x2F) */
	IN_CSI,		/* ESC [ */
	IN_SS3		/* ESC O */
};

static const struct fb_rend default_rend;

/* --- state ------------------------------------------------------------------ */

void
pred_init(struct pred *p, enum pred_mode mode, int overwrite)
{
	int i;

	memset(p, 0, sizeof *p);
	p->mode = mode;
	p->overwrite = overwrite != 0;
	p->send_interval = 250;
	/* Epoch 1 is not confirmed: nothing shows before the first echo. */
	p->pepoch = 1;
	p->cepoch = 0;
	for (i = 0; i < PRED_MAX_ROWS; i++) {
		p->rowv[i].row = -1;
	}
	core_utf8_init(&p->utf8);
}

void
pred_fini(struct pred *p)
{
	int i;

	for (i = 0; i < PRED_MAX_ROWS; i++) {
		free(p->rowv[i].cells);
	}
	memset(p, 0, sizeof *p);
}

void
pred_set_send_interval(struct pred *p, unsigned ms)
{
	p->send_interval = ms;
}

void
pred_become_tentative(struct pred *p)
{
	if (p->mode != PRED_MODE_EXPERIMENTAL) {
		p->pepoch++;
	}
}

void
pred_uncertain(struct pred *p)
{
	pred_become_tentative(p);
	p->blind_until = p->last_key;
}

void
pred_reset_all(struct pred *p)
{
	int i;

	for (i = 0; i < PRED_MAX_ROWS; i++) {
		p->rowv[i].row = -1;
		p->rowv[i].nactive = 0;
	}
	p->ncur = 0;
	pred_uncertain(p);
	p->stats.resets++;
}

void
pred_reset(struct pred *p)
{
	pred_reset_all(p);
}

int
pred_active(const struct pred *p)
{
	int i;

	if (p->ncur > 0) {
		return 1;
	}
	for (i = 0; i < PRED_MAX_ROWS; i++) {
		if (p->rowv[i].row >= 0 && p->rowv[i].nactive > 0) {
			return 1;
		}
	}
	return 0;
}

int
pred_shown(const struct pred *p)
{
	return p->mode != PRED_MODE_NEVER && (p->srtt_trigger ||
	    p->glitch > 0 || p->mode == PRED_MODE_ALWAYS ||
	    p->mode == PRED_MODE_EXPERIMENTAL);
}

void
pred_content_of(const struct fb_cell *c, struct pred_content *out)
{
	memset(out, 0, sizeof *out);
	out->ch = c->ch;
	memcpy(out->comb, c->comb, sizeof out->comb);
	out->width = c->width;
	out->ncomb = c->ncomb;
}

int
pred_content_eq(const struct fb_cell *a, const struct fb_cell *b)
{
	if (fb_cell_is_blank(a) || fb_cell_is_blank(b)) {
		return fb_cell_is_blank(a) && fb_cell_is_blank(b);
	}
	return a->ch == b->ch && a->width == b->width &&
	    a->ncomb == b->ncomb && a->comb[0] == b->comb[0] &&
	    a->comb[1] == b->comb[1] && a->comb[2] == b->comb[2];
}

/* --- rows and cursors ------------------------------------------------------- */

struct pred_row *
pred_row_find(struct pred *p, int r)
{
	int i;

	for (i = 0; i < PRED_MAX_ROWS; i++) {
		if (p->rowv[i].row == r) {
			return &p->rowv[i];
		}
	}
	return NULL;
}

const struct pred_row *
pred_row_find_c(const struct pred *p, int r)
{
	int i;

	for (i = 0; i < PRED_MAX_ROWS; i++) {
		if (p->rowv[i].row == r) {
			return &p->rowv[i];
		}
	}
	return NULL;
}

/* Row r's slot, taking a free one (cleared) if needed.  NULL when every
 * slot carries predictions or memory ran out. */
static struct pred_row *
row_make(struct pred *p, int r)
{
	struct pred_row *pr = pred_row_find(p, r), *slot = NULL;
	struct pred_cell *cells;
	int i;

	if (pr != NULL) {
		return pr;
	}
	for (i = 0; i < PRED_MAX_ROWS && slot == NULL; i++) {
		if (p->rowv[i].row < 0 || p->rowv[i].nactive == 0) {
			slot = &p->rowv[i];
		}
	}
	if (slot == NULL) {
		return NULL;
	}
	if (slot->cap < p->cols) {
		cells = realloc(slot->cells, (size_t)p->cols * sizeof *cells);
		if (cells == NULL) {
			return NULL;
		}
		slot->cells = cells;
		slot->cap = p->cols;
	}
	memset(slot->cells, 0, (size_t)p->cols * sizeof *slot->cells);
	slot->row = r;
	slot->nactive = 0;
	return slot;
}

struct pred_cursor *
pred_cursor_push(struct pred *p, int row, int col, uint64_t epoch)
{
	struct pred_cursor *c;

	if (p->ncur == PRED_MAX_CURSORS) {
		memmove(&p->curv[0], &p->curv[1],
		    (PRED_MAX_CURSORS - 1) * sizeof p->curv[0]);
		p->ncur--;
	}
	c = &p->curv[p->ncur++];
	c->row = row;
	c->col = col;
	c->epoch = epoch;
	c->expire = p->sent + 1;
	c->time = p->now;
	return c;
}

/* The cursor prediction new keystrokes move: the newest one if it belongs
 * to the current epoch, else a copy of it (or of the server's cursor) in
 * the current epoch. */
static struct pred_cursor *
init_cursor(struct pred *p, const struct fb *fb)
{
	struct pred_cursor *c, old;

	if (p->ncur == 0) {
		return pred_cursor_push(p, fb->cur.row, fb->cur.col, p->pepoch);
	}
	c = &p->curv[p->ncur - 1];
	if (c->epoch != p->pepoch) {
		old = *c;
		c = pred_cursor_push(p, old.row, old.col, p->pepoch);
		c->expire = old.expire;
		c->time = old.time;
	}
	return c;
}

/* The cursor moved by the keystroke being handled. */
static void
cursor_touch(struct pred *p, struct pred_cursor *c)
{
	c->expire = p->sent + 1;
	c->time = p->now;
}

/* --- cell predictions --------------------------------------------------------- */

static void
remember(struct pred_cell *pc, const struct fb_cell *server)
{
	struct pred_content k;
	int i;

	pred_content_of(server, &k);
	for (i = 0; i < pc->norig; i++) {
		if (memcmp(&pc->orig[i], &k, sizeof k) == 0) {
			return;
		}
	}
	if (pc->norig == PRED_ORIG_MAX) {
		pc->orig_lost = 1;
		return;
	}
	pc->orig[pc->norig++] = k;
}

/*
 * Predicts that cell col of row slot pr will show *repl (NULL: something
 * unknown).  server: what the server shows there now.
 */
static void
predict_cell(struct pred *p, struct pred_row *pr, int col,
    const struct fb_cell *repl, const struct fb_cell *server, int typed)
{
	struct pred_cell *pc = &pr->cells[col];

	if (repl != NULL && !pc->active && fb_cell_equal(repl, server)) {
		/* Shows what the server shows, and nothing predicted here
		 * could change that: nothing to record.  (An active cell's
		 * prediction stands for keys still in flight, so the server's
		 * cell is stale there and the new prediction is kept.) */
		return;
	}
	if (!pc->active) {
		pc->norig = 0;
		pc->orig_lost = 0;
		pc->active = 1;
		pr->nactive++;
	}
	remember(pc, server);
	pc->unknown = repl == NULL;
	pc->repl = repl != NULL ? *repl : fb_cell_blank(&default_rend);
	pc->expire = p->sent + 1;
	pc->time = p->now;
	pc->epoch = p->pepoch;
	pc->typed = (uint8_t)(typed != 0);
	pc->sighted = p->echo_ack >= p->blind_until;
}

/* What cell col is predicted to show: the prediction if there is one
 * (NULL if unknown), else the server's cell. */
static const struct fb_cell *
cell_now(const struct pred_row *pr, const struct fb_row *srow, int col)
{
	if (pr != NULL && pr->cells[col].active) {
		return pr->cells[col].unknown ? NULL : &pr->cells[col].repl;
	}
	return &srow->cells[col];
}

/* The slot for row r, resetting when none can be had.  NULL then. */
static struct pred_row *
row_or_reset(struct pred *p, int r)
{
	struct pred_row *pr = row_make(p, r);

	if (pr == NULL) {
		pred_reset_all(p);
	}
	return pr;
}

/* CR: column 0 of the next row; on the last row, a blank last row (the
 * screen scrolls; which rows move is not predicted). */
static void
newline(struct pred *p, const struct fb *fb)
{
	struct pred_cursor *c = init_cursor(p, fb);
	const struct fb_row *srow;
	struct pred_row *pr;
	struct fb_cell blank = fb_cell_blank(&default_rend);
	int i;

	c->col = 0;
	cursor_touch(p, c);
	if (c->row < p->rows - 1) {
		c->row++;
		return;
	}
	if ((pr = row_or_reset(p, c->row)) == NULL) {
		return;
	}
	srow = fb_row_get(fb, pr->row);
	for (i = 0; i < p->cols; i++) {
		/* Ours: an older epoch's prediction stays (a blank of this
		 * tentative epoch would hide it until the echo came). */
		if (!pr->cells[i].active || pr->cells[i].epoch >= p->pepoch) {
			predict_cell(p, pr, i, &blank, &srow->cells[i], 0);
		}
	}
}

static void
print(struct pred *p, const struct fb *fb, uint32_t ch)
{
	struct pred_cursor *c = init_cursor(p, fb);
	const struct fb_cell *src;
	const struct fb_row *srow;
	struct pred_row *pr;
	struct fb_cell t;
	struct fb_rend rend;
	int col = c->col, i;

	if (col + 1 >= p->cols) {
		/* The last column: the application may wrap or not. */
		pred_become_tentative(p);
	}
	if ((pr = row_or_reset(p, c->row)) == NULL) {
		return;
	}
	srow = fb_row_get(fb, pr->row);
	if (!p->overwrite) {
		/* Right to left, so each source is read before it moves. */
		for (i = p->cols - 1; i > col; i--) {
			src = i == p->cols - 1 ? NULL : cell_now(pr, srow, i - 1);
			predict_cell(p, pr, i, src, &srow->cells[i], 0);
		}
	}
	/* The rendition of the cell to the left (or of this one, at the
	 * left edge). */
	src = col > 0 ? cell_now(pr, srow, col - 1) : &srow->cells[col];
	rend = src != NULL ? src->rend : srow->cells[col > 0 ? col - 1 : 0].rend;
	t = fb_cell_blank(&rend);
	t.ch = ch == ' ' ? 0 : ch;
	predict_cell(p, pr, col, &t, &srow->cells[col], 1);
	p->stats.typed++;
	/* init_cursor's pointer may have moved (row_or_reset never pushes,
	 * but stay safe): take the newest cursor again. */
	c = &p->curv[p->ncur - 1];
	cursor_touch(p, c);
	if (col < p->cols - 1) {
		c->col = col + 1;
	} else {
		pred_become_tentative(p);
		newline(p, fb);
	}
}

/* 0x7F: left one column, the rest of the row shifted left (or the cell
 * blanked when overwriting).  Nothing at the left edge. */
static void
backspace(struct pred *p, const struct fb *fb)
{
	struct pred_cursor *c = init_cursor(p, fb);
	const struct fb_cell *src;
	const struct fb_row *srow;
	struct pred_row *pr;
	struct fb_cell t;
	int col, i;

	if (c->col == 0) {
		return;
	}
	col = --c->col;
	cursor_touch(p, c);
	if ((pr = row_or_reset(p, c->row)) == NULL) {
		return;
	}
	srow = fb_row_get(fb, pr->row);
	if (p->overwrite) {
		src = cell_now(pr, srow, col);
		t = fb_cell_blank(src != NULL ? &src->rend :
		    &srow->cells[col].rend);
		predict_cell(p, pr, col, &t, &srow->cells[col], 0);
		return;
	}
	/* Left to right, so each source is read before it moves. */
	for (i = col; i < p->cols; i++) {
		src = i == p->cols - 1 ? NULL : cell_now(pr, srow, i + 1);
		predict_cell(p, pr, i, src, &srow->cells[i], 0);
	}
}

/* Nonzero if cells [col, cols) of row r are predicted or shown blank. */
static int
rest_blank(const struct pred *p, const struct fb *fb, int r, int col)
{
	const struct pred_row *pr = pred_row_find_c(p, r);
	const struct fb_row *srow = fb_row_get(fb, r);
	const struct fb_cell *x;
	int i;

	for (i = col; i < p->cols; i++) {
		x = cell_now(pr, srow, i);
		if (x == NULL || !fb_cell_is_blank(x)) {
			return 0;
		}
	}
	return 1;
}

static void
arrow(struct pred *p, const struct fb *fb, int right)
{
	struct pred_cursor *c = init_cursor(p, fb);

	if (right) {
		if (c->col >= p->cols - 1) {
			return;
		}
		if (rest_blank(p, fb, c->row, c->col)) {
			/* Past the end of the text: a shell does not move. */
			pred_become_tentative(p);
			c = init_cursor(p, fb);
		}
		c->col++;
	} else {
		if (c->col == 0) {
			return;
		}
		c->col--;
	}
	cursor_touch(p, c);
}

/* --- keystroke parser ------------------------------------------------------- */

static void
control(struct pred *p, const struct fb *fb, uint32_t cp)
{
	pred_uncertain(p);
	if (cp == 0x0D) {
		newline(p, fb);
	}
}

static void
ground(struct pred *p, const struct fb *fb, uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x80 && cp < 0xA0)) {
		control(p, fb, cp);
	} else if (cp == 0x7F) {
		backspace(p, fb);
	} else if (core_width(cp) == 1) {
		print(p, fb, cp);
	} else {
		/* Wide or zero-width: where it lands is not predicted. */
		pred_become_tentative(p);
	}
}

/* One code point through the ECMA-48 framing of escape sequences. */
static void
feed(struct pred *p, const struct fb *fb, uint32_t cp)
{
	if (cp == 0x18 || cp == 0x1A || cp == 0x1B) {
		/* CAN and SUB cancel a sequence; ESC starts another. */
		if (p->in_state != IN_GROUND || cp != 0x1B) {
			pred_uncertain(p);
		}
		p->in_state = cp == 0x1B ? IN_ESC : IN_GROUND;
		return;
	}
	if (p->in_state != IN_GROUND && cp < 0x20) {
		/* C0 controls act inside sequences too. */
		control(p, fb, cp);
		return;
	}
	switch (p->in_state) {
	case IN_GROUND:
		ground(p, fb, cp);
		return;
	case IN_ESC:
		if (cp == '[') {
			p->in_state = IN_CSI;
			p->in_params = 0;
			return;
		}
		if (cp == 'O') {
			p->in_state = IN_SS3;
			return;
		}
		if (cp >= 0x20 && cp <= 0x2F) {
			p->in_state = IN_ESC_INTER;
			return;
		}
		break;
	case IN_ESC_INTER:
		if (cp >= 0x20 && cp <= 0x2F) {
			return;
		}
		break;
	case IN_CSI:
		if (cp >= 0x20 && cp <= 0x3F) {
			p->in_params = 1;
			return;
		}
		if (cp == 0x7F) {
			return;
		}
		if (!p->in_params && (cp == 'C' || cp == 'D')) {
			p->in_state = IN_GROUND;
			arrow(p, fb, cp == 'C');
			return;
		}
		break;
	case IN_SS3:
		if (cp == 'C' || cp == 'D') {
			p->in_state = IN_GROUND;
			arrow(p, fb, cp == 'C');
			return;
		}
		break;
	}
	/* Any other sequence (or a malformed one) ends here. */
	p->in_state = IN_GROUND;
	pred_uncertain(p);
}

void
pred_new_user_bytes(struct pred *p, const struct fb *server,
    const void *bytes, size_t n, uint64_t sent_num, uint64_t now)
{
	const uint8_t *b = bytes;
	uint32_t cp[2];
	size_t i;
	int k, m;

	if (p->mode == PRED_MODE_NEVER || n == 0) {
		return;
	}
	p->now = now;
	p->sent = sent_num;
	if (n > PRED_PASTE_BYTES) {
		p->stats.pastes++;
		pred_reset_all(p);
		core_utf8_init(&p->utf8);
		p->in_state = IN_GROUND;
		return;
	}
	pred_cull(p, server);
	p->last_key = sent_num + 1;
	if (p->mode == PRED_MODE_EXPERIMENTAL) {
		p->pepoch = p->cepoch;
	}
	for (i = 0; i < n; i++) {
		m = core_utf8_feed(&p->utf8, b[i], cp);
		for (k = 0; k < m; k++) {
			feed(p, server, cp[k]);
		}
	}
}
