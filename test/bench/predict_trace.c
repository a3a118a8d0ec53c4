/*
 * test/bench/predict_trace.c - the issue's keystroke-trace figures at the
 * engine level, in a fake-clock simulation (no network, no processes):
 * a fixed trace of 270 keys (shell commands with editing, a password
 * prompt, a vim session with insert mode and normal-mode motions, a
 * `less`-like pager) typed at human speed (150 +- 50 ms apart, and a
 * second's pause after Enter and after Escape) into a
 * model application whose output goes through a real emulator.  The link
 * is modelled per message: one-way delay plus, per loss, one more
 * retransmission timeout; states apply in order, and the echo ack of a
 * state leaves the server 50 ms after the state arrived (PROTOCOL.md 7.3).
 *
 * For each key k the truth T_k is the screen after the application has
 * handled keys 1..k.  The client's display (newest server screen plus the
 * prediction overlay) is sampled every 2 ms and compared with the truths
 * by character content and cursor position (renditions ignored):
 *   instant      the display equals T_k within 5 ms of key k;
 *   mispredicted while k was the newest key, the display showed a screen
 *                that is none of T_j (j from the newest state received to
 *                k): something that never was, nor will be, on screen;
 *   delay        time from key k until the display first equals T_j for
 *                some j >= k.
 * Figures for: 250 ms RTT, and 100 ms RTT with 29% loss each way; for
 * adaptive prediction and none.  Prints figures; asserts nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "term/emu.h"
#include "term/predict.h"

#define COLS 80
#define ROWS 24
#define KEYS_MAX 1024
#define STEP 2		/* sampling period, ms */
#define THINK 1000	/* pause after Enter and after Escape, ms */

/* --- the trace ----------------------------------------------------------- */

static const char *const trace_text[] = {
	/* shell, with editing */
	"ls -la\r", "echo helo", "\033[D", "l", "\033[C", " world\r",
	"cd /tmp\r", "gti", "\177\177\177", "git status\r",
	"grep -n main *.c\r", "make -j2\r",
	/* a password prompt */
	"read -s\r", "hunter22\r",
	/* vim: motions (no echo), insert mode, a command line */
	"vim\r", "jjjll", "x", "i", "new text ", "\033", "jj", "x", "k",
	"a", " more", "\033", ":q\r",
	/* a pager */
	"less\r", "   ", "q",
	/* shell again */
	"echo one two three\r", "printf '%s\\n' a b c\r", "cat notes.txt\r",
	"echo abcdef", "\033OD\033OD\033OD", "XY", "\033OC", "\r",
	"read -s\r", "s3cretpw\r",
	"vim\r", "llllx", "jjx", "ifoo bar", "\033", ":q\r",
	"history | tail\r", "exit\r",
	NULL
};

/* Splits the trace into keys: an escape sequence (ESC [ x, ESC O x) or
 * a lone ESC is one key, anything else one byte. */
static int
split_keys(char keys[][4], int max)
{
	const char *s;
	int i, n = 0;

	for (i = 0; trace_text[i] != NULL; i++) {
		for (s = trace_text[i]; *s != '\0' && n < max; n++) {
			memset(keys[n], 0, 4);
			if (s[0] == '\033' && (s[1] == '[' || s[1] == 'O') &&
			    s[2] != '\0') {
				memcpy(keys[n], s, 3);
				s += 3;
			} else {
				keys[n][0] = *s++;
			}
		}
	}
	return n;
}

/* --- the application ------------------------------------------------------- */

enum { SHELL, PASSWORD, VIM_NORMAL, VIM_INSERT, VIM_CMD, PAGER };

struct app {
	struct vt_emu *e;
	int mode;
	char line[128];
	int len, cur;		/* shell line and cursor in it */
	int vrow, vcol;		/* vim cursor */
};

static void
out(struct app *a, const char *s)
{
	vt_emu_feed(a->e, s, strlen(s));
}

