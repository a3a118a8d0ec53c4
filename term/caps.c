/*
 * term/caps.c - terminal capabilities guessed from the name.
 */
#include <stddef.h>
#include <string.h>

#include "term/caps.h"

static int
has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int
has_suffix(const char *s, const char *x)
{
	size_t n = strlen(s), m = strlen(x);

	return n >= m && strcmp(s + n - m, x) == 0;
}

int
caps_colors(const char *term)
{
	static const char *const rich[] = {
		"alacritty", "xterm-kitty", "kitty", "foot", "wezterm",
		"xterm-ghostty", "contour"
	};
	size_t i;

	if (term == NULL || term[0] == '\0' || strcmp(term, "dumb") == 0) {
		return 0;
	}
	if (strstr(term, "256color") != NULL || strstr(term, "truecolor") ||
	    has_suffix(term, "-direct")) {
		return 256;
	}
	for (i = 0; i < sizeof rich / sizeof rich[0]; i++) {
		if (has_prefix(term, rich[i])) {
			return 256;
		}
	}
	if (has_suffix(term, "-88color")) {
		return 88;
	}
	if (has_suffix(term, "-16color")) {
		return 16;
	}
	return 8;
}

int
caps_titles(const char *term)
{
	static const char *const pre[] = {
		"xterm", "rxvt", "kterm", "Eterm", "alacritty", "screen", "tmux"
	};
	size_t i;

	if (term == NULL) {
		return 0;
	}
	for (i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		if (has_prefix(term, pre[i])) {
			return 1;
		}
	}
	return 0;
}
