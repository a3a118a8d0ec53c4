/*
 * test/fuzz/fuzz_ssp.c - hostile instruction sequences into the SSP engine.
 *
 * The input is a little program: each opcode byte picks an action (receive
 * a protobuf-encoded instruction, receive one built from small fields,
 * tick, let time pass, change our state, start shutdown, take the peer's
 * diff, set RTT figures).  Two engines run it: a server shape (toy host
 * state ours, user stream theirs) and a client shape (the reverse).  The
 * engines must never crash, and their lists must stay within the caps.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "net/pb.h"
#include "net/ssp.h"
#include "net/userstream.h"
#include "test/unit/ssp_toy.h"

struct in {
	const uint8_t *p;
	size_t n;
};

static uint8_t
take(struct in *in)
{
	uint8_t c = 0;

	if (in->n > 0) {
		c = *in->p++;
		in->n--;
	}
	return c;
}

static const uint8_t *
take_n(struct in *in, size_t *n)
{
	const uint8_t *p = in->p;

	if (*n > in->n) {
		*n = in->n;
	}
	in->p += *n;
	in->n -= *n;
	return p;
}

static uint64_t
small_num(struct in *in)
{
	uint8_t c = take(in);

	return c == 0xff ? UINT64_MAX : c;
}

static void
check_caps(const struct ssp *e)
{
	if (ssp_sent_count(e) > SSP_SENT_MAX ||
	    ssp_recv_count(e) > SSP_RECV_HARD_MAX) {
		__builtin_trap();
	}
}

static void
feed(struct ssp *e, const struct net_instruction *ins, uint64_t now)
{
	(void)ssp_recv(e, ins, now);
	check_caps(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ssp srv, cli;
	struct ssp_config sc = { 0 }, cc = { 0 };
	struct in in = { data, size };
	struct net_instruction ins;
	struct core_buf out;
	uint64_t now = 100000;
	size_t n;
	uint8_t op, key;

	sc.local_ops = &toy_ops;
	sc.remote_ops = &net_us_ops;
	sc.local = toy_new();
	sc.remote = net_us_new();
	sc.send_mindelay = SSP_MINDELAY_SERVER;
	sc.remote_known = 1;
	sc.now = now;
	cc.local_ops = &net_us_ops;
	cc.remote_ops = &toy_ops;
	cc.local = net_us_new();
	cc.remote = toy_new();
	cc.send_mindelay = SSP_MINDELAY_CLIENT;
	cc.remote_known = 1;
	cc.now = now;
	if (ssp_init(&srv, &sc) < 0) {
		return 0;
	}
	if (ssp_init(&cli, &cc) < 0) {
		ssp_fini(&srv);
		return 0;
	}
	core_buf_init(&out, 1 << 22);
	while (in.n > 0) {
		op = take(&in) % 9;
		switch (op) {
		case 0:	/* a raw protobuf instruction */
			n = take(&in);
			{
				const uint8_t *p = take_n(&in, &n);

				if (net_pb_instruction_decode(&ins, p, n) == 0) {
					feed(&srv, &ins, now);
					feed(&cli, &ins, now);
				}
			}
			break;
		case 1:	/* an instruction from small fields */
			memset(&ins, 0, sizeof(ins));
			ins.protocol_version = take(&in) & 0x80 ? 1 : 2;
			ins.old_num = small_num(&in);
			ins.new_num = small_num(&in);
			ins.ack_num = small_num(&in);
			ins.throwaway_num = small_num(&in);
			n = take(&in) % 64;
			ins.diff = take_n(&in, &n);
			ins.diff_len = n;
			feed(&srv, &ins, now);
			feed(&cli, &ins, now);
			break;
		case 2:
			if (ssp_tick(&srv, now, &ins) == 1) {
				feed(&cli, &ins, now);
			}
			if (ssp_tick(&cli, now, &ins) == 1) {
				feed(&srv, &ins, now);
			}
			break;
		case 3:
			now += (uint64_t)take(&in) << (take(&in) % 8);
			(void)ssp_next_deadline(&srv, now);
			(void)ssp_next_deadline(&cli, now);
			break;
		case 4:
			key = take(&in);
			if (!ssp_shutdown_in_progress(&cli)) {
				net_us_push_bytes(ssp_current(&cli), &key, 1);
				if (key < 8) {
					net_us_push_resize(ssp_current(&cli),
					    key, key);
				}
			}
			if (!ssp_shutdown_in_progress(&srv)) {
				((struct toy *)ssp_current(&srv))->
				    cell[key % TOY_CELLS] ^= 1;
			}
			break;
		case 5:
			ssp_start_shutdown(take(&in) & 1 ? &srv : &cli, now);
			break;
		case 6:
			core_buf_reset(&out);
			(void)ssp_take_diff(&srv, &out);
			core_buf_reset(&out);
			(void)ssp_take_diff(&cli, &out);
			break;
		case 7:
			ssp_set_rtt(&srv, take(&in) * 8u, take(&in));
			ssp_set_rtt(&cli, take(&in) * 8u, take(&in));
			break;
		default:	/* many new states at once */
			for (n = take(&in) % 64; n > 0; n--) {
				memset(&ins, 0, sizeof(ins));
				ins.protocol_version = 2;
				ins.old_num = ssp_remote_num(&srv);
				ins.new_num = ins.old_num + 1 + n;
				feed(&srv, &ins, now);
			}
			break;
		}
		check_caps(&srv);
		check_caps(&cli);
	}
	core_buf_fini(&out);
	ssp_fini(&srv);
	ssp_fini(&cli);
	return 0;
}
