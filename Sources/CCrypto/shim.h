#ifndef DISTILLSCAN_CCRYPTO_SHIM_H
#define DISTILLSCAN_CCRYPTO_SHIM_H
/* OpenSSL's digest API: SHA-256 with the CPU's SHA extensions where it has them. */
#include <openssl/evp.h>
#endif
