#ifndef MINQING_CLIBXML2_SHIM_H
#define MINQING_CLIBXML2_SHIM_H
// libxml2's streaming reader (xmlTextReader): the .xlsx reader pulls a part's XML node by node.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, whose headers (pulled in by encoding.h) clash with the copy of
// ICU that Foundation carries ("UErrorCode has different definitions"). minqing never touches
// libxml2's ICU converters (only their pointers, inside structs it does not use), so leave them out.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif
