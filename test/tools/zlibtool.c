/*
 * test/tools/zlibtool.c - runs our net/zlib coder for scripts
 * (test/e2e/zlib_python.sh):
 *   zlibtool deflate|inflate [MAXOUT] < in > out
 *	exits 0, or 1 with a message on stderr;
 *   zlibtool inflate-batch [MAXOUT] < records > results
 *	stdin holds records <4-byte big-endian length><zlib stream>; for
 *	each, stdout gets <4-byte big-endian code (0 or CORE_E_*, as
 *	int32)><4-byte length><output>.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "net/zlib.h"

static int
read_all(struct core_buf *b)
{
	uint8_t tmp[65536];
	ssize_t r;
	int rc;

	while ((r = read(0, tmp, sizeof(tmp))) != 0) {
		if (r < 0) {
			return CORE_E_SYS;
		}
		rc = core_buf_append(b, tmp, (size_t)r);
		if (rc != 0) {
			return rc;
		}
	}
	return 0;
}

static int
batch(const struct core_buf *in, size_t max)
{
	struct core_buf out;
	uint8_t hdr[8];
	size_t pos = 0, n;
	int rc;

	core_buf_init(&out, max);
	while (in->len - pos >= 4) {
		n = core_ld_be32(in->p + pos);
		pos += 4;
		if (n > in->len - pos) {
			fprintf(stderr, "zlibtool: truncated record\n");
			return 1;
		}
		core_buf_reset(&out);
		rc = net_zlib_inflate(in->p + pos, n, &out);
		pos += n;
		core_st_be32(hdr, (uint32_t)rc);
		core_st_be32(hdr + 4, (uint32_t)out.len);
		if (fwrite(hdr, 1, 8, stdout) != 8 || (out.len > 0 &&
		    fwrite(out.p, 1, out.len, stdout) != out.len)) {
			fprintf(stderr, "zlibtool: write failed\n");
			return 1;
		}
	}
	core_buf_fini(&out);
	return fflush(stdout) == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	struct core_buf in, out;
	size_t max = (size_t)1 << 30;
	int rc;

	if (argc < 2 || (strcmp(argv[1], "deflate") != 0 &&
	    strcmp(argv[1], "inflate") != 0 &&
	    strcmp(argv[1], "inflate-batch") != 0)) {
		fprintf(stderr, "usage: zlibtool deflate|inflate|inflate-batch "
		    "[MAXOUT] < in > out\n");
		return 2;
	}
	if (argc > 2) {
		max = strtoul(argv[2], NULL, 0);
	}
	core_buf_init(&in, (size_t)1 << 30);
	core_buf_init(&out, max);
	rc = read_all(&in);
	if (rc != 0) {
		fprintf(stderr, "zlibtool: read: %s\n", core_strerror(rc));
		return 1;
	}
	if (strcmp(argv[1], "inflate-batch") == 0) {
		return batch(&in, max);
	}
	if (argv[1][0] == 'd') {
		rc = net_zlib_deflate(in.p, in.len, &out);
	} else {
		rc = net_zlib_inflate(in.p, in.len, &out);
	}
	if (rc != 0) {
		fprintf(stderr, "zlibtool: %s: %s\n", argv[1],
		    core_strerror(rc));
		return 1;
	}
	if (out.len > 0 && fwrite(out.p, 1, out.len, stdout) != out.len) {
		fprintf(stderr, "zlibtool: write failed\n");
		return 1;
	}
	core_buf_fini(&in);
	core_buf_fini(&out);
	return fflush(stdout) == 0 ? 0 : 1;
}
