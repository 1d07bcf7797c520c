package kthreadlab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The link form of a scenario and a view: the URL fragment, readable and versioned (docs/links.md).
 *
 * <pre>
 * #v=1&amp;preset=seed&amp;step=120&amp;lang=zh                      (a preset, unmodified)
 * #v=1&amp;cpus=2&amp;until=40ms&amp;title=two%20threads
 *     &amp;a=1ms,insmod,run,demo/%25d,2,sleeper,2&amp;a=20ms,insmod,stop,demo/1
 *     &amp;step=120&amp;lang=zh&amp;file=kernel/kthread.c&amp;follow=5&amp;embed=1
 * </pre>
 *
 * Parameters are key=value joined by '&amp;'; {@code v} comes first and selects the decoder. The
 * scenario is either {@code preset=NAME} or its fields: cpus and until (required), nohz_full
 * (CPUs joined by ','), hz, preempt, boot, title, and one {@code a} per action, in order. A
 * {@code seed} (written by older versions; it never changed a run) is read and ignored.
 * An action is comma-separated fields, {@code at,by,op,…}: {@code run}/{@code create} then
 * {@code name,count,fn[,arg[,cpu[,fail]]]}; {@code wake}, {@code park}, {@code unpark},
 * {@code stop} then {@code target[,count]}; {@code bind} then {@code target,cpu[,count]};
 * {@code sigkill} has an empty by and then {@code target}; {@code allocwq} then {@code name,flags};
 * {@code queue} then {@code work,workqueue[,cpu]}; {@code flush} then {@code work}; {@code destroywq}
 * then {@code workqueue}. The view follows: step, lang (zh|en), file, follow (a pid),
 * embed=1. Defaults are left out (nohz_full none, hz 250, preempt voluntary, boot minimal,
 * title "", trailing action fields arg 0, cpu -1, fail ""; step 0, no lang/file/follow).
 *
 * Values are percent-encoded UTF-8; the encoder leaves only A-Z a-z 0-9 - . _ ~ / : ! ( ) *
 * unescaped. The decoder also takes other raw characters except space, controls, '=' and '#'
 * (and ',' inside an action). Decoding is strict: an unknown or repeated key, a wrong type, an
 * out-of-range number or a broken escape is a {@link ScenarioException} naming the key. A
 * scenario equal to a preset is encoded as {@code preset=NAME}; so encode(decode(x)) == x for
 * every link that encode produced.
 */
public final class ScenarioLink {
    public static final int VERSION = 1;
    /** The longest fragment we decode, in characters. */
    public static final int MAX_CHARS = 65_536;

    /** A decoded link: the scenario, the preset it equals (or null) and the view. */
    public static final class Decoded {
        public final Scenario scenario;
        /** The name of the preset this scenario equals, or null if it is an edited one. */
        public final String preset;
        public final View view;
        /** The scenario's part of its links ({@link #scenarioPart}), from the checked scenario. */
        public final String scenarioPart;

        Decoded(Scenario scenario, String preset, View view, String scenarioPart) {
            this.scenario = scenario;
            this.preset = preset;
            this.view = view;
            this.scenarioPart = scenarioPart;
        }
    }

    /** The keys of a link from before v1 (rung v0): {@code #preset=seed&step=42&lang=en&until=NS}. */
    static final String[] V0_KEYS = {"preset", "step", "lang", "until"};
    static final String[] SCENARIO_KEYS = {
        "cpus", "nohz_full", "seed", "hz", "preempt", "boot", "until", "whatif", "title", "a",
    };
    static final String[] KEYS = {
        "v", "preset", "cpus", "nohz_full", "seed", "hz", "preempt", "boot", "until", "whatif", "title", "a", "step",
        "lang",
        "file", "follow", "embed",
    };

    private static String[] presetLinks;

    private ScenarioLink() {
    }

    // ---- encoding -----------------------------------------------------------------------------

    /** The fragment, with its leading '#', for a valid scenario and view. */
    public static String encode(Scenario s, View view) throws ScenarioException {
        return withView(scenarioPart(s), view);
    }

