package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Number formatting without Long.toString. Plain JVM. */
class FmtTest {
    @Test
    void digitsAreLongToString() {
        long[] values = {0, 7, 999_999_999L, 1_000_000_000L, 1_000_000_001L, 123_456_789_012L,
            9_000_000_000_000_000_000L, Long.MAX_VALUE};
        for (long v : values) {
            assertEquals(Long.toString(v), Fmt.digits(v));
        }
        for (long v = 1; v > 0 && v < Long.MAX_VALUE / 3; v = v * 3 + 1) {
            assertEquals(Long.toString(v), Fmt.digits(v));
        }
    }

    @Test
    void nanosecondsAreGroupedByThousands() {
        assertEquals("0", Fmt.ns(0));
        assertEquals("999", Fmt.ns(999));
        assertEquals("1\u2009000", Fmt.ns(1000));
        assertEquals("12\u2009345\u2009678", Fmt.ns(12_345_678));
        assertEquals("-1\u2009000\u2009000\u2009000", Fmt.ns(-1_000_000_000L));
        assertEquals("1,234 steps", Fmt.count(1234, "step"));
        assertEquals("1 event", Fmt.count(1, "event"));
    }

    @Test
    void exportFileNamesComeFromTheTitle() {
        assertEquals("two-sleepers-on-4-cpus", Fmt.fileName("Two sleepers, on 4 CPUs!"));
        assertEquals("edited", Fmt.fileName(""));
        assertEquals("edited", Fmt.fileName("两个线程"));
        assertEquals("x", Fmt.fileName("--x--"));
        assertEquals(40, Fmt.fileName("a".repeat(100)).length());
    }
}
