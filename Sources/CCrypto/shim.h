#ifndef DISTILLSCAN_CCRYPTO_SHIM_H
#define DISTILLSCAN_CCRYPTO_SHIM_H
/* OpenSSL's digest API: SHA-256 with the CPU's SHA extensions where it has them;
   HMAC-SHA256 and the random generator for --redact. */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#endif
