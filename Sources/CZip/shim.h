#ifndef MINQING_CZIP_SHIM_H
#define MINQING_CZIP_SHIM_H
// libzip: the .xlsx reader opens the package and pulls each part's bytes (zip_fopen / zip_fread).
#include <zip.h>
#endif
