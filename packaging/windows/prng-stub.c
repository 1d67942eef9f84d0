/* bcryptprimitives.dll for Wine 8 (Debian 12), which lacks it: Rust's standard library
 * asks it for ProcessPrng, which Windows 10 and 11 have. Only for wine-check.sh; never
 * shipped. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) { return RtlGenRandom(data, (ULONG)len); }
