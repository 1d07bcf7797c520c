package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kthreadlab.scenario.Presets;
import kthreadlab.scenario.View;
import org.junit.jupiter.api.Test;

/** The page's reading of links: v1 through ScenarioLink, the older form upgraded. Plain JVM. */
class ShareLinksTest {
    @Test
    void anOldLinkIsUpgradedToTheSameView() {
        ShareLinks.Opened o = ShareLinks.open("#preset=run-stop&step=42&lang=zh");
        assertNull(o.error);
        assertEquals("run-stop", o.preset);
        assertEquals("#v=1&preset=run-stop&step=42&lang=zh", ShareLinks.link(o.scenario, o.view));
    }

    @Test
    void anOldLinkWithAnEndTimeBecomesAnEditedScenario() {
        ShareLinks.Opened o = ShareLinks.open("#preset=seed&step=3&until=2000000");
        assertNull(o.error);
        assertNull(o.preset);
        assertEquals(2_000_000, o.scenario.until);
        assertTrue(ShareLinks.link(o.scenario, o.view).contains("&until=2ms"));
    }

    @Test
    void everyPresetRoundTrips() {
        for (Presets.Preset p : Presets.all()) {
            String l = ShareLinks.link(p.scenario, new View(7, "en", "kernel/kthread.c", 2, false));
            ShareLinks.Opened o = ShareLinks.open(l);
            assertNull(o.error, l);
            assertEquals(p.name, o.preset);
            assertEquals(l, ShareLinks.link(o.scenario, o.view));
            assertEquals(p.name, ShareLinks.presetOf(o.scenario));
        }
    }

    @Test
    void badLinksNameTheKeyAndNoLinkIsNull() {
        assertNull(ShareLinks.open(""));
        assertNull(ShareLinks.open("#"));
        String[][] cases = {
            {"#v=1&cpus=300&until=1ms", "cpus: 300 is out of range"},
            {"#v=1&colour=red", "colour: unknown key"},
            {"#v=2&preset=seed", "v: 2 is newer"},
            {"#v=1&preset=seed&lang=%G1", "lang: malformed escape"},
            {"#preset=nope", "preset: \"nope\" is not a preset (seed, "},
            {"##v=1&preset=seed", "the link has two '#' in a row"},
        };
        for (String[] c : cases) {
            ShareLinks.Opened o = ShareLinks.open(c[0]);
            assertNotNull(o.error, c[0]);
            assertTrue(o.error.contains(c[1]), c[0] + " -> " + o.error);
        }
        StringBuilder huge = new StringBuilder("#v=1&preset=seed&title=");
        while (huge.length() < 100_000) {
            huge.append("%3Cscript%3E");
        }
        ShareLinks.Opened o = ShareLinks.open(huge.toString());
        assertNotNull(o.error);
        assertTrue(o.error.length() < ShareLinks.MAX_MESSAGE + 80, o.error);
    }

    @Test
    void anUnreadableOldLinkNamesItsProblemOnce() {
        String[][] cases = {
            {"#preset=seed&step=-1", "This link could not be opened: step: -1 is out of range (0 to "},
            {"#preset=nope", "This link could not be opened: preset: \"nope\" is not a preset"},
            {"#v=1&cpus=300&until=1ms", "This link could not be opened: cpus: 300 is out of range"},
        };
        for (String[] c : cases) {
            String e = ShareLinks.open(c[0]).error;
            assertTrue(e.startsWith(c[1]), c[0] + " -> " + e);
            assertEquals(e.indexOf("could not"), e.lastIndexOf("could not"), "one prefix: " + e);
            assertEquals(-1, e.indexOf("could not be read"), e);
            assertTrue(e.endsWith("."), "one sentence: " + e);
        }
    }
}
