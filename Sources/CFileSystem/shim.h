#ifndef IAMGRAPH_CFILESYSTEM_SHIM_H
#define IAMGRAPH_CFILESYSTEM_SHIM_H
// Linux's renameat2(2), which Swift's Glibc module does not expose (it needs _GNU_SOURCE): exchanging two directories
// in one step, and renaming without replacing an existing target. Elsewhere both fail with ENOSYS and callers fall
// back to plain rename(2).
#include <errno.h>
#include <fcntl.h>

#ifdef __linux__
extern int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);

/// Swaps `a` and `b` atomically (both must exist); 0, or -1 with errno (EINVAL where the file system cannot).
static inline int iamgraph_rename_exchange(const char *a, const char *b) {
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, 1u << 1 /* RENAME_EXCHANGE */);
}

/// Renames `from` to `to` unless `to` exists (then -1 with EEXIST); 0, or -1 with errno.
static inline int iamgraph_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, 1u << 0 /* RENAME_NOREPLACE */);
}
#else
static inline int iamgraph_rename_exchange(const char *a, const char *b) { (void)a; (void)b; errno = ENOSYS; return -1; }
static inline int iamgraph_rename_noreplace(const char *from, const char *to) { (void)from; (void)to; errno = ENOSYS; return -1; }
#endif
#endif