static void
outf(struct app *a, const char *fmt, int x, int y)
{
	char b[64];

	snprintf(b, sizeof b, fmt, x, y);
	out(a, b);
}

static void
vim_open(struct app *a)
{
	int r;

	out(a, "\033[2J\033[H");
	for (r = 0; r < 8; r++) {
		outf(a, "line %d of the file, some text %d\r\n", r + 1, r * 7);
	}
	for (; r < ROWS - 1; r++) {
		out(a, "~\r\n");
	}
	out(a, "\"file\" 8L 250B\033[H");
	a->mode = VIM_NORMAL;
	a->vrow = a->vcol = 0;
}

static void
vim_status(struct app *a, const char *s)
{
	outf(a, "\033[%d;1H\033[K", ROWS, 0);
	out(a, s);
	outf(a, "\033[%d;%dH", a->vrow + 1, a->vcol + 1);
}

static void
shell_exec(struct app *a)
{
	int i;

	a->line[a->len] = '\0';
	out(a, "\r\n");
	if (strcmp(a->line, "read -s") == 0) {
		a->mode = PASSWORD;
	} else if (strcmp(a->line, "vim") == 0) {
		vim_open(a);
	} else if (strcmp(a->line, "less") == 0) {
		out(a, "\033[2J\033[H");
		for (i = 0; i < ROWS - 1; i++) {
			outf(a, "page line %d %d\r\n", i, i * 3);
		}
		out(a, ":");
		a->mode = PAGER;
	} else if (a->len > 0) {
		for (i = 0; i < 3; i++) {
			outf(a, "output %d of the command %d\r\n", i, a->len);
		}
	}
	if (a->mode == SHELL) {
		out(a, "$ ");
	}
	a->len = a->cur = 0;
}

static void
shell_key(struct app *a, const char *k)
{
	if (strcmp(k, "\033[D") == 0 || strcmp(k, "\033OD") == 0) {
		if (a->cur > 0) {
			a->cur--;
			out(a, "\b");
		}
	} else if (strcmp(k, "\033[C") == 0 || strcmp(k, "\033OC") == 0) {
		if (a->cur < a->len) {
			a->cur++;
			out(a, "\033[C");
		}
	} else if (k[0] == '\r') {
		shell_exec(a);
	} else if (k[0] == 0x7F) {
		if (a->cur > 0) {
			memmove(a->line + a->cur - 1, a->line + a->cur,
			    (size_t)(a->len - a->cur));
			a->cur--;
			a->len--;
			out(a, "\b\033[P");
		}
	} else if (k[0] >= 0x20 && k[1] == '\0' &&
	    a->len < (int)sizeof a->line - 1) {
		memmove(a->line + a->cur + 1, a->line + a->cur,
		    (size_t)(a->len - a->cur));
		a->line[a->cur++] = k[0];
		a->len++;
		if (a->cur < a->len) {
			out(a, "\033[@");
		}
		out(a, k);
	}
}

