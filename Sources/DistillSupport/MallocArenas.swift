import CMalloc

/// The C allocator's arenas. glibc gives each thread that allocates under contention its
/// own arena, and memory freed in one arena is not reused by threads of another, so the
/// scan workers' freed buffers and the link stage's new arrays did not share pages: one
/// arena lowered the peak of a two-thread analysis of the 1.2 GB bench corpus from 265 to
/// 251 MiB, with the same CPU time (glibc's per-thread caches serve most small
/// allocations without the arena's lock).
package enum MallocArenas {
    /// One arena for the whole process; call before starting threads.
    package static func useOne() {
        _ = mallopt(M_ARENA_MAX, 1)
    }
}
