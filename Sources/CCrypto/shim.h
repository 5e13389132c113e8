#ifndef MINQING_CCRYPTO_SHIM_H
#define MINQING_CCRYPTO_SHIM_H
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/err.h>
#endif
