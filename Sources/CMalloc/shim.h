// glibc's malloc tuning (mallopt), which Swift's Glibc module does not bring.
#include <malloc.h>
