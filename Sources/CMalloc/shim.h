#ifndef DISTILLSCAN_CMALLOC_SHIM_H
#define DISTILLSCAN_CMALLOC_SHIM_H
/* glibc's <malloc.h> (mallopt), which Swift's Glibc module does not import. Header only:
   part of the C library, nothing to link. */
#include <malloc.h>
#endif
