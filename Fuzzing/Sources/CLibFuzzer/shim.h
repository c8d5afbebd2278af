// libFuzzer's driver entry point (compiler-rt, linked by `swiftc -sanitize=fuzzer`). A fuzz target calls it from its
// own `main`, because SwiftPM links executables with `--defsym main=<module>_main` and libFuzzer's `main` cannot win.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
