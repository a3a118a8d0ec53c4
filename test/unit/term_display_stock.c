/*
 * test/unit/term_display_stock.c - the display diff against stock
 * mosh-server 1.4's own output.
 *
 * test/data/display/stock_diffs.txt holds every terminal diff the stock
 * server sent in the captured sessions of shared/vectors (extracted by
 * test/data/display/extract.py).  Replaying them through our client-mode
 * emulator rebuilds the server's states; for each transition old -> new
 * we check that our own diff (stock and server options) turns old into
 * new, and count how often our stock-option bytes are identical to what
 * stock mosh sent.  (They differ where stock's framebuffer tells a typed
 * space from an erased cell, which ours does not.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "term/display.h"
#include "term/emu.h"
#include "term/fb.h"
#include "test/harness.h"

#define MAX_NUM 4096

static struct fb states[MAX_NUM];
static uint8_t have[MAX_NUM];

static void
forget(void)
{
	int i;

	for (i = 0; i < MAX_NUM; i++) {
		if (have[i]) {
			fb_free(&states[i]);
			have[i] = 0;
		}
	}
}

/* Feeds bytes to an emulator holding `from` (resized first if w, h) and
 * stores the result in *to. */
static void
apply(const struct fb *from, int w, int h, const uint8_t *p, size_t n,
    struct fb *to)
{
	struct vt_emu e;

	CHECK_INT(0, vt_emu_init(&e, from->cols, from->rows, VT_EMU_CLIENT));
	CHECK_INT(0, vt_emu_load(&e, from));
	if (w > 0 && h > 0 && (w != from->cols || h != from->rows)) {
		CHECK_INT(0, vt_emu_resize(&e, w, h));
	}
	if (n > 0) {
		vt_emu_feed(&e, p, n);
	}
	CHECK_INT(0, fb_copy(to, &e.fb));
	vt_emu_fini(&e);
}

static void
show(const char *what, const uint8_t *p, size_t n)
{
	size_t i;

	fprintf(stderr, "      %s: ", what);
	for (i = 0; i < n && i < 300; i++) {
		fprintf(stderr, p[i] == 0x1b ? "\\e" : p[i] >= 0x20 &&
		    p[i] < 0x7F ? "%c" : "\\x%02x", p[i]);
	}
	fprintf(stderr, "\n");
}

static void
stock_sessions(void)
{
	char path[512], *line = NULL;
	size_t cap = 0, ours_len;
	FILE *f;
	struct disp d[2];
	struct disp_opts o[2];
	struct core_buf out;
	uint8_t *host = malloc(1 << 20);
	long total = 0, identical = 0, stock_bytes = 0, our_bytes[2] = { 0, 0 };
	int k, shown = 0;

	snprintf(path, sizeof path, "test/data/display/stock_diffs.txt");
	f = fopen(path, "r");
	CHECK(f != NULL);
	if (f == NULL) {
		free(host);
		return;
	}
	disp_opts_stock(&o[0]);
	disp_opts_server(&o[1]);
	for (k = 0; k < 2; k++) {
		disp_init(&d[k], &o[k]);
	}
	core_buf_init(&out, 1 << 24);
	while (getline(&line, &cap, f) > 0) {
		char name[128], hex[1 << 16];
		int cols, rows, on, nn, w, h;
		long n;
		struct fb next;

		hex[0] = '\0';
		if (sscanf(line, "S %127s %d %d", name, &cols, &rows) == 3) {
			forget();
			CHECK_INT(0, fb_init(&states[0], cols, rows));
			have[0] = 1;
			continue;
		}
		if (sscanf(line, "T %d %d %d %d %65535s", &on, &nn, &w, &h,
		    hex) < 4 || on < 0 || nn < 0 || on >= MAX_NUM ||
		    nn >= MAX_NUM || !have[on] || have[nn]) {
			continue;
		}
		n = test_unhex(hex, host, 1 << 20);
		CHECK(n >= 0);
		apply(&states[on], w, h, host, (size_t)(n > 0 ? n : 0), &next);
		states[nn] = next;
		have[nn] = 1;
		total++;
		stock_bytes += n;
		for (k = 0; k < 2; k++) {
			struct fb got;

			core_buf_reset(&out);
			CHECK_INT(0, disp_diff(&d[k], &states[on], &next, &out));
			our_bytes[k] += (long)out.len;
			apply(&states[on], w, h, out.p, out.len, &got);
			if (!fb_equal_visible(&got, &next)) {
				test_fail(__FILE__, __LINE__, "%s %d->%d: our "
				    "diff (opts %d) does not give the state",
				    name, on, nn, k);
			}
			fb_free(&got);
		}
		/* our stock-option bytes, again, for the comparison */
		core_buf_reset(&out);
		CHECK_INT(0, disp_diff(&d[0], &states[on], &next, &out));
		ours_len = out.len;
		if (ours_len == (size_t)n && (n == 0 ||
		    memcmp(out.p, host, (size_t)n) == 0)) {
			identical++;
		} else if (shown++ < 3) {
			fprintf(stderr, "    %s %d->%d differs from stock:\n",
			    name, on, nn);
			show("stock", host, (size_t)n);
			show("ours ", out.p, ours_len);
		}
	}
	fprintf(stderr, "    %ld stock diffs: %ld byte-identical with stock "
	    "options; bytes stock %ld, ours (stock options) %ld, ours (server"
	    " options) %ld\n", total, identical, stock_bytes, our_bytes[0],
	    our_bytes[1]);
	CHECK(total > 0);
	forget();
	free(line);
	fclose(f);
	core_buf_fini(&out);
	for (k = 0; k < 2; k++) {
		disp_free(&d[k]);
	}
	free(host);
}

static const struct test tests[] = {
	T(stock_sessions),
};

TEST_MAIN(tests)
