/*
 * applets/keygen.c - print or check a mosh session key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "applets/applets.h"
#include "core/err.h"
#include "core/log.h"
#include "crypto/key.h"

const char keygen_help[] =
    "Usage: mosh-static keygen\n"
    "       mosh-static keygen --check [KEY]\n"
    "\n"
    "Prints a fresh mosh session key: 16 random bytes from the operating\n"
    "system as 22 characters of base64, the form mosh-server prints in\n"
    "MOSH CONNECT and mosh-client reads from MOSH_KEY.\n"
    "\n"
    "  -c, --check [KEY]  check KEY (default: $MOSH_KEY) and say what is\n"
    "                     wrong with it; exit 0 if valid, 1 if not\n"
    "      --help         this text\n";

static int
check(const char *key, const char *where)
{
	uint8_t k[CRYPTO_KEY_LEN];
	enum crypto_key_error why;
	int pos;

	if (crypto_key_parse(key, k, &why, &pos) == 0) {
		printf("valid mosh key\n");
		return 0;
	}
	if (pos >= 0) {
		core_log(CORE_LOG_ERROR, "invalid key%s: %s (character %d, '%c')",
		    where, crypto_key_strerror(why), pos + 1, key[pos]);
	} else {
		core_log(CORE_LOG_ERROR, "invalid key%s: %s (it has %zu)",
		    where, crypto_key_strerror(why), strlen(key));
	}
	return 1;
}

int
keygen_main(int argc, char **argv)
{
	uint8_t k[CRYPTO_KEY_LEN];
	char out[CRYPTO_KEY_B64_LEN + 1];
	const char *env;

	if (argc >= 2 && (!strcmp(argv[1], "--check") || !strcmp(argv[1], "-c"))) {
		if (argc > 3) {
			core_log(CORE_LOG_ERROR, "--check takes one key");
			return 2;
		}
		if (argc == 3) {
			return check(argv[2], "");
		}
		if ((env = getenv("MOSH_KEY")) == NULL) {
			core_log(CORE_LOG_ERROR,
			    "no KEY given and MOSH_KEY is not set");
			return 2;
		}
		return check(env, " in MOSH_KEY");
	}
	if (argc > 1) {
		core_log(CORE_LOG_ERROR, "unexpected argument '%s' (try --help)",
		    argv[1]);
		return 2;
	}
	if (crypto_key_generate(k) < 0) {
		core_die(1, "cannot read random bytes from the system: %s",
		    core_strerror(CORE_E_SYS));
	}
	crypto_key_format(k, out);
	printf("%s\n", out);
	return fflush(stdout) == 0 ? 0 : 1;
}
