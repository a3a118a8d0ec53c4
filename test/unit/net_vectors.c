/*
 * test/unit/net_vectors.c - every datagram captured from stock mosh 1.4
 * (shared/vectors/vectors.json, converted by test/tools/vectors2txt.py
 * into test/data/mosh_vectors.txt) through our whole receive path:
 * datagram open, fragment header, reassembly, inflate, Instruction and
 * message decoding, each field checked against the capture; and back:
 * re-encryption and the fragmenter (instruction ids included) reproduce
 * the captured bytes exactly, and our deflate output inflates back (how
 * many streams are byte-identical to stock zlib is printed, not required:
 * any valid zlib stream interoperates, PROTOCOL.md 5).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "net/dgram.h"
#include "net/frag.h"
#include "net/pb.h"
#include "net/zlib.h"
#include "test/harness.h"

#define VECTORS "test/data/mosh_vectors.txt"
#define MAXF 20
#define MAXHEX 8192

/* Per direction (index = direction bit of the datagrams it handles). */
struct side {
	struct net_dgram rx;		/* the end that receives this direction */
	struct net_dgram tx;		/* the end that sends it (for DIRECTION) */
	struct net_reasm reasm;
	struct net_fragmenter frag;
	uint8_t pay[64][1300];		/* payloads since the last completion */
	size_t paylen[64];
	size_t npay;
};

struct run {
	struct side side[2];
	bool have_key;
	int want_ins;			/* -1 or the direction awaiting an I line */
	struct core_buf assembled;
	struct core_buf inflated;
	struct net_instruction ins;	/* points into inflated */
	int ins_dir;
	struct net_pb_msg_iter it;
	long items_left;
	/* counts */
	unsigned datagrams, instructions, items, reordered, ids_checked;
	unsigned deflate_same;		/* our deflate == stock bytes */
	unsigned failures_before;
};

static int
split(char *line, char **f, int max)
{
	int n = 0;
	char *save = NULL, *t;

	for (t = strtok_r(line, " ", &save); t != NULL && n < max;
	    t = strtok_r(NULL, " ", &save)) {
		f[n++] = t;
	}
	return n;
}

static uint64_t
num(const char *s)
{
	return strtoull(s, NULL, 10);
}

/* Hex field ("-" = empty) into a malloc'd buffer. */
static uint8_t *
unhex(const char *s, size_t *n)
{
	size_t l = strcmp(s, "-") == 0 ? 0 : strlen(s);
	uint8_t *p = malloc(l / 2 + 1);
	long r = 0;

	if (p == NULL) {
		abort();
	}
	if (l > 0) {
		r = test_unhex(s, p, l / 2 + 1);
	}
	CHECK(r >= 0 && (size_t)r * 2 == l);
	*n = r > 0 ? (size_t)r : 0;
	return p;
}

static void
side_init(struct side *s, const uint8_t key[16], int dirbit)
{
	/* the receiver of direction d sends with the other bit */
	CHECK_INT(0, net_dgram_init(&s->rx, key, (enum net_dgram_dir)!dirbit,
	    CRYPTO_AES_AUTO));
	CHECK_INT(0, net_dgram_init(&s->tx, key, (enum net_dgram_dir)dirbit,
	    CRYPTO_AES_AUTO));
	net_reasm_init(&s->reasm, NET_ZLIB_MAX_INFLATE, NET_FRAG_COUNT_MAX);
	net_fragmenter_init(&s->frag);
	s->npay = 0;
}

static void
side_fini(struct side *s)
{
	net_dgram_fini(&s->rx);
	net_dgram_fini(&s->tx);
	net_reasm_fini(&s->reasm);
}

static void
on_key(struct run *r, char **f, int nf)
{
	uint8_t key[16];
	int d;

	CHECK_INT(3, nf);
	CHECK_INT(16, test_unhex(f[2], key, sizeof(key)));
	for (d = 0; d < 2; d++) {
		if (r->have_key) {
			side_fini(&r->side[d]);
		}
		side_init(&r->side[d], key, d);
	}
	r->have_key = true;
}

