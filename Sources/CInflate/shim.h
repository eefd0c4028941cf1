#ifndef NIANBAO_CINFLATE_SHIM_H
#define NIANBAO_CINFLATE_SHIM_H
// zlib's inflate, for the deflated parts of a .docx (raw deflate, as ZIP stores it).
#include <zlib.h>

// inflateInit2 is a macro; Swift cannot call it.
static inline int nianbao_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif
