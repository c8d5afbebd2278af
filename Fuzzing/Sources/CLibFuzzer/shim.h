// libFuzzer's driver entry point (compiler-rt, linked by `swiftc -sanitize=fuzzer`). A fuzz target calls it from its
// own `main`, because SwiftPM links executables with `--defsym main=<module>_main` and libFuzzer's `main` cannot win.
// The reference is weak, so that a plain build of the package (without the sanitizer) links the fuzz targets too.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size)) __attribute__((weak));

/// Whether libFuzzer is linked in (the target was built with `-sanitize=fuzzer`).
static inline int iamgraph_fuzzer_linked(void) {
    return LLVMFuzzerRunDriver != NULL;
}

/// libFuzzer's driver; only call it when `iamgraph_fuzzer_linked()`.
static inline int iamgraph_fuzzer_run(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size)) {
    return LLVMFuzzerRunDriver(argc, argv, callback);
}