    /**
     * The scenario's part of its links, with '#': "#v=1&preset=NAME" or "#v=1&cpus=…&a=…". It checks
     * the scenario (linear in its actions and threads), so a caller that writes a link per step keeps
     * this and adds each view with {@link #withView}.
     */
    public static String scenarioPart(Scenario s) throws ScenarioException {
        ScenarioCheck.check(s, "a");
        return part(scenarioParams(s));
    }

    /** The scenario part from a valid scenario's parameters ({@link #scenarioParams}). */
    private static String part(String fields) {
        StringBuilder sb = new StringBuilder("#v=").append(VERSION);
        String preset = presetOf(fields);
        if (preset != null) {
            sb.append("&preset=").append(escape(preset));
        } else {
            sb.append(fields);
        }
        return sb.toString();
    }

    /** A link: a scenario part from {@link #scenarioPart} and a view (cheap: the view is checked, not the scenario). */
    public static String withView(String scenarioPart, View view) throws ScenarioException {
        view.check();
        StringBuilder sb = new StringBuilder(scenarioPart);
        if (view.step != 0) {
            sb.append("&step=").append(view.step);
        }
        if (!view.lang.isEmpty()) {
            sb.append("&lang=").append(view.lang);
        }
        if (!view.file.isEmpty()) {
            sb.append("&file=").append(escape(view.file));
        }
        if (view.follow != -1) {
            sb.append("&follow=").append(view.follow);
        }
        if (view.embed) {
            sb.append("&embed=1");
        }
        return sb.toString();
    }

    /** "&cpus=…&until=…&a=…": every scenario field that differs from its default. */
    private static String scenarioParams(Scenario s) {
        StringBuilder sb = new StringBuilder();
        sb.append("&cpus=").append(s.cpus);
        if (!s.nohzFull.isEmpty()) {
            sb.append("&nohz_full=");
            for (int i = 0; i < s.nohzFull.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(s.nohzFull.get(i).intValue());
            }
        }
        if (s.hz != 250) {
            sb.append("&hz=").append(s.hz);
        }
        if (!s.preempt.equals("voluntary")) {
            sb.append("&preempt=").append(s.preempt);
        }
        if (!s.boot.equals("minimal")) {
            sb.append("&boot=").append(escape(s.boot));
        }
        sb.append("&until=").append(Durations.format(s.until));
        if (!s.whatIf.isEmpty()) {
            sb.append("&whatif=");
            for (int i = 0; i < s.whatIf.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(escape(s.whatIf.get(i)));
            }
        }
        if (!s.title.isEmpty()) {
            sb.append("&title=").append(escape(s.title));
        }
        for (Action a : s.actions) {
            sb.append("&a=").append(action(a));
        }
        return sb.toString();
    }

    private static String action(Action a) {
        StringBuilder sb = new StringBuilder();
        sb.append(Durations.format(a.at)).append(',').append(escape(a.by)).append(',')
            .append(Op.ofLong(a.op).shortName);
        if (a.op.equals("alloc_workqueue")) {
            sb.append(',').append(escape(a.name)).append(',').append(escape(a.fn.isEmpty() ? "0" : a.fn));
        } else if (a.op.equals("queue_work")) {
            sb.append(',').append(escape(a.target)).append(',').append(escape(a.name));
            if (a.cpu != -1) {
                sb.append(',').append(a.cpu);
            }
        } else if (a.creates()) {
            sb.append(',').append(escape(a.name)).append(',').append(a.count).append(',').append(a.fn);
            int last = !a.fail.isEmpty() ? 3 : a.cpu != -1 ? 2 : a.arg != 0 ? 1 : 0;
            if (last >= 1) {
                sb.append(',').append(a.arg);
            }
            if (last >= 2) {
                sb.append(',').append(a.cpu);
            }
            if (last >= 3) {
                sb.append(',').append(a.fail);
            }
        } else {
            sb.append(',').append(escape(a.target));
            if (a.op.equals("kthread_bind")) {
                sb.append(',').append(a.cpu);
            }
            if (a.count != 1) {
                sb.append(',').append(a.count);
            }
        }
        return sb.toString();
    }

