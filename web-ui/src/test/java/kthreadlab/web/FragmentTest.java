package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The URL fragment: strict parsing, clear errors, and a round trip. Plain JVM. */
class FragmentTest {
    @Test
    void readsAWellFormedFragment() {
        Fragment f = Fragment.parse("#preset=many-threads&step=42&lang=zh&until=2000000");
        assertNull(f.error);
        assertEquals("many-threads", f.preset);
        assertEquals(42, f.step);
        assertEquals("zh", f.lang);
        assertEquals(2_000_000, f.until);
    }

    @Test
    void anEmptyFragmentIsTheDefaultView() {
        for (String h : new String[] {"", "#", null}) {
            Fragment f = Fragment.parse(h);
            assertNull(f.error);
            assertEquals("seed", f.preset);
            assertEquals(0, f.step);
            assertNull(f.lang);
            assertEquals(-1, f.until);
        }
    }

    @Test
    void roundTrips() {
        String s = Fragment.format("run-stop", 77, "en", -1);
        assertEquals("preset=run-stop&step=77&lang=en", s);
        Fragment f = Fragment.parse("#" + s);
        assertEquals(s, Fragment.format(f.preset, f.step, f.lang, f.until));
    }

    @Test
    void refusesBadInputNamingTheProblem() {
        String[][] cases = {
            {"#preset=nope", "preset: there is no preset named 'nope'"},
            {"#step=-1", "step: '-1' is not a whole number"},
            {"#step=1e3", "step: '1e3'"},
            {"#step=", "step: '' is not a whole number"},
            {"#step=1000000001", "from 0 to 1000000000"},
            {"#step=99999999999999999999999", "is not a whole number"},
            {"#until=0", "until: '0'"},
            {"#lang=fr", "lang: 'fr' is not en or zh"},
            {"#preset=seed&preset=seed", "key 'preset' appears twice"},
            {"#step=1&step=2", "key 'step' appears twice"},
            {"#foo=1", "unknown key 'foo'"},
            {"#preset", "'preset' is not key=value"},
            {"#=seed", "'=seed' is not key=value"},
            {"#preset=seed&", "empty part"},
            {"#&preset=seed", "empty part"},
            {"#preset=" + "x".repeat(5000), "…'"},
        };
        for (String[] c : cases) {
            Fragment f = Fragment.parse(c[0]);
            assertNotNull(f.error, c[0]);
            assertTrue(f.error.contains(c[1]), c[0] + " -> " + f.error);
            assertTrue(f.error.length() < 200, "messages stay short: " + f.error.length());
            assertEquals("seed", f.preset, "a refused link changes nothing");
            assertEquals(0, f.step);
        }
    }
}
