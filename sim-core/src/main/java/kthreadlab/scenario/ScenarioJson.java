package kthreadlab.scenario;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scenario file: JSON, schema version 1, read with Gson's streaming JsonReader and written as
 * text (the same code runs in the page; {@link JsonText} says why not JsonWriter); docs/scenario-files.md.
 * Reading is strict: an unknown or repeated key, a wrong type, an out-of-range value or a target
 * that names nothing is a {@link ScenarioException} naming the key path and the problem. Writing
 * gives the canonical form, so read(write(s)) == s and write(read(text)) == text for canonical text:
 *
 * <pre>
 * {
 *   "version": 1,
 *   "title": "kthread_run, then kthread_stop",
 *   "cpus": 2,
 *   "nohz_full": [],
 *   "hz": 250,
 *   "preempt": "voluntary",
 *   "boot": "minimal",
 *   "until": "40ms",
 *   "actions": [
 *     {"at": "1ms", "by": "insmod", "op": "kthread_run", "name": "demo/%d", "fn": "sleeper", "arg": 5},
 *     {"at": "20ms", "by": "insmod", "op": "kthread_stop", "target": "demo/0"}
 *   ]
 * }
 * </pre>
 *
 * Required: version, cpus, until; in an action at, op, by (all but sigkill), name and fn (creates),
 * target (the others), cpu (kthread_bind). The workqueue ops (boot "workqueues"): alloc_workqueue
 * takes name (the workqueue) and fn (its flags: 0, or unbound, highpri, mem_reclaim, cpu_intensive
 * joined by |); queue_work takes target (short_work, sleep_work or cpu_work), name (the workqueue)
 * and an optional cpu; flush_work takes target (the work item); destroy_workqueue target (the workqueue). A count on a target op makes its target a name format
 * expanded with the index, one call per thread. Defaults: title "", nohz_full [], hz 250,
 * preempt "voluntary", boot "minimal", actions [], count 1, arg 0, cpu -1, fail "". An action
 * holds only the keys its op uses, and the writer leaves out count, arg, cpu and fail at their defaults.
 * A `seed` key (written by older versions; it never changed a run) is read and ignored, whatever its value.
 */
public final class ScenarioJson {
    public static final int VERSION = 1;
    /** The largest file we read, in characters. */
    public static final int MAX_CHARS = 4 << 20;

    static final String[] KEYS = {
        "version", "title", "cpus", "nohz_full", "seed", "hz", "preempt", "boot", "until", "whatif", "actions",
    };
    static final String[] ACTION_KEYS = {"at", "by", "op", "name", "count", "fn", "arg", "cpu", "target", "fail"};
    private static final String[] CREATE_KEYS = {"at", "by", "op", "name", "count", "fn", "arg", "cpu", "fail"};
    private static final String[] TARGET_KEYS = {"at", "by", "op", "count", "target"};
    private static final String[] BIND_KEYS = {"at", "by", "op", "count", "cpu", "target"};
    private static final String[] SIGKILL_KEYS = {"at", "op", "target"};
    private static final String[] ALLOC_WQ_KEYS = {"at", "by", "op", "name", "fn"};
    private static final String[] QUEUE_WORK_KEYS = {"at", "by", "op", "name", "cpu", "target"};
    private static final String[] WORK_TARGET_KEYS = {"at", "by", "op", "target"};
    private static final int MAX_DEPTH = 8;

    private ScenarioJson() {
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Reads a scenario file; every problem is a one-line {@link ScenarioException}. */
    public static Scenario read(String json) throws ScenarioException {
        if (json.length() > MAX_CHARS) {
            throw new ScenarioException("", "the file has " + json.length() + " characters; the most is "
                + MAX_CHARS);
        }
        String text = json.startsWith("\ufeff") ? json.substring(1) : json;
        Node root;
        try {
            JsonReader r = new JsonReader(new StringReader(text));
            r.setStrictness(Strictness.STRICT);
            root = Node.parse(r, "", 0);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new ScenarioException("", "more text after the closing } of the scenario");
            }
        } catch (IOException e) {
            throw new ScenarioException("", syntax(e));
        }
        if (root.kind != Node.OBJECT) {
            throw new ScenarioException("", "a scenario file is one JSON object {…}; this one is "
                + root.kindName());
        }
        Node version = root.get("version");
        if (version == null) {
            throw new ScenarioException("version", "missing (a scenario file says \"version\": 1)");
        }
        long v = number(version, "version", 1, Long.MAX_VALUE, "scenario versions start at 1");
        if (v > VERSION) {
            throw new ScenarioException("version", v + " is newer than this kthreadlab reads (version "
                + VERSION + ")");
        }
        return decodeV1(upgrade((int) v, root));
    }