    /** The preset whose scenario has exactly these parameters, or null. */
    private static String presetOf(String params) {
        List<Presets.Preset> all = Presets.all();
        if (presetLinks == null) {
            String[] links = new String[all.size()];
            for (int i = 0; i < links.length; i++) {
                links[i] = scenarioParams(all.get(i).scenario);
            }
            presetLinks = links;
        }
        for (int i = 0; i < presetLinks.length && i < all.size(); i++) {
            if (presetLinks[i].equals(params)) {
                return all.get(i).name;
            }
        }
        return null;
    }

    /** Percent-encodes UTF-8, leaving A-Z a-z 0-9 - . _ ~ / : ! ( ) * as they are. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (safe(c)) {
                sb.append(c);
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            }
            if (cp < 0x80) {
                pct(sb, cp);
            } else if (cp < 0x800) {
                pct(sb, 0xc0 | cp >> 6);
                pct(sb, 0x80 | (cp & 0x3f));
            } else if (cp < 0x10000) {
                pct(sb, 0xe0 | cp >> 12);
                pct(sb, 0x80 | (cp >> 6 & 0x3f));
                pct(sb, 0x80 | (cp & 0x3f));
            } else {
                pct(sb, 0xf0 | cp >> 18);
                pct(sb, 0x80 | (cp >> 12 & 0x3f));
                pct(sb, 0x80 | (cp >> 6 & 0x3f));
                pct(sb, 0x80 | (cp & 0x3f));
            }
        }
        return sb.toString();
    }

    private static boolean safe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
            || c == '_' || c == '~' || c == '/' || c == ':' || c == '!' || c == '(' || c == ')' || c == '*';
    }

    private static void pct(StringBuilder sb, int b) {
        sb.append('%').append("0123456789ABCDEF".charAt(b >> 4 & 0xf)).append("0123456789ABCDEF".charAt(b & 0xf));
    }

    // ---- decoding -----------------------------------------------------------------------------

    /** One key=value of a link, the value still percent-encoded. */
    static final class Param {
        final String key;
        final String raw;

        Param(String key, String raw) {
            this.key = key;
            this.raw = raw;
        }
    }

    /** Decodes a fragment (with or without its '#'); every problem is a {@link ScenarioException}. */
    public static Decoded decode(String fragment) throws ScenarioException {
        String f = fragment.startsWith("#") ? fragment.substring(1) : fragment;
        if (f.isEmpty()) {
            throw new ScenarioException("", "the link is empty (a link starts with #v=1)");
        }
        if (f.length() > MAX_CHARS) {
            throw new ScenarioException("", "the link has " + f.length() + " characters; the most is " + MAX_CHARS);
        }
        if (f.startsWith("#")) {
            throw new ScenarioException("", "the link has two '#' in a row; a link has one, then v=" + VERSION
                + " (e.g. #v=" + VERSION + "&preset=seed)");
        }
        List<Param> params = split(f);
        Param first = params.get(0);
        if (!first.key.equals("v")) {
            if (Text.indexOf(V0_KEYS, first.key) >= 0) {
                return decodeV1(upgrade(0, params));
            }
            throw new ScenarioException("v", "missing (a link starts with v=" + VERSION + ")");
        }
        long v = Numbers.whole(unescape(first.raw, "v"), "v", 1, Long.MAX_VALUE, "link versions start at 1");
        if (v > VERSION) {
            throw new ScenarioException("v", v + " is newer than this kthreadlab reads (links up to v="
                + VERSION + ")");
        }
        return decodeV1(upgrade((int) v, params.subList(1, params.size())));
    }

    /**
     * Brings an older link's parameters up to the current version, one rung at a time, so that every
     * old link keeps opening the same view. Rung v0 is the form from before v1; v1 is current. A v2
     * decoder adds here the step that rewrites v1 parameters into v2 ones.
     */
    private static List<Param> upgrade(int version, List<Param> params) throws ScenarioException {
        List<Param> p = params;
        if (version == 0) {
            p = v0ToV1(p);
        }
        return p;
    }

    /**
     * Rung v0: {@code preset=NAME&step=N&lang=en|zh&until=NS}, each at most once, in any order
     * (preset defaults to {@link Presets#DEFAULT}). until, a whole number of nanoseconds, makes the
     * preset an edited scenario unless it is the preset's own; step and lang are v1's.
     */
    private static List<Param> v0ToV1(List<Param> params) throws ScenarioException {
        Param[] byKey = new Param[V0_KEYS.length];
        for (Param p : params) {
            int k = Text.indexOf(V0_KEYS, p.key);
            if (k < 0) {
                throw new ScenarioException(Text.key(p.key), "unknown key (a link from before v1 has "
                    + list(V0_KEYS) + ")");
            }
            if (byKey[k] != null) {
                throw new ScenarioException(p.key, "appears twice");
            }
            byKey[k] = p;
        }
        String name = value(byKey, V0_KEYS, "preset");
        Presets.Preset preset = Presets.get(name == null ? Presets.DEFAULT : name);
        if (preset == null) {
            throw new ScenarioException("preset", Text.show(name) + " is not a preset (" + presetNames() + ")");
        }
        String untilText = value(byKey, V0_KEYS, "until");
        Scenario s = preset.scenario;
        if (untilText != null) {
            long until = Numbers.whole(untilText, "until", 1, Long.MAX_VALUE, "nanoseconds, 1 to " + Durations.MAX_NS);
            if (until > Durations.MAX_NS) {
                throw new ScenarioException("until", untilText + "ns is larger than the most, "
                    + Durations.format(Durations.MAX_NS));
            }
            s = new Scenario(s.title, s.cpus, s.nohzFull, s.hz, s.preempt, s.boot, until, s.actions,
                s.whatIf);
        }
        String fields = scenarioParams(s);
        List<Param> out = new ArrayList<>();
        if (presetOf(fields) != null) {
            out.add(new Param("preset", escape(preset.name)));
        } else {
            out.addAll(split(fields.substring(1)));
        }
        for (String k : new String[] {"step", "lang"}) {
            Param p = byKey[Text.indexOf(V0_KEYS, k)];
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** True if a fragment asks for the embedded view (an {@code embed=1} part), even one that cannot be read. */
    public static boolean asksEmbed(String fragment) {
        String f = fragment.length() > MAX_CHARS ? fragment.substring(0, MAX_CHARS) : fragment;
        int start = f.startsWith("#") ? 1 : 0;
        while (start <= f.length()) {
            int amp = f.indexOf('&', start);
            int end = amp < 0 ? f.length() : amp;
            if (f.startsWith("embed=1", start) && end - start == 7) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static List<Param> split(String f) throws ScenarioException {
        List<Param> out = new ArrayList<>();
        int start = 0;
        while (start <= f.length()) {
            int amp = f.indexOf('&', start);
            int end = amp < 0 ? f.length() : amp;
            String seg = f.substring(start, end);
            if (seg.isEmpty()) {
                throw new ScenarioException("", "an empty parameter at character " + (start + 1)
                    + " (two '&' in a row, or one at an end)");
            }
            int eq = seg.indexOf('=');
            String key = eq < 0 ? seg : seg.substring(0, eq);
            if (eq < 0) {
                throw new ScenarioException(Text.key(key), "has no value (write " + Text.key(key) + "=…)");
            }
            out.add(new Param(key, seg.substring(eq + 1)));
            start = end + 1;
        }
        return out;
    }

    private static Decoded decodeV1(List<Param> params) throws ScenarioException {
        Param[] byKey = new Param[KEYS.length];
        List<String> actions = new ArrayList<>();
        for (Param p : params) {
            int k = Text.indexOf(KEYS, p.key);
            if (k < 0) {
                throw new ScenarioException(Text.key(p.key), "unknown key (a v1 link has " + list(KEYS) + ")");
            }
            if (p.key.equals("v")) {
                throw new ScenarioException("v", "appears twice");
            }
            if (p.key.equals("a")) {
                actions.add(p.raw);
                continue;
            }
            if (byKey[k] != null) {
                throw new ScenarioException(p.key, "appears twice");
            }
            byKey[k] = p;
        }
        Scenario s;
        String preset = value(byKey, "preset");
        if (preset != null) {
            for (String k : SCENARIO_KEYS) {
                if (k.equals("a") ? !actions.isEmpty() : value(byKey, k) != null) {
                    throw new ScenarioException(k, "cannot go with preset " + Text.show(preset)
                        + " (a link names a preset or gives the whole scenario)");
                }
            }
            Presets.Preset p = Presets.get(preset);
            if (p == null) {
                throw new ScenarioException("preset", Text.show(preset) + " is not a preset (" + presetNames() + ")");
            }
            s = p.scenario;
        } else {
            s = scenario(byKey, actions);
        }
        View view = view(byKey);
        String fields = scenarioParams(s);
        return new Decoded(s, presetOf(fields), view, part(fields));
    }

    private static Scenario scenario(Param[] byKey, List<String> actionsRaw) throws ScenarioException {
        String cpusText = value(byKey, "cpus");
        if (cpusText == null) {
            throw new ScenarioException("cpus", "missing (the number of CPUs, or preset=NAME)");
        }
        int cpus = integer(cpusText, "cpus", "1 to " + ScenarioCheck.MAX_CPUS);
        List<Integer> nohz = new ArrayList<>();
        String nohzText = value(byKey, "nohz_full");
        if (nohzText != null) {
            for (String c : fields(nohzText)) {
                nohz.add(integer(c, "nohz_full", "a CPU of this scenario"));
            }
        }
        String hzText = value(byKey, "hz");
        int hz = hzText == null ? 250 : integer(hzText, "hz", "100, 250, 300 or 1000");
        String preempt = orDefault(value(byKey, "preempt"), "voluntary");
        String boot = orDefault(value(byKey, "boot"), "minimal");
        String untilText = value(byKey, "until");
        if (untilText == null) {
            throw new ScenarioException("until", "missing (how long to run, e.g. until=40ms)");
        }
        long until = Durations.parse(untilText, "until");
        String title = orDefault(value(byKey, "title"), "");
        List<String> whatIf = new ArrayList<>();
        String whatIfText = value(byKey, "whatif");
        if (whatIfText != null) {
            for (String w : fields(whatIfText)) {
                whatIf.add(unescape(w, "whatif"));
            }
        }
        if (actionsRaw.size() > ScenarioCheck.MAX_ACTIONS) {
            throw new ScenarioException("a", actionsRaw.size() + " actions are too many (at most "
                + ScenarioCheck.MAX_ACTIONS + ")");
        }
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < actionsRaw.size(); i++) {
            actions.add(action(actionsRaw.get(i), "a[" + i + "]"));
        }
        Scenario s = new Scenario(title, cpus, nohz, hz, preempt, boot, until, actions, whatIf);
        ScenarioCheck.check(s, "a");
        return s;
    }

    private static Action action(String raw, String key) throws ScenarioException {
        List<String> rawFields = fields(raw);
        List<String> f = new ArrayList<>();
        for (int i = 0; i < rawFields.size(); i++) {
            f.add(unescape(rawFields.get(i), key));
        }
        if (f.size() < 3) {
            throw new ScenarioException(key, "has " + f.size() + (f.size() == 1 ? " field" : " fields")
                + "; an action is at,by,op,… (e.g. 1ms,insmod,run,demo/%25d,1,sleeper)");
        }
        long at = Durations.parse(f.get(0), key + ".at");
        String by = f.get(1);
        Op o = Op.ofShort(f.get(2));
        if (o == null) {
            throw new ScenarioException(key + ".op", Text.show(f.get(2)) + " is not an op ("
                + Text.choices(Op.names(true, false)) + ")");
        }
        String op = o.longName;
        String shortOp = o.shortName;
        if (op.equals("kthread_run") || op.equals("kthread_create")) {
            expectFields(f, 6, 9, key, shortOp + " takes at,by,op,name,count,fn and optionally arg,cpu,fail");
            int count = integer(f.get(4), key + ".count", "1 to " + ScenarioCheck.MAX_COUNT);
            long arg = f.size() > 6 ? Numbers.whole(f.get(6), key + ".arg", Long.MIN_VALUE, Long.MAX_VALUE,
                "0 to " + ScenarioCheck.MAX_ARG) : 0;
            int cpu = f.size() > 7 ? integer(f.get(7), key + ".cpu", "-1 or a CPU of this scenario") : -1;
            String fail = f.size() > 8 ? f.get(8) : "";
            return new Action(at, by, op, f.get(3), count, f.get(5), arg, cpu, "", fail);
        }
        if (op.equals("kthread_bind")) {
            expectFields(f, 5, 6, key, "bind takes at,by,op,target,cpu and optionally count");
            int cpu = integer(f.get(4), key + ".cpu", "a CPU of this scenario");
            int count = f.size() > 5 ? integer(f.get(5), key + ".count", "1 to " + ScenarioCheck.MAX_COUNT) : 1;
            return new Action(at, by, op, "", count, "", 0, cpu, f.get(3), "");
        }
        if (op.equals("alloc_workqueue")) {
            expectFields(f, 5, 5, key, "allocwq takes at,by,op,name,flags (e.g. 1ms,insmod,allocwq,demo_wq,unbound)");
            return new Action(at, by, op, f.get(3), 1, f.get(4), 0, -1, "", "");
        }
        if (op.equals("queue_work")) {
            expectFields(f, 5, 6, key, "queue takes at,by,op,work,workqueue and optionally cpu");
            int cpu = f.size() > 5 ? integer(f.get(5), key + ".cpu", "-1 or a CPU of this scenario") : -1;
            return new Action(at, by, op, f.get(4), 1, "", 0, cpu, f.get(3), "");
        }
        if (op.equals("flush_work") || op.equals("destroy_workqueue")) {
            expectFields(f, 4, 4, key, shortOp + " takes at,by,op,target");
            return new Action(at, by, op, "", 1, "", 0, -1, f.get(3), "");
        }
        if (op.equals("sigkill")) {
            expectFields(f, 4, 4, key, "sigkill takes at,by,op,target with an empty by (e.g. 1ms,,sigkill,insmod)");
            return new Action(at, by, op, "", 1, "", 0, -1, f.get(3), "");
        }
        expectFields(f, 4, 5, key, shortOp + " takes at,by,op,target and optionally count");
        int count = f.size() > 4 ? integer(f.get(4), key + ".count", "1 to " + ScenarioCheck.MAX_COUNT) : 1;
        return new Action(at, by, op, "", count, "", 0, -1, f.get(3), "");
    }

    /** A whole number that fits an int; the range rules are {@link ScenarioCheck}'s. */
    private static int integer(String text, String key, String range) throws ScenarioException {
        return (int) Numbers.whole(text, key, Integer.MIN_VALUE, Integer.MAX_VALUE, range);
    }

    private static void expectFields(List<String> f, int min, int max, String key, String what)
            throws ScenarioException {
        if (f.size() < min || f.size() > max) {
            throw new ScenarioException(key, "has " + f.size() + " fields; " + what);
        }
    }

    private static View view(Param[] byKey) throws ScenarioException {
        String stepText = value(byKey, "step");
        long step = stepText == null ? 0 : Numbers.whole(stepText, "step", 0, View.MAX_STEP, "0 to " + View.MAX_STEP);
        String lang = orDefault(value(byKey, "lang"), "");
        if (value(byKey, "lang") != null && !lang.equals("zh") && !lang.equals("en")) {
            throw new ScenarioException("lang", Text.show(lang) + " is not a language (zh or en)");
        }
        String file = orDefault(value(byKey, "file"), "");
        if (value(byKey, "file") != null && !View.isSourcePath(file)) {
            throw new ScenarioException("file", Text.show(file) + " is not a source path (like kernel/kthread.c)");
        }
        String followText = value(byKey, "follow");
        int follow = followText == null ? -1 : (int) Numbers.whole(followText, "follow", 0, View.MAX_PID,
            "a pid, 0 to " + View.MAX_PID);
        String embedText = value(byKey, "embed");
        if (embedText != null && !embedText.equals("1")) {
            throw new ScenarioException("embed", Text.show(embedText) + " is not 1 (write embed=1 or leave it out)");
        }
        View v = new View(step, lang, file, follow, embedText != null);
        v.check();
        return v;
    }

    /** The percent-decoded value of a key, or null if the link does not have it. */
    private static String value(Param[] byKey, String key) throws ScenarioException {
        return value(byKey, KEYS, key);
    }

    private static String value(Param[] byKey, String[] keys, String key) throws ScenarioException {
        Param p = byKey[Text.indexOf(keys, key)];
        if (p == null) {
            return null;
        }
        if (p.raw.isEmpty()) {
            throw new ScenarioException(key, "is empty (leave the key out for its default)");
        }
        return unescape(p.raw, key);
    }

    private static String orDefault(String v, String dflt) {
        return v == null ? dflt : v;
    }

    /** Splits on ',' (an escaped %2C stays inside its field). */
    private static List<String> fields(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int c = s.indexOf(',', start);
            if (c < 0) {
                out.add(s.substring(start));
                return out;
            }
            out.add(s.substring(start, c));
            start = c + 1;
        }
    }

    /** Percent-decodes UTF-8 strictly; raw space, controls, '=' and '#' are errors. */
    static String unescape(String raw, String key) throws ScenarioException {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                i = decodeBytes(raw, i, key, sb);
                continue;
            }
            if (c <= 0x20 || c == 0x7f || c == '=' || c == '#') {
                throw new ScenarioException(key, "has a raw " + (c == ' ' ? "space" : c == '=' ? "'='"
                    : c == '#' ? "'#'" : "control character") + " at character " + (i + 1) + " (write it as "
                    + escape(Character.toString(c)) + ")");
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= raw.length()
                        || !Character.isLowSurrogate(raw.charAt(i + 1))) {
                    throw new ScenarioException(key, "has a broken surrogate pair at character " + (i + 1));
                }
                sb.append(c).append(raw.charAt(i + 1));
                i += 2;
                continue;
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /** Decodes the run of %XX escapes starting at {@code i} as UTF-8; returns the index after it. */
    private static int decodeBytes(String raw, int i, String key, StringBuilder sb) throws ScenarioException {
        List<Integer> bytes = new ArrayList<>();
        int start = i;
        while (i < raw.length() && raw.charAt(i) == '%') {
            int hi = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
            int lo = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
            if (hi < 0 || lo < 0) {
                throw new ScenarioException(key, "malformed escape " + Text.show(raw.substring(i, Math.min(raw.length(),
                    i + 3))) + " at character " + (i + 1) + " (a % is followed by two hex digits)");
            }
            bytes.add(hi << 4 | lo);
            i += 3;
        }
        int j = 0;
        while (j < bytes.size()) {
            int b = bytes.get(j);
            int n = b < 0x80 ? 0 : (b & 0xe0) == 0xc0 ? 1 : (b & 0xf0) == 0xe0 ? 2 : (b & 0xf8) == 0xf0 ? 3 : -1;
            int cp = n == 0 ? b : n == 1 ? b & 0x1f : n == 2 ? b & 0x0f : b & 0x07;
            boolean ok = n >= 0 && j + n < bytes.size();
            for (int k = 1; ok && k <= n; k++) {
                int cb = bytes.get(j + k);
                ok = (cb & 0xc0) == 0x80;
                cp = cp << 6 | (cb & 0x3f);
            }
            int min = n == 1 ? 0x80 : n == 2 ? 0x800 : n == 3 ? 0x10000 : 0;
            if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                throw new ScenarioException(key, "escape at character " + (start + 1 + 3 * j)
                    + " is not UTF-8 (" + Text.show(raw.substring(start + 3 * j,
                        Math.min(raw.length(), start + 3 * (j + Math.max(n, 0) + 1)))) + ")");
            }
            sb.appendCodePoint(cp);
            j += n + 1;
        }
        return i;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static String list(String[] keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(keys[i]);
        }
        return sb.toString();
    }

    private static String presetNames() {
        StringBuilder sb = new StringBuilder();
        for (Presets.Preset p : Presets.all()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.name);
        }
        return sb.toString();
    }
}
