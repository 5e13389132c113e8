#ifndef MINQING_CXLSXWRITER_SHIM_H
#define MINQING_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
