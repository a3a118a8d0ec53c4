/*
 * core/width.c - binary search in the generated width table.
 */
#include "core/width.h"
#include "core/width_table.h"

const char *
core_width_unicode_version(void)
{
	return CORE_WIDTH_UNICODE_VERSION;
}

int
core_width_slow(uint32_t cp)
{
	unsigned lo = 0, hi = CORE_WIDTH_NRANGES;

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;
		uint32_t first = width_ranges[mid][0];
		uint32_t last = width_ranges[mid][1] & 0xFFFFFFu;

		if (cp < first) {
			hi = mid;
		} else if (cp > last) {
			lo = mid + 1;
		} else {
			return (int)(width_ranges[mid][1] >> 24);
		}
	}
	return 1;
}
