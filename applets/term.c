/*
 * applets/term.c - feed a byte stream through the emulator and print the
 * final screen: a debugging aid for rendering bugs, and a test tool.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "applets/applets.h"
#include "core/err.h"
#include "core/io.h"
#include "core/log.h"
#include "term/emu.h"

const char term_help[] =
    "Usage: mosh-static term [--size COLSxROWS] [--attrs] [FILE]\n"
    "\n"
    "Runs FILE (default: standard input) through mosh-static's terminal\n"
    "emulator, as if it were a program's output on a terminal of that\n"
    "size, and prints the final screen: exactly ROWS lines, one per row,\n"
    "trailing blanks trimmed, a wide character printed once.  Useful to\n"
    "report a rendering bug: record the program with `script`, then run\n"
    "this on the recording.\n"
    "\n"
    "  -s, --size COLSxROWS  screen size (default 80x24)\n"
    "  -a, --attrs           show renditions as SGR sequences (each one a\n"
    "                        complete ESC[0;...m, before the cell where it\n"
    "                        changes; ESC[0m ends a line that needs it) and\n"
    "                        end with a line `cursor ROW,COL` (0-based)\n"
    "      --help            this text\n";

/* Appends ";" + the SGR parameters of colour c (base 30 or 40). */
static void
put_color(FILE *o, uint32_t c, int base)
{
	unsigned v = c & 0xFFFFFFu;

	if (FB_COLOR_KIND(c) == FB_COLOR_PALETTE) {
		if (v < 8) {
			fprintf(o, ";%u", base + v);
		} else {
			fprintf(o, ";%d;5;%u", base + 8, v);
		}
	} else if (FB_COLOR_KIND(c) == FB_COLOR_RGB) {
		fprintf(o, ";%d;2;%u;%u;%u", base + 8, v >> 16, v >> 8 & 0xFF,
		    v & 0xFF);
	}
}

static void
put_sgr(FILE *o, const struct fb_rend *r)
{
	static const struct {
		unsigned bit;
		const char *sgr;
	} attrs[] = {
		{ FB_ATTR_BOLD, ";1" }, { FB_ATTR_FAINT, ";2" },
		{ FB_ATTR_ITALIC, ";3" }, { FB_ATTR_UNDERLINE, ";4" },
		{ FB_ATTR_BLINK, ";5" }, { FB_ATTR_INVERSE, ";7" },
		{ FB_ATTR_INVISIBLE, ";8" }, { FB_ATTR_STRIKE, ";9" },
		{ FB_ATTR_DUNDERLINE, ";21" },
	};
	size_t i;

	fputs("\033[0", o);
	for (i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
		if (r->attrs & attrs[i].bit) {
			fputs(attrs[i].sgr, o);
		}
	}
	put_color(o, r->fg, 30);
	put_color(o, r->bg, 40);
	fputc('m', o);
}

static void
print_screen(FILE *o, const struct fb *f, int attrs)
{
	static const struct fb_rend plain;
	uint8_t u[FB_CELL_UTF8_MAX];
	int r, c, end;

	for (r = 0; r < f->rows; r++) {
		const struct fb_row *row = fb_row_get(f, r);
		struct fb_rend cur = plain;

		end = f->cols;
		while (end > 0 && (fb_cell_is_blank(&row->cells[end - 1]) ||
		    (row->cells[end - 1].width == 0 && end >= 2 &&
		    row->cells[end - 2].width != 2))) {
			end--;
		}
		for (c = 0; c < end; c++) {
			const struct fb_cell *cell = &row->cells[c];

			if (cell->width == 0) {
				continue;
			}
			if (attrs && !fb_rend_equal(&cur, &cell->rend)) {
				cur = cell->rend;
				put_sgr(o, &cur);
			}
			fwrite(u, 1, fb_cell_utf8(cell, u), o);
		}
		if (attrs && !fb_rend_equal(&cur, &plain)) {
			fputs("\033[0m", o);
		}
		fputc('\n', o);
	}
	if (attrs) {
		fprintf(o, "cursor %d,%d\n", f->cur.row, f->cur.col);
	}
}

static int
parse_size(const char *s, int *cols, int *rows)
{
	char *end;
	long c, r;

	errno = 0;
	c = strtol(s, &end, 10);
	if (end == s || (*end != 'x' && *end != 'X')) {
		return -1;
	}
	s = end + 1;
	r = strtol(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0 || c < 1 || r < 1 ||
	    c > FB_MAX_DIM || r > FB_MAX_DIM || c * r > FB_MAX_CELLS) {
		return -1;
	}
	*cols = (int)c;
	*rows = (int)r;
	return 0;
}

int
term_main(int argc, char **argv)
{
	static uint8_t buf[4096];
	struct vt_emu *e;
	const char *file = NULL;
	int cols = 80, rows = 24, attrs = 0, fd = 0, i, rc;
	ssize_t n;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help")) {
			fputs(term_help, stdout);
			return 0;
		} else if ((!strcmp(a, "-s") || !strcmp(a, "--size")) &&
		    i + 1 < argc) {
			if (parse_size(argv[++i], &cols, &rows) != 0) {
				core_log(CORE_LOG_ERROR, "bad size '%s': want "
				    "COLSxROWS, e.g. 80x24 (at most %d each)",
				    argv[i], FB_MAX_DIM);
				return 2;
			}
		} else if (!strcmp(a, "-a") || !strcmp(a, "--attrs")) {
			attrs = 1;
		} else if (a[0] == '-' && a[1] != '\0') {
			core_log(CORE_LOG_ERROR, "unknown option '%s' (see "
			    "--help)", a);
			return 2;
		} else if (file == NULL) {
			file = a;
		} else {
			core_log(CORE_LOG_ERROR, "one FILE at most");
			return 2;
		}
	}
	if (file != NULL && strcmp(file, "-") != 0) {
		fd = open(file, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			core_log(CORE_LOG_ERROR, "%s: %s", file, strerror(errno));
			return 1;
		}
	}
	e = malloc(sizeof *e);
	if (e == NULL) {
		core_log(CORE_LOG_ERROR, "out of memory");
		return 1;
	}
	rc = vt_emu_init(e, cols, rows, VT_EMU_CLIENT);
	if (rc != 0) {
		core_log(CORE_LOG_ERROR, "emulator: %s", core_strerror(rc));
		free(e);
		return 1;
	}
	while ((n = core_read(fd, buf, sizeof buf)) > 0) {
		vt_emu_feed(e, buf, (size_t)n);
	}
	if (n < 0) {
		core_log(CORE_LOG_ERROR, "%s: %s", file ? file : "stdin",
		    strerror(errno));
	}
	print_screen(stdout, vt_emu_fb(e), attrs);
	vt_emu_fini(e);
	free(e);
	if (fd > 0) {
		close(fd);
	}
	return n < 0 || fflush(stdout) != 0 ? 1 : 0;
}
