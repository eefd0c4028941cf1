#ifndef NIANBAO_CLIBXML2_SHIM_H
#define NIANBAO_CLIBXML2_SHIM_H

// libxml2's HTML parser (real-world HTML, with recovery) and its tree API.
//
// Debian's libxml2 is built with ICU, and its encoding header then includes the system's
// <unicode/ucnv.h>, which clashes with the ICU that Swift's Foundation bundles. nianbao uses
// no libxml2 encoding handler (it converts to UTF-8 itself), so that part is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

// xmlFree is a global function pointer, which Swift 6 cannot touch safely.
static inline void nianbao_xml_free(void *p) { xmlFree(p); }

#endif
