#ifndef MINQING_CZLIB_SHIM_H
#define MINQING_CZLIB_SHIM_H
#include <zlib.h>
#endif
