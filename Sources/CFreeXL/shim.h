#ifndef MINQING_CFREEXL_SHIM_H
#define MINQING_CFREEXL_SHIM_H
// FreeXL: reads BIFF8 .xls workbooks (Excel 97–2003) cell by cell.
#include <freexl.h>
#endif
