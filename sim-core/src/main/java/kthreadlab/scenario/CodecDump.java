package kthreadlab.scenario;

/**
 * Everything observable of the scenario codecs as text: each preset's file and links, and the
 * outcome (canonical form or error message) of fixed hostile inputs and of seeded mutations.
 * The JVM-vs-JavaScript test compares it byte for byte, so files and links behave the same in the
 * page as on the command line.
 */
public final class CodecDump {
    static final String[] LINKS = {
        "", "#", "#v=2&x=1", "#v=1&preset=seed&step=12&lang=zh&file=kernel/kthread.c&follow=2&embed=1",
        "#v=1&preset=seed&colour=red", "#v=1&cpus=1&until=1ms&title=%E5%86%85%G1", "#v=1&cpus=1&until=1ms&title=%C3%28",
        "#v=1&cpus=1&until=1ms&title=%F0%9F%98%80%20%3Cscript%3Ealert(1)%3C/script%3E",
        "#v=1&cpus=1&until=1ms&title=javascript:alert(1)", "#v=1&cpus=300&until=1ms", "#v=1&cpus=1&until=99999999999s",
        "#v=1&cpus=2&until=40ms&a=1ms,insmod,run,demo/%25d,2,sleeper,2&a=20ms,insmod,stop,demo/1",
        "#v=1&cpus=2&until=40ms&a=1ms,insmod,run,demo/%25d,2,sleeper,2,5&a=20ms,insmod,stop,demo/2",
        "#v=1&cpus=1&until=1ms&a=1ms,,sigkill,insmod", "#v=1&cpus=1&until=1ms&title=a b",
    };
    static final String[] FILES = {
        "", "[]", "{\"version\": 1,", "{\"version\": 3}", "{\"version\": 1, \"cpus\": 1.5, \"until\": \"1ms\"}",
        "{\"version\": 1, \"cpus\": 2, \"until\": \"1ms\", \"nohz_full\": [0, 1]}",
        "{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"title\": \"\\u2028\\ud83d\\ude00<b>\"}",
        "{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"actions\": [{\"at\": \"1ms\", \"op\": \"sigkill\","
            + " \"target\": \"x\"}]}",
    };

    private CodecDump() {
    }

    public static String dump() {
        StringBuilder sb = new StringBuilder();
        for (Presets.Preset p : Presets.all()) {
            sb.append("== ").append(p.name).append('\n');
            try {
                sb.append(ScenarioJson.write(p.scenario));
                sb.append(ScenarioLink.encode(p.scenario, View.DEFAULT)).append('\n');
                Scenario s = p.scenario;
                Scenario edited = new Scenario(s.title + " 内核", s.cpus, s.nohzFull, s.hz, s.preempt, s.boot,
                    s.until, s.actions);
                sb.append(ScenarioLink.encode(edited, new View(42, "zh", "kernel/kthread.c", 2, true))).append('\n');
            } catch (ScenarioException e) {
                sb.append("ERR ").append(e.getMessage()).append('\n');
            }
        }
        long state = 0x636f646563L;
        for (int i = 0; i < LINKS.length + 600; i++) {
            String in = i < LINKS.length ? LINKS[i] : mutate(LINKS[(int) Long.remainderUnsigned(state, LINKS.length)],
                state = mix(state));
            state = mix(state);
            sb.append("link ").append(i).append(": ");
            try {
                ScenarioLink.Decoded d = ScenarioLink.decode(in);
                sb.append(ScenarioLink.encode(d.scenario, d.view)).append(" preset=").append(d.preset).append('\n');
            } catch (ScenarioException e) {
                sb.append("ERR ").append(e.getMessage()).append('\n');
            }
        }
        for (int i = 0; i < FILES.length + 600; i++) {
            String in = i < FILES.length ? FILES[i] : mutate(jsonSeed(state), state = mix(state));
            state = mix(state);
            sb.append("file ").append(i).append(": ");
            try {
                sb.append(ScenarioLink.encode(ScenarioJson.read(in), View.DEFAULT)).append('\n');
            } catch (ScenarioException e) {
                sb.append("ERR ").append(e.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String jsonSeed(long state) {
        java.util.List<Presets.Preset> all = Presets.all();
        try {
            return ScenarioJson.write(all.get((int) Long.remainderUnsigned(state, all.size())).scenario);
        } catch (ScenarioException e) {
            return "";
        }
    }

    /** SplitMix64's step. */
    private static long mix(long state) {
        long z = state + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One deterministic edit: delete, insert or replace a character, chosen by {@code r}. */
    private static String mutate(String s, long r) {
        String pieces = "&=,%#{}[]\":0123456789-.msu aé内\u0000";
        int at = s.isEmpty() ? 0 : (int) Long.remainderUnsigned(r >>> 8, s.length() + 1);
        char c = pieces.charAt((int) Long.remainderUnsigned(r >>> 32, pieces.length()));
        switch ((int) Long.remainderUnsigned(r, 3)) {
            case 0:
                return at < s.length()
                    ? s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + (int) (r >>> 60))) : s;
            case 1:
                return s.substring(0, at) + c + s.substring(at);
            default:
                return at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s + c;
        }
    }
}
