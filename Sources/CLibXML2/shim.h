#ifndef NIANBAO_CLIBXML2_SHIM_H
#define NIANBAO_CLIBXML2_SHIM_H

// libxml2's HTML parser (real-world HTML, with recovery) and its tree API.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

// xmlFree is a global function pointer, which Swift 6 cannot touch safely.
static inline void nianbao_xml_free(void *p) { xmlFree(p); }

#endif
