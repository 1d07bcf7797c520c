package kthreadlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated and mutated links and files, seeded and deterministic: each one decodes to a valid
 * scenario (that encodes back to a stable canonical form) or is a ScenarioException with a
 * one-line message. Any other exception fails.
 */
class DecoderFuzzTest {
    static final int LINKS = 10_000;
    static final int FILES = 10_000;

    /** SplitMix64: the test's one source of chance. */
    static final class SplitMix64 {
        private long state;

        SplitMix64(long seed) {
            state = seed;
        }

        long next() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        int below(int n) {
            return (int) Long.remainderUnsigned(next(), n);
        }

        boolean chance(int percent) {
            return below(100) < percent;
        }

        <T> T pick(T[] values) {
            return values[below(values.length)];
        }
    }

    static final String[] LINK_PIECES = {
        "&", "=", ",", "%", "%2", "%25", "%2C", "%26", "%3D", "%C3", "%C3%A9", "%E6%A0%87", "%F0%9F%98%80", "%FF",
        "%zz", "#", " ", "+", "-", "-1", "0", "1", "00", "2", "9", "256", "257", "99999999999999999999", "1e3",
        "ms", "us", "ns", "s", "1ms", "0s", "10s", "11s", "1.5ms", "a=", "v=1", "v=2", "cpus=", "until=", "step=",
        "preset=", "preset=seed", "lang=zh", "lang=en", "embed=1", "follow=", "file=kernel/kthread.c", "nohz_full=",
        "run", "create", "wake", "bind", "stop", "park", "unpark", "sigkill", "insmod", "demo/%25d", "demo/0",
        "sleeper", "oneshot", "percpu", "copy_process", "<script>", "javascript:", "\u0000", "\ud800", "内核", "\n", "%0A", "preset=%0A", "%0A=1",
    };

    static final String[] JSON_PIECES = {
        "{", "}", "[", "]", "\"", ":", ",", " ", "\n", "\\", "\\u", "\\u0000", "\\ud800", "null", "true", "false",
        "0", "-1", "1", "2", "1.5", "1e3", "257", "99999999999999999999", "-0", "\"version\"", "\"cpus\"",
        "\"until\"", "\"actions\"", "\"at\"", "\"op\"", "\"by\"", "\"name\"", "\"target\"", "\"cpu\"", "\"count\"",
        "\"fail\"", "\"nohz_full\"", "\"1ms\"", "\"0s\"", "\"11s\"", "\"kthread_run\"", "\"kthread_stop\"",
        "\"sigkill\"", "\"insmod\"", "\"demo/%d\"", "\"demo/0\"", "\"sleeper\"", "//", "/*", "'", "NaN", "\ufeff",
        "内核", "[[[[[[[[[[", "]]]]]]]]]]", "\"a\\nb\": 1,", "\"\\u2028\"",
    };

    @Test
    void linksDecodeOrFailCleanly() {
        SplitMix64 rnd = new SplitMix64(0x6b74687265616431L);
        List<String> seeds = linkSeeds();
        int decoded = 0;
        for (int i = 0; i < LINKS; i++) {
            String link;
            if (i % 4 == 0) {
                link = generatedLink(rnd);
            } else {
                link = mutate(rnd, seeds.get(rnd.below(seeds.size())), LINK_PIECES, 1 + rnd.below(4));
            }
            decoded += tryLink(link) ? 1 : 0;
        }
        // the mix must exercise both outcomes
        assertTrue(decoded > LINKS / 20, "only " + decoded + " links decoded");
        assertTrue(decoded < LINKS * 19 / 20, decoded + " links decoded");
    }

    @Test
    void filesDecodeOrFailCleanly() throws ScenarioException {
        SplitMix64 rnd = new SplitMix64(0x6a736f6e66757a7aL);
        List<String> seeds = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            seeds.add(ScenarioJson.write(p.scenario));
        }
        seeds.add(ScenarioJsonTest.ISSUE_EXAMPLE);
        int decoded = 0;
        for (int i = 0; i < FILES; i++) {
            String text = seeds.get(rnd.below(seeds.size()));
            int edits = 1 + rnd.below(3);
            for (int e = 0; e < edits; e++) {
                text = rnd.chance(30) ? mutateLines(rnd, text) : mutate(rnd, text, JSON_PIECES, 1);
            }
            decoded += tryFile(text) ? 1 : 0;
        }
        assertTrue(decoded > FILES / 50, "only " + decoded + " files decoded");
        assertTrue(decoded < FILES * 19 / 20, decoded + " files decoded");
    }

    private static boolean tryLink(String link) {
        ScenarioLink.Decoded d;
        try {
            d = ScenarioLink.decode(link);
        } catch (ScenarioException e) {
            assertClean(e, link);
            return false;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("decode(" + show(link) + ") threw " + e, e);
            return false;
        }
        try {
            ScenarioCheck.check(d.scenario);
            String canonical = ScenarioLink.encode(d.scenario, d.view);
            ScenarioLink.Decoded again = ScenarioLink.decode(canonical);
            assertEquals(canonical, ScenarioLink.encode(again.scenario, again.view), show(link));
            assertEquals(d.view, again.view);
            String json = ScenarioJson.write(d.scenario);
            assertEquals(json, ScenarioJson.write(ScenarioJson.read(json)), show(link));
        } catch (ScenarioException e) {
            fail("decoded " + show(link) + " but then: " + e.getMessage(), e);
        }
        return true;
    }

    private static boolean tryFile(String text) {
        Scenario s;
        try {
            s = ScenarioJson.read(text);
        } catch (ScenarioException e) {
            assertClean(e, text);
            return false;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("read(" + show(text) + ") threw " + e, e);
            return false;
        }
        try {
            ScenarioCheck.check(s);
            String canonical = ScenarioJson.write(s);
            assertEquals(canonical, ScenarioJson.write(ScenarioJson.read(canonical)), show(text));
            String link = ScenarioLink.encode(s, View.DEFAULT);
            ScenarioLink.Decoded d = ScenarioLink.decode(link);
            assertEquals(canonical, ScenarioJson.write(d.scenario), show(text));
        } catch (ScenarioException e) {
            fail("read " + show(text) + " but then: " + e.getMessage(), e);
        }
        return true;
    }

    private static void assertClean(ScenarioException e, String input) {
        String m = e.getMessage();
        assertTrue(m != null && !m.isEmpty(), "empty message for " + show(input));
        assertFalse(m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0, "two lines for " + show(input) + ": " + m);
        assertTrue(m.length() < 600, "a long message for " + show(input) + ": " + m);
    }

    private static List<String> linkSeeds() {
        List<String> seeds = new ArrayList<>();
        View[] views = {View.DEFAULT, ScenarioLinkTest.FULL_VIEW, new View(3, "en", "init/main.c", 1, true)};
        try {
            for (Presets.Preset p : Presets.all()) {
                seeds.add(ScenarioLink.encode(p.scenario, views[seeds.size() % 3]));
                seeds.add(ScenarioLink.encode(ScenarioLinkTest.edited(p.scenario), views[seeds.size() % 3]));
            }
        } catch (ScenarioException e) {
            throw new AssertionError(e);
        }
        return seeds;
    }

    /** A link built from parts: a scenario with random fields, not always valid. */
    private static String generatedLink(SplitMix64 r) {
        StringBuilder sb = new StringBuilder(r.chance(50) ? "#" : "");
        sb.append("v=").append(r.chance(95) ? "1" : r.pick(new String[] {"0", "2", "x", ""}));
        int cpus = 1 + r.below(r.chance(80) ? 8 : 300);
        sb.append("&cpus=").append(cpus);
        if (r.chance(20)) {
            sb.append("&nohz_full=").append(r.below(cpus + 1));
        }
        if (r.chance(20)) {
            sb.append("&seed=").append(r.chance(90) ? Long.toString(r.below(1000)) : "-3");
        }
        if (r.chance(20)) {
            sb.append("&hz=").append(r.pick(new String[] {"100", "250", "300", "1000", "200"}));
        }
        if (r.chance(20)) {
            sb.append("&preempt=").append(r.pick(new String[] {"none", "voluntary", "full", "rt"}));
        }
        if (r.chance(20)) {
            sb.append("&boot=").append(r.pick(new String[] {"minimal", "v5.15", "v6"}));
        }
        sb.append("&until=").append(1 + r.below(60)).append(r.chance(90) ? "ms" : r.pick(new String[] {"s", "us", ""}));
        if (r.chance(30)) {
            sb.append("&title=").append(r.pick(LINK_PIECES)).append(r.pick(LINK_PIECES));
        }
        int n = r.below(6);
        for (int i = 0; i < n; i++) {
            sb.append("&a=").append(r.below(20)).append("ms,").append(r.chance(90) ? "insmod" : "")
                .append(',').append(r.pick(Op.names(true, false)));
            int fields = r.below(7);
            for (int f = 0; f < fields; f++) {
                sb.append(',').append(r.pick(new String[] {"demo/%25d", "demo/0", "demo/1", "1", "2", "0", "-1",
                    "sleeper", "oneshot", "percpu", "insmod", "copy_process", ""}));
            }
        }
        if (r.chance(30)) {
            sb.append("&step=").append(r.below(1000));
        }
        if (r.chance(20)) {
            sb.append("&lang=").append(r.pick(new String[] {"zh", "en", "fr"}));
        }
        if (r.chance(10)) {
            sb.append("&embed=1");
        }
        return sb.toString();
    }

    /** Applies {@code edits} random edits: delete, insert a piece, duplicate or cut. */
    static String mutate(SplitMix64 r, String s, String[] pieces, int edits) {
        StringBuilder sb = new StringBuilder(s);
        for (int e = 0; e < edits; e++) {
            int at = sb.length() == 0 ? 0 : r.below(sb.length() + 1);
            switch (r.below(6)) {
                case 0: {
                    int len = Math.min(sb.length() - at, 1 + r.below(8));
                    sb.delete(at, at + Math.max(0, len));
                    break;
                }
                case 1:
                case 2:
                    sb.insert(at, r.pick(pieces));
                    break;
                case 3: {
                    int len = Math.min(sb.length() - at, 1 + r.below(30));
                    sb.insert(at, sb.substring(at, at + Math.max(0, len)));
                    break;
                }
                case 4:
                    if (at < sb.length()) {
                        sb.setCharAt(at, (char) (r.chance(80) ? 32 + r.below(95) : r.below(0x3000)));
                    }
                    break;
                default:
                    sb.setLength(Math.min(sb.length(), at + r.below(20)));
            }
        }
        return sb.toString();
    }

    /** Swaps, drops or repeats whole lines of a file. */
    static String mutateLines(SplitMix64 r, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int i = r.below(lines.size());
        int j = r.below(lines.size());
        switch (r.below(3)) {
            case 0:
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
                break;
            case 1:
                lines.remove(i);
                break;
            default:
                lines.add(j, lines.get(i));
        }
        return String.join("\n", lines);
    }

    private static String show(String s) {
        String t = s.length() > 300 ? s.substring(0, 300) + "…" : s;
        return t.replace("\n", "\\n");
    }
}
