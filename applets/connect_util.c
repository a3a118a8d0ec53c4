/*
 * applets/connect_util.c - argv vectors and POSIX-shell word splitting and
 * quoting for the connect applet.  Allocation failure is fatal here: the
 * bootstrap cannot continue without memory, and a clear death beats a
 * half-built ssh command line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "applets/connect.h"
#include "core/log.h"

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL) {
		core_die(1, "out of memory");
	}
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

static void
sv_take(struct sv *s, char *str)
{
	if (s->n + 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		char **v = realloc(s->v, cap * sizeof *v);

		if (v == NULL) {
			core_die(1, "out of memory");
		}
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = str;
	s->v[s->n] = NULL;
}

void
sv_push(struct sv *s, const char *str)
{
	sv_take(s, xstrdup(str));
}

void
sv_pushf(struct sv *s, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		core_die(1, "out of memory");
	}
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sv_take(s, p);
}

void
sv_free(struct sv *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i]);
	}
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

int
shell_split(const char *s, struct sv *out, const char **err)
{
	size_t len = strlen(s);
	char *w = xmalloc(len + 1);
	size_t n = 0;
	int inword = 0;

	while (*s != '\0') {
		char c = *s++;

		if (c == ' ' || c == '\t' || c == '\n') {
			if (inword) {
				w[n] = '\0';
				sv_push(out, w);
				n = 0;
				inword = 0;
			}
			continue;
		}
		inword = 1;
		if (c == '\\') {
			if (*s != '\0') {
				w[n++] = *s++;
			}
		} else if (c == '\'') {
			while (*s != '\0' && *s != '\'') {
				w[n++] = *s++;
			}
			if (*s++ != '\'') {
				*err = "unterminated ' quote";
				goto bad;
			}
		} else if (c == '"') {
			while (*s != '\0' && *s != '"') {
				if (*s == '\\' && (s[1] == '"' || s[1] == '\\' ||
				    s[1] == '$' || s[1] == '`')) {
					s++;
				}
				w[n++] = *s++;
			}
			if (*s++ != '"') {
				*err = "unterminated \" quote";
				goto bad;
			}
		} else {
			w[n++] = c;
		}
	}
	if (inword) {
		w[n] = '\0';
		sv_push(out, w);
	}
	free(w);
	return 0;
bad:
	free(w);
	return -1;
}

char *
shell_quote_words(char *const *w, size_t n)
{
	size_t i, len = 1;
	const char *p;
	char *out, *o;

	for (i = 0; i < n; i++) {
		len += 3;
		for (p = w[i]; *p != '\0'; p++) {
			len += *p == '\'' ? 4 : 1;
		}
	}
	o = out = xmalloc(len);
	for (i = 0; i < n; i++) {
		if (i > 0) {
			*o++ = ' ';
		}
		*o++ = '\'';
		for (p = w[i]; *p != '\0'; p++) {
			if (*p == '\'') {
				memcpy(o, "'\\''", 4);
				o += 4;
			} else {
				*o++ = *p;
			}
		}
		*o++ = '\'';
	}
	*o = '\0';
	return out;
}

char *
shell_quote(const char *w)
{
	char *v[1];

	v[0] = (char *)w;
	return shell_quote_words(v, 1);
}
