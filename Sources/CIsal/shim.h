#ifndef DISTILLSCAN_CISAL_SHIM_H
#define DISTILLSCAN_CISAL_SHIM_H
/* Intel ISA-L's igzip: gzip inflate with SIMD decoding and CRC-32 (about 2.4 times
   zlib's speed on gateway dumps), the largest single cost of a scan. */
#include <isa-l/igzip_lib.h>
#endif