static void
on_datagram(struct run *r, char **f, int nf)
{
	size_t rawlen, ptlen, noncelen, relen;
	uint8_t *raw, *pt, *nonce, out[2048], re[2048], n12[12];
	struct net_dgram_rx rx;
	struct net_frag fr;
	struct side *s;
	int dir, rc;

	CHECK_INT(15, nf);
	if (nf != 15 || !r->have_key) {
		return;
	}
	CHECK_INT(-1, r->want_ins);	/* the previous completion had its I */
	dir = (int)num(f[3]);
	CHECK(dir == 0 || dir == 1);
	s = &r->side[dir & 1];
	raw = unhex(f[13], &rawlen);
	pt = unhex(f[14], &ptlen);
	nonce = unhex(f[12], &noncelen);
	r->datagrams++;
	/* the wire nonce: direction bit and seq */
	CHECK_INT(8, noncelen);
	CHECK_MEM(nonce, noncelen, raw, 8);
	CHECK_INT(dir, raw[0] >> 7);
	CHECK_U64(num(f[4]), core_ld_be64(raw) & NET_DGRAM_SEQ_MAX);
	CHECK_INT(rawlen, ptlen + 24);
	/* the sending end refuses its own direction */
	CHECK_INT(CORE_E_DIRECTION, net_dgram_open(&s->tx, raw, rawlen, 0, false,
	    out, sizeof(out), &rx));
	rc = net_dgram_open(&s->rx, raw, rawlen, r->datagrams * 10, false, out,
	    sizeof(out), &rx);
	CHECK_INT(0, rc);
	if (rc != 0) {
		goto done;
	}
	CHECK_MEM(pt, ptlen, out, ptlen);
	CHECK_U64(num(f[4]), rx.seq);
	CHECK_INT(num(f[5]), rx.ts);
	CHECK_INT(num(f[6]), rx.ts_reply);
	CHECK_INT(num(f[7]), rx.ts_reply != NET_DGRAM_TS_NONE);
	r->reordered += !rx.in_order;
	/* fragment */
	CHECK_INT(0, net_frag_parse(&fr, rx.payload, rx.payload_len));
	CHECK_U64(num(f[8]), fr.id);
	CHECK_INT(num(f[9]), fr.final);
	CHECK_INT(num(f[10]), fr.num);
	CHECK_INT(num(f[11]), fr.len);
	CHECK_MEM(pt + 14, ptlen - 14, fr.chunk, fr.len);
	/* re-encryption with the same nonce gives the same bytes */
	memset(n12, 0, 4);
	memcpy(n12 + 4, raw, 8);
	memcpy(re, raw, 8);
	CHECK_INT(0, crypto_session_seal(&s->tx.sess, n12, pt, ptlen, re + 8));
	relen = ptlen + 24;
	CHECK_MEM(raw, rawlen, re, relen);
	/* keep the payload for the fragmenter check */
	if (s->npay < 64 && rx.payload_len <= sizeof(s->pay[0])) {
		memcpy(s->pay[s->npay], rx.payload, rx.payload_len);
		s->paylen[s->npay++] = rx.payload_len;
	}
	core_buf_reset(&r->assembled);
	rc = net_reasm_add(&s->reasm, &fr, &r->assembled);
	CHECK(rc == 0 || rc == 1);
	if (rc == 1) {
		r->want_ins = dir;
	}
done:
	free(raw);
	free(pt);
	free(nonce);
}

/* Our fragmenter, fed what was decoded, reproduces the captured
 * fragments, instruction ids included (section 4). */
static void
check_fragmenter(struct run *r, struct side *s)
{
	struct net_frag_seq seq;
	uint8_t buf[1300];
	size_t n = 0, i = 0;

	CHECK_INT(0, net_fragmenter_split(&s->frag, &r->ins, r->assembled.p,
	    r->assembled.len, NET_DGRAM_CHUNK_IPV4, &seq));
	while (net_frag_seq_next(&seq, buf, sizeof(buf), &n) == 1) {
		CHECK(i < s->npay);
		if (i < s->npay) {
			CHECK_MEM(s->pay[i], s->paylen[i], buf, n);
		}
		i++;
	}
	CHECK_INT(s->npay, i);
	r->ids_checked++;
	s->npay = 0;
}

static void
on_instruction(struct run *r, char **f, int nf)
{
	size_t inslen, difflen, chafflen;
	uint8_t *insb, *diff, *chaff;
	struct core_buf enc;
	int rc;

	CHECK_INT(10, nf);
	CHECK(r->want_ins >= 0);
	if (nf != 10 || r->want_ins < 0) {
		return;
	}
	r->ins_dir = r->want_ins;
	r->want_ins = -1;
	r->instructions++;
	insb = unhex(f[7], &inslen);
	diff = unhex(f[8], &difflen);
	chaff = unhex(f[9], &chafflen);
	CHECK_INT(num(f[6]), r->assembled.len);
	core_buf_reset(&r->inflated);
	rc = net_zlib_inflate(r->assembled.p, r->assembled.len, &r->inflated);
	CHECK_INT(0, rc);
	CHECK_MEM(insb, inslen, r->inflated.p, r->inflated.len);
	memset(&r->ins, 0, sizeof(r->ins));
	CHECK_INT(0, net_pb_instruction_decode(&r->ins, r->inflated.p,
	    r->inflated.len));
	CHECK_INT(num(f[1]), r->ins.protocol_version);
	CHECK_U64(num(f[2]), r->ins.old_num);
	CHECK_U64(num(f[3]), r->ins.new_num);
	CHECK_U64(num(f[4]), r->ins.ack_num);
	CHECK_U64(num(f[5]), r->ins.throwaway_num);
	CHECK_MEM(diff, difflen, r->ins.diff, r->ins.diff_len);
	CHECK_MEM(chaff, chafflen, r->ins.chaff, r->ins.chaff_len);
	/* and back: stock field order, byte for byte */
	core_buf_init(&enc, 1 << 20);
	CHECK_INT(0, net_pb_instruction_encode(&r->ins, &enc));
	CHECK_MEM(insb, inslen, enc.p, enc.len);
	/* our sender path: deflate, and it must inflate back */
	core_buf_reset(&enc);
	CHECK_INT(0, net_zlib_deflate(insb, inslen, &enc));
	if (enc.len == r->assembled.len &&
	    memcmp(enc.p, r->assembled.p, enc.len) == 0) {
		r->deflate_same++;
	}
	{
		struct core_buf back;

		core_buf_init(&back, NET_ZLIB_MAX_INFLATE);
		CHECK_INT(0, net_zlib_inflate(enc.p, enc.len, &back));
		CHECK_MEM(insb, inslen, back.p, back.len);
		core_buf_fini(&back);
	}
	core_buf_fini(&enc);
	check_fragmenter(r, &r->side[r->ins_dir]);
	net_pb_msg_iter_init(&r->it, r->ins.diff, r->ins.diff_len);
	r->items_left = r->ins.diff_len == 0 ? 0 : -1;	/* -1: M line due */
	free(insb);
	free(diff);
	free(chaff);
}

