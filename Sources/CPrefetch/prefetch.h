#ifndef DISTILLSCAN_CPREFETCH_H
#define DISTILLSCAN_CPREFETCH_H
/* A cache prefetch hint: Swift has none. Header-only and static inline, so Swift inlines
   it; the hint never faults and reads nothing the program sees. For writing (rw 1: the
   profile is updated next) with locality 1, which baseline x86-64 compiles to prefetcht2
   (into L2, not L1): a hint into L1 pushed the decoder's own lines out of it
   (docs/performance.md). */
static inline void distill_prefetch(const void *p) {
    __builtin_prefetch(p, 1, 1);
}
#endif
