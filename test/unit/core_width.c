/*
 * test/unit/core_width.c - spot checks of the generated width table.
 */
#include "test/harness.h"
#include "core/width.h"

static void
known(void)
{
	CHECK_INT(1, core_width('a'));
	CHECK_INT(1, core_width(0xE9));
	CHECK_INT(1, core_width(0xAD));		/* soft hyphen shows */
	CHECK_INT(0, core_width(0x301));	/* combining acute */
	CHECK_INT(0, core_width(0x200D));	/* ZWJ */
	CHECK_INT(0, core_width(0x200B));	/* zero width space */
	CHECK_INT(0, core_width(0xFE0F));	/* variation selector 16 */
	CHECK_INT(0, core_width(0x1160));	/* Hangul jungseong filler */
	CHECK_INT(2, core_width(0x4E00));
	CHECK_INT(2, core_width(0xAC00));	/* Hangul syllable */
	CHECK_INT(2, core_width(0xFF21));	/* fullwidth A */
	CHECK_INT(2, core_width(0x1F600));	/* emoji presentation */
	CHECK_INT(2, core_width(0x3400));
	CHECK_INT(2, core_width(0x2FFFD));	/* unassigned plane 2 */
	CHECK_INT(1, core_width(0x2603));	/* snowman: text presentation */
	CHECK_INT(1, core_width(0x0600));	/* prepended concatenation mark */
	CHECK_INT(1, core_width(0x10FFFF));
	CHECK_INT(1, core_width(0xFFFFFFFF));
	CHECK_INT(1, core_width(0xFFFD));
}

static void
version(void)
{
	CHECK_STR("15.0.0", core_width_unicode_version());
}

static const struct test tests[] = { T(known), T(version) };
TEST_MAIN(tests)
