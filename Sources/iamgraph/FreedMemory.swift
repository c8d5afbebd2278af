import CMalloc

/// Hands memory the process has freed back to the system.
///
/// glibc keeps freed memory in its arenas (one per thread that allocated, up to eight per core) for reuse by the
/// same arena; memory freed by one thread's work (a snapshot's raw files and decoding, an account no longer needed)
/// still counts in the peak while another thread's arena grows. A command between two large phases returns it here,
/// so that the next phase's peak starts from what is live. Without glibc nothing is done.
enum FreedMemory {
    static func returnToSystem() {
        // The result only says whether any memory was returned; there is no failure to report.
        _ = iamgraph_malloc_trim()
    }
}
