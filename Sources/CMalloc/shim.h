#ifndef IAMGRAPH_CMALLOC_SHIM_H
#define IAMGRAPH_CMALLOC_SHIM_H
// glibc's malloc_trim(3), which Swift's Glibc module does not expose: hands the free memory of every arena back to
// the system. Elsewhere (no glibc) it does nothing.
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>

/// Returns free memory to the system; 1 when some was returned, 0 when there was none to return (not an error).
static inline int iamgraph_malloc_trim(void) { return malloc_trim(0); }
#else
static inline int iamgraph_malloc_trim(void) { return 0; }
#endif
#endif