    /**
     * Brings an older file's tree up to the current version. Version 1 is the current version; a
     * version 2 reader adds here the step that rewrites a version 1 tree into version 2.
     */
    private static Node upgrade(int version, Node root) {
        return root;
    }

    /** "line 3 column 5: not valid JSON (Unterminated string)" from Gson's message. */
    private static String syntax(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        int at = m.indexOf(" at line ");
        if (at < 0) {
            return "not valid JSON" + (m.isEmpty() ? "" : " (" + m + ")");
        }
        String where = m.substring(at + 4);
        int path = where.indexOf(" path ");
        if (path >= 0) {
            where = where.substring(0, path);
        }
        String what = m.substring(0, at);
        if (what.startsWith("Use JsonReader.")) {
            what = "comments, single quotes, unquoted words and text after the end are not allowed";
        }
        return where + ": not valid JSON (" + what + ")";
    }

    private static Scenario decodeV1(Node root) throws ScenarioException {
        for (int i = 0; i < root.keys.size(); i++) {
            String k = root.keys.get(i);
            if (Text.indexOf(KEYS, k) < 0) {
                throw new ScenarioException(Node.child("", k), "unknown key (a scenario has " + list(KEYS) + ")");
            }
        }
        String title = string(root.get("title"), "title", "");
        Node cpusNode = require(root, "", "cpus", "the number of CPUs, 1 to " + ScenarioCheck.MAX_CPUS);
        int cpus = integer(cpusNode, "cpus", "1 to " + ScenarioCheck.MAX_CPUS);
        List<Integer> nohz = new ArrayList<>();
        Node nohzNode = root.get("nohz_full");
        if (nohzNode != null) {
            expect(nohzNode, "nohz_full", Node.ARRAY, "a list of CPU numbers");
            for (int i = 0; i < nohzNode.values.size(); i++) {
                nohz.add(integer(nohzNode.values.get(i), "nohz_full[" + i + "]", "a CPU of this scenario"));
            }
        }
        int hz = root.get("hz") == null ? 250 : integer(root.get("hz"), "hz", "100, 250, 300 or 1000");
        String preempt = string(root.get("preempt"), "preempt", "voluntary");
        String boot = string(root.get("boot"), "boot", "minimal");
        long until = Durations.parse(string(require(root, "", "until", "how long to run, e.g. \"40ms\""),
            "until", null), "until");
        List<String> whatIf = new ArrayList<>();
        Node whatIfNode = root.get("whatif");
        if (whatIfNode != null) {
            expect(whatIfNode, "whatif", Node.ARRAY, "a list of what-if names");
            for (int i = 0; i < whatIfNode.values.size(); i++) {
                whatIf.add(string(whatIfNode.values.get(i), "whatif[" + i + "]", null));
            }
        }
        List<Action> actions = new ArrayList<>();
        Node list = root.get("actions");
        if (list != null) {
            expect(list, "actions", Node.ARRAY, "a list of actions");
            if (list.values.size() > ScenarioCheck.MAX_ACTIONS) {
                throw new ScenarioException("actions", list.values.size() + " actions are too many (at most "
                    + ScenarioCheck.MAX_ACTIONS + ")");
            }
            for (int i = 0; i < list.values.size(); i++) {
                actions.add(action(list.values.get(i), "actions[" + i + "]"));
            }
        }
        Scenario s = new Scenario(title, cpus, nohz, hz, preempt, boot, until, actions, whatIf);
        ScenarioCheck.check(s, "actions");
        return s;
    }

    private static Action action(Node n, String path) throws ScenarioException {
        expect(n, path, Node.OBJECT, "an action object {\"at\": …, \"op\": …}");
        for (String k : n.keys) {
            if (Text.indexOf(ACTION_KEYS, k) < 0) {
                throw new ScenarioException(Node.child(path, k), "unknown key (an action has " + list(ACTION_KEYS)
                    + ")");
            }
        }
        String op = string(require(n, path, "op", Text.choices(Action.OPS)), path + ".op", null);
        if (Text.indexOf(Action.OPS, op) < 0) {
            throw new ScenarioException(path + ".op", Text.show(op) + " is not an op (" + Text.choices(Action.OPS)
                + ")");
        }
        String[] allowed = op.equals("kthread_run") || op.equals("kthread_create") ? CREATE_KEYS
            : op.equals("kthread_bind") ? BIND_KEYS : op.equals("sigkill") ? SIGKILL_KEYS
            : op.equals("alloc_workqueue") ? ALLOC_WQ_KEYS : op.equals("queue_work") ? QUEUE_WORK_KEYS
            : op.equals("flush_work") || op.equals("destroy_workqueue") ? WORK_TARGET_KEYS : TARGET_KEYS;
        for (String k : n.keys) {
            if (Text.indexOf(allowed, k) < 0) {
                throw new ScenarioException(path + "." + k, op.equals("sigkill") && k.equals("by")
                    ? "sigkill takes no by (the scenario sends the signal)"
                    : op + " takes no " + k + " (its keys are " + list(allowed) + ")");
            }
        }
        long at = Durations.parse(string(require(n, path, "at", "when, e.g. \"1ms\""), path + ".at", null),
            path + ".at");
        String by = op.equals("sigkill") ? ""
            : string(require(n, path, "by", "the creator process, e.g. \"insmod\""), path + ".by", null);
        String name = string(n.get("name"), path + ".name", "");
        int count = n.get("count") == null ? 1 : integer(n.get("count"), path + ".count",
            "1 to " + ScenarioCheck.MAX_COUNT);
        String fn = string(n.get("fn"), path + ".fn", "");
        long arg = n.get("arg") == null ? 0 : number(n.get("arg"), path + ".arg", Long.MIN_VALUE,
            Long.MAX_VALUE, "0 to " + ScenarioCheck.MAX_ARG);
        int cpu = -1;
        if (op.equals("kthread_bind")) {
            cpu = integer(require(n, path, "cpu", "the CPU to bind to"), path + ".cpu", "a CPU of this scenario");
        } else if (n.get("cpu") != null) {
            cpu = integer(n.get("cpu"), path + ".cpu", "-1 or a CPU of this scenario");
        }
        String target = string(n.get("target"), path + ".target", "");
        String fail = string(n.get("fail"), path + ".fail", "");
        return new Action(at, by, op, name, count, fn, arg, cpu, target, fail);
    }

    private static Node require(Node obj, String path, String key, String what) throws ScenarioException {
        Node n = obj.get(key);
        if (n == null) {
            throw new ScenarioException(Node.child(path, key), "missing (" + what + ")");
        }
        return n;
    }

    private static void expect(Node n, String path, int kind, String what) throws ScenarioException {
        if (n.kind != kind) {
            throw new ScenarioException(path, (n.kind == Node.NULL ? "is null" : n.shortText() + " is "
                + n.kindName()) + "; expected " + what);
        }
    }

    private static String string(Node n, String path, String dflt) throws ScenarioException {
        if (n == null) {
            return dflt;
        }
        expect(n, path, Node.STRING, "a string");
        return n.text;
    }

    private static long number(Node n, String path, long min, long max, String range) throws ScenarioException {
        expect(n, path, Node.NUMBER, "a whole number");
        return Numbers.whole(n.text, path, min, max, range);
    }

    /** A whole number that fits an int; the range rules are {@link ScenarioCheck}'s. */
    private static int integer(Node n, String path, String range) throws ScenarioException {
        return (int) number(n, path, Integer.MIN_VALUE, Integer.MAX_VALUE, range);
    }

    private static String list(String[] keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(keys[i]);
        }
        return sb.toString();
    }

    // ---- writing ------------------------------------------------------------------------------

    /** The canonical file of a valid scenario (two-space indent, one action per line, final newline). */
    public static String write(Scenario s) throws ScenarioException {
        ScenarioCheck.check(s);
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"version\": ").append(VERSION).append(",\n");
        sb.append("  \"title\": ");
        JsonText.append(sb, s.title);
        sb.append(",\n  \"cpus\": ").append(s.cpus).append(",\n");
        sb.append("  \"nohz_full\": [");
        for (int i = 0; i < s.nohzFull.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(s.nohzFull.get(i).intValue());
        }
        sb.append("],\n");
        sb.append("  \"hz\": ").append(s.hz).append(",\n");
        sb.append("  \"preempt\": ");
        JsonText.append(sb, s.preempt);
        sb.append(",\n  \"boot\": ");
        JsonText.append(sb, s.boot);
        sb.append(",\n  \"until\": ");
        JsonText.append(sb, Durations.format(s.until));
        if (!s.whatIf.isEmpty()) {
            sb.append(",\n  \"whatif\": [");
            for (int i = 0; i < s.whatIf.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                JsonText.append(sb, s.whatIf.get(i));
            }
            sb.append(']');
        }
        sb.append(",\n  \"actions\": [");
        for (int i = 0; i < s.actions.size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ");
            action(sb, s.actions.get(i));
        }
        sb.append(s.actions.isEmpty() ? "]\n" : "\n  ]\n");
        return sb.append("}\n").toString();
    }

    /** One action on one line: {"at": "1ms", "by": "insmod", …}; defaults left out. */
    private static void action(StringBuilder sb, Action a) {
        sb.append('{');
        field(sb, "at", Durations.format(a.at), true);
        if (!a.op.equals("sigkill")) {
            field(sb, "by", a.by, false);
        }
        field(sb, "op", a.op, false);
        if (a.isWorkqueueOp()) {
            if (!a.name.isEmpty()) {
                field(sb, "name", a.name, false);
            }
            if (a.op.equals("alloc_workqueue")) {
                field(sb, "fn", a.fn.isEmpty() ? "0" : a.fn, false);
            }
            if (a.cpu != -1) {
                sb.append(", \"cpu\": ").append(a.cpu);
            }
            if (!a.target.isEmpty()) {
                field(sb, "target", a.target, false);
            }
        } else if (a.creates()) {
            field(sb, "name", a.name, false);
            if (a.count != 1) {
                sb.append(", \"count\": ").append(a.count);
            }
            field(sb, "fn", a.fn, false);
            if (a.arg != 0) {
                sb.append(", \"arg\": ").append(a.arg);
            }
            if (a.cpu != -1) {
                sb.append(", \"cpu\": ").append(a.cpu);
            }
            if (!a.fail.isEmpty()) {
                field(sb, "fail", a.fail, false);
            }
        } else {
            if (a.count != 1) {
                sb.append(", \"count\": ").append(a.count);
            }
            if (a.op.equals("kthread_bind")) {
                sb.append(", \"cpu\": ").append(a.cpu);
            }
            field(sb, "target", a.target, false);
        }
        sb.append('}');
    }

    private static void field(StringBuilder sb, String key, String value, boolean first) {
        sb.append(first ? "\"" : ", \"").append(key).append("\": ");
        JsonText.append(sb, value);
    }

    // ---- the tree ----------------------------------------------------------------------------

    /** A parsed JSON value that remembers key order; numbers keep their text. */
    private static final class Node {
        static final int OBJECT = 0, ARRAY = 1, STRING = 2, NUMBER = 3, BOOLEAN = 4, NULL = 5;

        final int kind;
        final String text;
        final List<String> keys = new ArrayList<>();
        final List<Node> values = new ArrayList<>();

        Node(int kind, String text) {
            this.kind = kind;
            this.text = text;
        }

        static String child(String path, String key) {
            return path.isEmpty() ? Text.key(key) : path + "." + Text.key(key);
        }

        static Node parse(JsonReader r, String path, int depth) throws IOException, ScenarioException {
            JsonToken t = r.peek();
            if ((t == JsonToken.BEGIN_OBJECT || t == JsonToken.BEGIN_ARRAY) && depth >= MAX_DEPTH) {
                throw new ScenarioException(path, "is nested too deeply (a scenario is at most "
                    + MAX_DEPTH + " levels deep)");
            }
            switch (t) {
                case BEGIN_OBJECT: {
                    Node n = new Node(OBJECT, null);
                    Set<String> seen = new HashSet<>();
                    r.beginObject();
                    while (r.peek() == JsonToken.NAME) {
                        String k = r.nextName();
                        if (!seen.add(k)) {
                            throw new ScenarioException(child(path, k), "the key appears twice");
                        }
                        n.keys.add(k);
                        n.values.add(parse(r, child(path, k), depth + 1));
                    }
                    r.endObject();
                    return n;
                }
                case BEGIN_ARRAY: {
                    Node n = new Node(ARRAY, null);
                    r.beginArray();
                    while (r.peek() != JsonToken.END_ARRAY) {
                        n.values.add(parse(r, path + "[" + n.values.size() + "]", depth + 1));
                    }
                    r.endArray();
                    return n;
                }
                case STRING:
                    return new Node(STRING, r.nextString());
                case NUMBER:
                    return new Node(NUMBER, r.nextString());
                case BOOLEAN:
                    return new Node(BOOLEAN, Boolean.toString(r.nextBoolean()));
                case NULL:
                    r.nextNull();
                    return new Node(NULL, "null");
                default:
                    // END_DOCUMENT or a stray closing token: let the reader say where.
                    r.skipValue();
                    throw new IOException("Unexpected end of input");
            }
        }

        Node get(String key) {
            int i = keys.indexOf(key);
            return i < 0 ? null : values.get(i);
        }

        String kindName() {
            switch (kind) {
                case OBJECT:
                    return "an object";
                case ARRAY:
                    return "a list";
                case STRING:
                    return "a string";
                case NUMBER:
                    return "a number";
                case BOOLEAN:
                    return "a boolean";
                default:
                    return "null";
            }
        }

        String shortText() {
            switch (kind) {
                case OBJECT:
                    return "{…}";
                case ARRAY:
                    return "[…]";
                case STRING:
                    return Text.show(text);
                default:
                    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
            }
        }
    }
}
