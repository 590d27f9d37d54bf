/*
 * A stand-in for Windows 10's bcryptprimitives.dll, for running MentorDesk's Windows build
 * under Wine 8 in tests only (make test-windows); it is never shipped. Go's runtime needs
 * ProcessPrng from this library, which Wine 8 lacks; this one fills the buffer from
 * RtlGenRandom (advapi32's SystemFunction036), the system's cryptographic random source.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		size -= chunk;
	}
	return TRUE;
}
