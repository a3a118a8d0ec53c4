/*
 * crypto/br.h - the one place BearSSL's public header is included.
 *
 * bearssl_hash.h tests an undefined macro with #if, which -Wundef (part
 * of our warning set) reports; the headers are third-party, so that one
 * warning is silenced around the include and nowhere else.
 */
#ifndef CRYPTO_BR_H
#define CRYPTO_BR_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wundef"
#include <bearssl.h>
#pragma GCC diagnostic pop

/*
 * Does nothing; calling it links crypto/fortify_shim.c, which Debian's
 * libbearssl.a needs under musl (see there).  Called from the init
 * functions of the modules that use BearSSL.
 */
void crypto_fortify_shim_link(void);

#endif