static void
on_message(struct run *r, char **f, int nf)
{
	CHECK_INT(3, nf);
	CHECK_INT(-1, r->items_left);
	CHECK_STR(r->ins_dir == 0 ? "ClientBuffers.UserMessage" :
	    "HostBuffers.HostMessage", f[1]);
	r->items_left = (long)num(f[2]);
}

static void
on_item(struct run *r, char **f, int nf)
{
	struct net_msg_item it;
	uint8_t *b;
	size_t bl;
	int rc;

	CHECK(r->items_left > 0);
	if (r->items_left <= 0 || nf < 3) {
		return;
	}
	r->items_left--;
	r->items++;
	rc = net_pb_msg_next(&r->it, &it);
	CHECK_INT(1, rc);
	if (rc != 1) {
		return;
	}
	switch (f[1][0]) {
	case 'K':
	case 'H':
		CHECK_INT(NET_MSG_BYTES, it.kind);
		b = unhex(f[2], &bl);
		CHECK_MEM(b, bl, it.bytes, it.len);
		free(b);
		/* keystrokes go to the server, host bytes to the client */
		CHECK_INT(f[1][0] == 'K' ? 0 : 1, r->ins_dir);
		break;
	case 'R':
		CHECK_INT(NET_MSG_RESIZE, it.kind);
		CHECK_INT(4, nf);
		CHECK_INT(num(f[2]), it.width);
		CHECK_INT(num(f[3]), it.height);
		break;
	case 'E':
		CHECK_INT(NET_MSG_ECHOACK, it.kind);
		CHECK_U64(num(f[2]), it.echo_ack);
		break;
	default:
		CHECK(!"unknown item type");
	}
	if (r->items_left == 0) {
		CHECK_INT(0, net_pb_msg_next(&r->it, &it));	/* nothing more */
	}
}

static void
all_vectors(void)
{
	static struct run r;
	char *text, *line, *next, *f[MAXF];
	unsigned total_d = 0, total_i = 0;
	size_t len;
	int nf, d;

	text = (char *)test_read_file(VECTORS, &len);
	CHECK(text != NULL);
	if (text == NULL) {
		return;
	}
	memset(&r, 0, sizeof(r));
	r.want_ins = -1;
	core_buf_init(&r.assembled, NET_ZLIB_MAX_INFLATE);
	core_buf_init(&r.inflated, NET_ZLIB_MAX_INFLATE);
	for (line = text; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL) {
			*next++ = '\0';
		}
		if (line[0] == '#') {
			sscanf(line, "# totals %u datagrams %u instructions",
			    &total_d, &total_i);
			continue;
		}
		if (r.items_left > 0 && line[0] != 'X') {
			CHECK_INT(0, r.items_left);	/* fewer items than said */
			r.items_left = 0;
		}
		nf = split(line, f, MAXF);
		if (nf == 0) {
			continue;
		}
		switch (f[0][0]) {
		case 'K':
			on_key(&r, f, nf);
			break;
		case 'D':
			on_datagram(&r, f, nf);
			break;
		case 'I':
			on_instruction(&r, f, nf);
			break;
		case 'M':
			on_message(&r, f, nf);
			break;
		case 'X':
			on_item(&r, f, nf);
			break;
		default:
			CHECK(!"unknown line type");
		}
	}
	CHECK_INT(-1, r.want_ins);
	printf("    %u datagrams, %u instructions, %u diff items, %u fragmenter "
	    "runs matched; %u reordered; our deflate byte-identical to stock "
	    "for %u\n", r.datagrams, r.instructions, r.items, r.ids_checked,
	    r.reordered, r.deflate_same);
	CHECK_INT(1058, total_d);
	CHECK_INT(1057, total_i);
	CHECK_INT(total_d, r.datagrams);
	CHECK_INT(total_i, r.instructions);
	CHECK_INT(total_i, r.ids_checked);
	CHECK(r.items > 1000);
	for (d = 0; r.have_key && d < 2; d++) {
		side_fini(&r.side[d]);
	}
	core_buf_fini(&r.assembled);
	core_buf_fini(&r.inflated);
	free(text);
}

static const struct test tests[] = {
	T(all_vectors),
};
TEST_MAIN(tests)
