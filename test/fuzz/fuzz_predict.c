/*
 * test/fuzz/fuzz_predict.c - the prediction engine under random
 * keystrokes, random server screens, random acks and time.
 *
 * Input: four header bytes (cols = 1 + b0 % 40, rows = 1 + b1 % 12, mode
 * = b2 % 4, overwrite = b3 & 1), then operations, one opcode byte each
 * (low 3 bits) with operands from the following bytes:
 *   0 server output: n = next % 48 bytes fed to the server's emulator
 *   1 keystrokes: n = next % 24 bytes (or 101..: a paste when next is
 *     0xFF), sent as the next user state
 *   2 echo ack: covers the newest state minus next % 3
 *   3 time passes: next * 16 ms
 *   4 send interval: next (ms)
 *   5 server screen resize: 1 + next % 40 by 1 + next % 12
 *   6 pred_reset (a window resize)
 *   7 nothing
 * After every operation a frame is drawn (sometimes cut smaller than the
 * server's screen) and checked: size, cursor inside, every row of the
 * right width, no lone half of a wide character in the rows the overlay
 * wrote; and the engine's own
 * bookkeeping (active-cell counts, cursor count) must add up.  A
 * violation aborts.
 */
#include <stdlib.h>
#include <string.h>

#include "term/emu.h"
#include "term/predict.h"

/* The frame after pred_apply: size and cursor; and every row the overlay
 * wrote (its row object changed: `before` holds the row pointers taken
 * before) has no lone half of a wide character.  Rows left alone are the
 * server's, whose form is the emulator's business (fuzz_term). */
static void
check_frame(const struct fb *f, int cols, int rows,
    const struct fb_row *const *before)
{
	int r, c;

	if (f->cols != cols || f->rows != rows || f->cur.row < 0 ||
	    f->cur.row >= rows || f->cur.col < 0 || f->cur.col >= cols) {
		abort();
	}
	for (r = 0; r < rows; r++) {
		const struct fb_row *row = fb_row_get(f, r);

		if (row->cols != cols) {
			abort();
		}
		if (row == before[r]) {
			continue;
		}
		for (c = 0; c < cols; c++) {
			const struct fb_cell *x = &row->cells[c];

			if ((x->width == 2 && (c + 1 >= cols ||
			    x[1].width != 0)) ||
			    (x->width == 0 && (c == 0 || x[-1].width != 2)) ||
			    x->width > 2 || x->ncomb > FB_COMB_MAX) {
				abort();
			}
		}
	}
}

static void
check_engine(const struct pred *p)
{
	int i, j, n;

	if (p->ncur < 0 || p->ncur > PRED_MAX_CURSORS ||
	    p->cepoch > p->pepoch) {
		abort();
	}
	for (i = 0; i < PRED_MAX_ROWS; i++) {
		const struct pred_row *pr = &p->rowv[i];

		if (pr->row < 0) {
			continue;
		}
		if (pr->cap < p->cols) {
			abort();
		}
		for (j = n = 0; j < p->cols; j++) {
			n += pr->cells[j].active != 0;
		}
		if (n != pr->nactive) {
			abort();
		}
	}
}

static void
draw(const struct pred *p, const struct fb *server, int cut)
{
	static const struct fb_row *before[FB_MAX_DIM];
	struct fb f;
	int cols = server->cols, rows = server->rows, r;

	if (fb_copy(&f, server) != 0) {
		return;
	}
	if (cut && (cols > 1 || rows > 1)) {
		cols = cols > 1 ? cols - 1 : 1;
		rows = rows > 1 ? rows - 1 : 1;
		if (fb_resize(&f, cols, rows) != 0) {
			fb_free(&f);
			return;
		}
	}
	for (r = 0; r < rows; r++) {
		before[r] = fb_row_get(&f, r);
	}
	(void)pred_apply(p, &f);
	check_frame(&f, cols, rows, before);
	fb_free(&f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vt_emu e;
	static struct pred p;
	static uint8_t paste[PRED_PASTE_BYTES + 1];
	const uint8_t *end = data + size;
	uint64_t now = 1000, sent = 0, ack = 0;
	size_t n;
	uint8_t op;

	if (size < 4) {
		return 0;
	}
	if (vt_emu_init(&e, 1 + data[0] % 40, 1 + data[1] % 12,
	    VT_EMU_CLIENT) != 0) {
		return 0;
	}
	pred_init(&p, (enum pred_mode)(data[2] % 4), data[3] & 1);
	data += 4;
	while (data < end) {
		op = *data++ & 7;
		n = data < end ? *data : 0;
		switch (op) {
		case 0:
			data += data < end;
			n %= 48;
			n = n > (size_t)(end - data) ? (size_t)(end - data) : n;
			vt_emu_feed(&e, data, n);
			data += n;
			pred_server_update(&p, vt_emu_fb(&e), ack, now);
			break;
		case 1:
			data += data < end;
			if (n == 0xFF) {
				memset(paste, 'a', sizeof paste);
				pred_new_user_bytes(&p, vt_emu_fb(&e), paste,
				    sizeof paste, sent, now);
			} else {
				n %= 24;
				n = n > (size_t)(end - data) ?
				    (size_t)(end - data) : n;
				pred_new_user_bytes(&p, vt_emu_fb(&e), data, n,
				    sent, now);
				data += n;
			}
			sent++;
			break;
		case 2:
			data += data < end;
			ack = sent >= n % 3 ? sent - n % 3 : 0;
			pred_server_update(&p, vt_emu_fb(&e), ack, now);
			break;
		case 3:
			data += data < end;
			now += n * 16;
			pred_server_update(&p, vt_emu_fb(&e), ack, now);
			break;
		case 4:
			data += data < end;
			pred_set_send_interval(&p, (unsigned)n);
			break;
		case 5:
			data += data < end;
			(void)vt_emu_resize(&e, 1 + (int)n % 40, 1 + (int)n % 12);
			break;
		case 6:
			pred_reset(&p);
			break;
		default:
			break;
		}
		check_engine(&p);
		draw(&p, vt_emu_fb(&e), op == 5 || (n & 0x80));
		if (pred_next_wakeup(&p, now) < now) {
			abort();
		}
	}
	pred_fini(&p);
	vt_emu_fini(&e);
	return 0;
}
