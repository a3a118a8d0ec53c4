/*
 * test/bench/ocb.c - OCB seal+open throughput for 1200-byte datagrams,
 * per AES back end.  Prints figures; asserts nothing.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "crypto/ocb.h"

#define LEN 1200

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Best of 3 runs of `iters` seal+open pairs, in MB/s of plaintext. */
static void
run(enum crypto_aes_impl impl, const char *name)
{
	static uint8_t p[LEN], c[LEN + 16], back[LEN];
	uint8_t key[16] = { 7 }, nonce[12] = { 0 };
	struct crypto_ocb o;
	double best_seal = 0, best_open = 0, t0, t1, t2;
	int iters = 4000, round, i;

	if (crypto_ocb_init(&o, key, impl) < 0) {
		printf("ocb %-5s: not available on this CPU\n", name);
		return;
	}
	memset(p, 'x', sizeof(p));
	for (round = 0; round < 3; round++) {
		t0 = now_s();
		for (i = 0; i < iters; i++) {
			nonce[11] = (uint8_t)i;
			crypto_ocb_seal(&o, nonce, NULL, 0, p, LEN, c);
		}
		t1 = now_s();
		for (i = 0; i < iters; i++) {
			if (crypto_ocb_open(&o, nonce, NULL, 0, c, LEN + 16, back) < 0) {
				printf("ocb %s: open failed\n", name);
				return;
			}
		}
		t2 = now_s();
		if (LEN * (double)iters / (t1 - t0) / 1e6 > best_seal) {
			best_seal = LEN * (double)iters / (t1 - t0) / 1e6;
		}
		if (LEN * (double)iters / (t2 - t1) / 1e6 > best_open) {
			best_open = LEN * (double)iters / (t2 - t1) / 1e6;
		}
	}
	printf("ocb %-5s %d-byte datagrams: seal %.1f MB/s, open %.1f MB/s, "
	    "seal+open %.1f MB/s\n", name, LEN, best_seal, best_open,
	    1 / (1 / best_seal + 1 / best_open));
	crypto_ocb_fini(&o);
}

int
main(void)
{
	run(CRYPTO_AES_X86NI, "x86ni");
	run(CRYPTO_AES_CT64, "ct64");
	return 0;
}
