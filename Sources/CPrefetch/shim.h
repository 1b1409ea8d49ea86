#ifndef DISTILLSCAN_CPREFETCH_SHIM_H
#define DISTILLSCAN_CPREFETCH_SHIM_H
/* The compiler's prefetch hint, which Swift does not expose: the profile pass asks for an
   account's cold profile while it updates the one before. Header only, no library. */
static inline void distill_prefetch(const void *address) { __builtin_prefetch(address, 1, 1); }
#endif
