#include <zlib.h>

// inflateInit2 is a macro: Swift cannot call it.
static inline int oracle_inflate_init_gzip(z_stream *s) {
    return inflateInit2(s, 15 + 16);
}
