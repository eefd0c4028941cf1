#ifndef C_BYTE_SEARCH_H
#define C_BYTE_SEARCH_H

#include <stddef.h>

/// glibc's memmem (vectorised), which Swift's Glibc module does not export without _GNU_SOURCE.
/// Returns the offset of the first occurrence of needle in haystack, or -1.
long nianbao_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