static void
app_key(struct app *a, const char *k)
{
	switch (a->mode) {
	case SHELL:
		shell_key(a, k);
		break;
	case PASSWORD:
		if (k[0] == '\r') {
			a->mode = SHELL;
			out(a, "\r\n$ ");
		}
		break;
	case PAGER:
		if (k[0] == 'q') {
			a->mode = SHELL;
			out(a, "\033[2J\033[H$ ");
		} else if (k[0] == ' ') {
			out(a, "\r\033[Kmore page text\r\n:");
		}
		break;
	case VIM_NORMAL:
		if (k[0] == 'j' && a->vrow < 7) {
			a->vrow++;
		} else if (k[0] == 'k' && a->vrow > 0) {
			a->vrow--;
		} else if (k[0] == 'l') {
			a->vcol++;
		} else if (k[0] == 'x') {
			out(a, "\033[P");
		} else if (k[0] == 'i' || k[0] == 'a') {
			a->vcol += k[0] == 'a';
			a->mode = VIM_INSERT;
			vim_status(a, "-- INSERT --");
		} else if (k[0] == ':') {
			a->mode = VIM_CMD;
			vim_status(a, ":");
			outf(a, "\033[%d;2H", ROWS, 0);
			return;
		}
		outf(a, "\033[%d;%dH", a->vrow + 1, a->vcol + 1);
		break;
	case VIM_INSERT:
		if (k[0] == '\033' && k[1] == '\0') {
			a->mode = VIM_NORMAL;
			a->vcol = a->vcol > 0 ? a->vcol - 1 : 0;
			vim_status(a, "");
		} else if (k[0] >= 0x20 && k[1] == '\0') {
			out(a, "\033[@");
			out(a, k);
			a->vcol++;
		}
		break;
	case VIM_CMD:
		if (k[0] == '\r') {
			a->mode = SHELL;
			out(a, "\033[2J\033[H$ ");
		} else if (k[1] == '\0' && k[0] >= 0x20) {
			out(a, k);
		}
		break;
	}
}

/* --- the link ---------------------------------------------------------------- */

static uint64_t rng = 88172645463325292ull;

static double
uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double)(rng >> 11) / 9007199254740992.0;
}

static uint64_t
one_way(unsigned d, double loss)
{
	uint64_t t = d + (uint64_t)(uniform() * 10);

	while (uniform() < loss) {
		t += 2 * d + 100;	/* a retransmission timeout later */
	}
	return t;
}

/* --- measuring ------------------------------------------------------------------ */

static int
same_screen(const struct fb *a, const struct fb *b)
{
	int r, c;

	if (a->cur.row != b->cur.row || a->cur.col != b->cur.col) {
		return 0;
	}
	for (r = 0; r < a->rows; r++) {
		const struct fb_row *x = fb_row_get(a, r), *y = fb_row_get(b, r);

		if (x == y) {
			continue;
		}
		for (c = 0; c < a->cols; c++) {
			const struct fb_cell *p = &x->cells[c], *q = &y->cells[c];

			if (p->ch != q->ch || p->width != q->width) {
				return 0;
			}
		}
	}
	return 1;
}

struct figures {
	int keys, instant, wrong;
	double mean;
	uint64_t median;
};

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void
simulate(unsigned delay, double loss, enum pred_mode mode,
    struct figures *fig)
{
	static char keys[KEYS_MAX][4];
	static struct fb truth[KEYS_MAX + 1];
	static uint64_t typed[KEYS_MAX], arrive[KEYS_MAX], shown_at[KEYS_MAX];
	static uint64_t ack_at[KEYS_MAX], lat[KEYS_MAX];
	struct app a;
	struct pred p;
	struct fb frame;
	uint64_t t, t_srv, echo = 0, sum = 0;
	int n, k, next = 0, have = 0, j, ok, wrong_k = -1;

	memset(&a, 0, sizeof a);
	if ((a.e = malloc(sizeof *a.e)) == NULL ||
	    vt_emu_init(a.e, COLS, ROWS, VT_EMU_CLIENT) != 0) {
		abort();
	}
	rng = 88172645463325292ull;
	n = split_keys(keys, KEYS_MAX);
	out(&a, "$ ");
	(void)fb_copy(&truth[0], vt_emu_fb(a.e));
	/* Typing times, the truths, and when each state (and its echo ack)
	 * reaches the client.  State k + 1 carries key k. */
	for (k = 0, t = 1000; k < n; k++) {
		typed[k] = t;
		t += (100 + (uint64_t)(uniform() * 100)) / STEP * STEP;
		if (keys[k][0] == '\r' || (keys[k][0] == '\033' && !keys[k][1])) {
			t += THINK;	/* the user reads what the command did */
		}
		app_key(&a, keys[k]);
		if (fb_copy(&truth[k + 1], vt_emu_fb(a.e)) != 0) {
			abort();
		}
		/* Applied in order at the server, then down to the client. */
		t_srv = typed[k] + one_way(delay, loss);
		if (k > 0 && t_srv < arrive[k - 1]) {
			t_srv = arrive[k - 1];
		}
		arrive[k] = t_srv;
		shown_at[k] = t_srv + one_way(delay, loss);
		ack_at[k] = t_srv + 50 + one_way(delay, loss);
		lat[k] = UINT64_MAX;
	}
	pred_init(&p, mode, 0);
	pred_set_send_interval(&p, delay < 40 ? 20 : delay);
	memset(fig, 0, sizeof *fig);
	fig->keys = n;
	for (t = 1000; t < typed[n - 1] + 20000; t += STEP) {
		/* The newest state and echo ack that have reached us. */
		for (j = have; j < n; j++) {
			if (shown_at[j] <= t) {
				have = j + 1;
			}
		}
		for (j = 0; j < n; j++) {
			if (ack_at[j] <= t && (uint64_t)j + 1 > echo) {
				echo = (uint64_t)j + 1;
			}
		}
		pred_server_update(&p, &truth[have], echo, t);
		while (next < n && typed[next] <= t) {
			pred_new_user_bytes(&p, &truth[have], keys[next],
			    strlen(keys[next]), (uint64_t)next, t);
			next++;
		}
		if (fb_copy(&frame, &truth[have]) != 0) {
			abort();
		}
		(void)pred_apply(&p, &frame);
		/* Against the truths between what the server showed us and
		 * what has been typed. */
		ok = 0;
		for (j = next; j >= have; j--) {
			if (same_screen(&frame, &truth[j])) {
				ok = 1;
				for (k = 0; k < j; k++) {
					if (lat[k] == UINT64_MAX) {
						lat[k] = t - typed[k];
						fig->instant += lat[k] <= 5;
					}
				}
				break;
			}
		}
		if (!ok && next > 0 && wrong_k != next - 1) {
			wrong_k = next - 1;
			fig->wrong++;
		}
		fb_free(&frame);
		if (next == n && have == n && !pred_active(&p)) {
			break;
		}
	}
	for (k = 0; k < n; k++) {
		if (lat[k] == UINT64_MAX) {
			lat[k] = 20000;
		}
		sum += lat[k];
	}
	fig->mean = (double)sum / n;
	qsort(lat, (size_t)n, sizeof lat[0], cmp_u64);
	fig->median = lat[n / 2];
	pred_fini(&p);
	for (k = 0; k <= n; k++) {
		fb_free(&truth[k]);
	}
	vt_emu_fini(a.e);
	free(a.e);
}

int
main(void)
{
	static const struct {
		unsigned delay;
		double loss;
		const char *name;
	} links[] = {
		{ 125, 0.0, "250 ms RTT" },
		{ 50, 0.29, "100 ms RTT, 29% loss each way" },
	};
	static const struct {
		enum pred_mode mode;
		const char *name;
	} modes[] = {
		{ PRED_MODE_ADAPTIVE, "adaptive" },
		{ PRED_MODE_NEVER, "never" },
	};
	struct figures f;
	size_t l, m;

	printf("keystroke trace, engine-level simulation (see the source):\n");
	printf("  %-31s %-9s %5s %9s %9s %9s %9s\n", "link", "predict", "keys",
	    "instant", "mispred", "mean ms", "median ms");
	for (l = 0; l < sizeof links / sizeof links[0]; l++) {
		for (m = 0; m < sizeof modes / sizeof modes[0]; m++) {
			simulate(links[l].delay, links[l].loss, modes[m].mode, &f);
			printf("  %-31s %-9s %5d %8.1f%% %8.1f%% %9.1f %9llu\n",
			    links[l].name, modes[m].name, f.keys,
			    100.0 * f.instant / f.keys,
			    100.0 * f.wrong / f.keys, f.mean,
			    (unsigned long long)f.median);
		}
	}
	return 0;
}
