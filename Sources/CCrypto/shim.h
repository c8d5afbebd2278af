#ifndef IAMGRAPH_CCRYPTO_SHIM_H
#define IAMGRAPH_CCRYPTO_SHIM_H
// libcrypto's one-shot SHA-256 (Foundation on Linux has none).
#include <openssl/sha.h>
#endif
