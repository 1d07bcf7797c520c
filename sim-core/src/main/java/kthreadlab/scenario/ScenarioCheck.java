package kthreadlab.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kthreadlab.format.Names;

/**
 * The rules every scenario obeys, whether it comes from a file, a link or the editor. The first
 * broken rule is reported as a {@link ScenarioException} whose key is the JSON path of the field
 * ({@code actions[2].cpu}); links use their own action key ({@code a[2].cpu}).
 */
public final class ScenarioCheck {
    public static final int MAX_CPUS = 256;
    public static final int[] HZ = {100, 250, 300, 1000};
    public static final String[] PREEMPT = {"none", "voluntary", "full"};
    /** WQ_NAME_LEN is 24 bytes with the NUL. */
    static final int MAX_WQ_NAME = 23;
    public static final String[] BOOT = {"minimal", "v5.15", "workqueues"};
    public static final int MAX_TITLE = 200;
    /*
     * The limits below bound the work of checking and running any scenario, whatever its source
     * (docs/scenario-files.md). Checking is linear in the actions plus the threads they name.
     */
    public static final int MAX_ACTIONS = 500;
    public static final int MAX_COUNT = 10_000;
    /** Threads created by all actions together. */
    public static final int MAX_THREADS = 10_000;
    /** CPUs times threads: boot and run-queue work grows with both (the bench: 64 CPUs, 10,000 threads). */
    public static final long MAX_CPU_THREADS = 640_000;
    /** Threads acted on by all target ops together (a target op with a count acts on count threads). */
    public static final int MAX_TARGETS = 20_000;
    public static final long MAX_ARG = 1_000_000;
    /** Longest name format; the comm keeps only the first 15 characters of the name. */
    public static final int MAX_NAME = 63;
    /** A creator is a process: its name is a comm (TASK_COMM_LEN 16, so 15 characters). */
    public static final int MAX_COMM = 15;

    private ScenarioCheck() {
    }

    /** Checks a scenario with JSON paths in the messages. */
    public static void check(Scenario s) throws ScenarioException {
        check(s, "actions");
    }

    /** Checks a scenario; {@code actionsKey} names the action list in messages ("actions" or "a"). */
    static void check(Scenario s, String actionsKey) throws ScenarioException {
        checkMachine(s);
        checkWhatIf(s);
        if (s.actions.size() > MAX_ACTIONS) {
            checkTotals(s, actionsKey);
        }
        for (int i = 0; i < s.actions.size(); i++) {
            Action a = s.actions.get(i);
            String key = actionsKey + "[" + i + "]";
            if (a == null) {
                throw new ScenarioException(key, "missing");
            }
            checkAction(s, a, key);
        }
        checkTotals(s, actionsKey);
        checkTargets(s, actionsKey);
    }

    /**
     * The totals of a scenario whose actions are each valid: threads created, CPUs × threads and
     * threads acted on. Public so that a caller holding a scenario can ask once, cheaply.
     */
    public static void checkTotals(Scenario s, String actionsKey) throws ScenarioException {
        if (s.actions.size() > MAX_ACTIONS) {
            throw new ScenarioException(actionsKey, s.actions.size() + " actions are too many (at most "
                + MAX_ACTIONS + ")");
        }
        long threads = threads(s);
        if (threads > MAX_THREADS) {
            throw new ScenarioException(actionsKey, "the actions create " + threads
                + " threads; the most is " + MAX_THREADS);
        }
        if (threads * s.cpus > MAX_CPU_THREADS) {
            throw new ScenarioException(actionsKey, cpus(s.cpus) + " × " + threads + " threads is "
                + threads * s.cpus + "; the most is " + MAX_CPU_THREADS + " (fewer CPUs or fewer threads)");
        }
        long targets = targets(s);
        if (targets > MAX_TARGETS) {
            throw new ScenarioException(actionsKey, "the actions act on " + targets
                + " threads (the counts of wake, bind, stop, park and unpark); the most is " + MAX_TARGETS);
        }
    }

    /** Threads the creates make, in all (counts as written; an invalid count is the action's problem). */
    public static long threads(Scenario s) {
        long n = 0;
        for (Action a : s.actions) {
            if (a != null && a.op != null && a.creates()) {
                n += Math.max(0, a.count);
            }
        }
        return n;
    }

    /** Threads the target ops act on, in all (sigkill and workqueue ops act on none). */
    public static long targets(Scenario s) {
        long n = 0;
        for (Action a : s.actions) {
            if (a != null && a.op != null && !a.creates() && !a.isWorkqueueOp() && !a.op.equals("sigkill")) {
                n += Math.max(0, a.count);
            }
        }
        return n;
    }

    private static void checkWhatIf(Scenario s) throws ScenarioException {
        for (int i = 0; i < s.whatIf.size(); i++) {
            String w = s.whatIf.get(i);
            if (w == null || Text.indexOf(Scenario.WHATIFS, w) < 0) {
                throw new ScenarioException("whatif", Text.show(w) + " is not a what-if ("
                    + Text.choices(Scenario.WHATIFS) + ")");
            }
            if (s.whatIf.indexOf(w) != i) {
                throw new ScenarioException("whatif", Text.show(w) + " is listed twice");
            }
        }
    }

    private static void checkMachine(Scenario s) throws ScenarioException {
        String title = s.title;
        if (title == null) {
            throw new ScenarioException("title", "missing");
        }
        if (title.length() > MAX_TITLE) {
            throw new ScenarioException("title", Text.show(title) + " is too long (at most " + MAX_TITLE
                + " characters)");
        }
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                throw new ScenarioException("title", Text.show(title) + " has a control character");
            }
        }
        if (!Text.validUtf16(title)) {
            throw new ScenarioException("title", Text.show(title) + " has a broken surrogate pair");
        }
        if (s.cpus < 1 || s.cpus > MAX_CPUS) {
            throw new ScenarioException("cpus", s.cpus + " is out of range (1 to " + MAX_CPUS + ")");
        }
        checkNohzFull(s);
        boolean hzOk = false;
        for (int h : HZ) {
            hzOk |= s.hz == h;
        }
        if (!hzOk) {
            throw new ScenarioException("hz", s.hz + " is not a HZ of this kernel (100, 250, 300 or 1000)");
        }
        if (s.preempt == null || Text.indexOf(PREEMPT, s.preempt) < 0) {
            throw new ScenarioException("preempt", Text.show(String.valueOf(s.preempt))
                + " is not a preemption model (" + Text.choices(PREEMPT) + ")");
        }
        if (s.boot == null || Text.indexOf(BOOT, s.boot) < 0) {
            throw new ScenarioException("boot", Text.show(String.valueOf(s.boot)) + " is not a boot profile ("
                + Text.choices(BOOT) + ")");
        }
        if (s.until <= 0 || s.until > Durations.MAX_NS) {
            throw new ScenarioException("until", (s.until < 0 ? s.until + "ns" : Durations.format(s.until))
                + " is out of range (more than 0, at most " + Durations.format(Durations.MAX_NS) + ")");
        }
    }

    private static void checkNohzFull(Scenario s) throws ScenarioException {
        int prev = -1;
        for (Integer c : s.nohzFull) {
            if (c == null || c < 0 || c >= s.cpus) {
                throw new ScenarioException("nohz_full", "CPU " + c + " is out of range (this scenario has "
                    + cpus(s.cpus) + ")");
            }
            if (c <= prev) {
                throw new ScenarioException("nohz_full", c == prev ? "CPU " + c + " is listed twice"
                    : "list the CPUs in ascending order (" + c + " comes after " + prev + ")");
            }
            prev = c;
        }
        if (!s.nohzFull.isEmpty() && s.nohzFull.size() == s.cpus) {
            throw new ScenarioException("nohz_full", "lists every CPU; at least one must stay a housekeeping CPU");
        }
    }

    static String cpus(int n) {
        return n == 1 ? "1 CPU" : n + " CPUs";
    }

    private static void checkAction(Scenario s, Action a, String key) throws ScenarioException {
        if (a.at < 0) {
            throw new ScenarioException(key + ".at", a.at + "ns is negative (times start at 0)");
        }
        if (a.at > s.until) {
            throw new ScenarioException(key + ".at", Durations.format(a.at) + " is after until ("
                + Durations.format(s.until) + ")");
        }
        if (a.op == null || Text.indexOf(Action.OPS, a.op) < 0) {
            throw new ScenarioException(key + ".op", Text.show(String.valueOf(a.op)) + " is not an op ("
                + Text.choices(Action.OPS) + ")");
        }
        checkBy(a, key);
        if (a.isWorkqueueOp()) {
            checkWorkqueueOp(s, a, key);
            return;
        }
        if (a.creates()) {
            checkCreate(s, a, key);
            return;
        }
        requireDefault(a.name == null || a.name.isEmpty(), a, key, "name");
        requireDefault(a.fn == null || a.fn.isEmpty(), a, key, "fn");
        requireDefault(a.arg == 0, a, key, "arg");
        requireDefault(a.fail == null || a.fail.isEmpty(), a, key, "fail");
        if (a.target == null || a.target.isEmpty()) {
            throw new ScenarioException(key + ".target", "missing (" + a.op + " needs the "
                + (a.op.equals("sigkill") ? "creator process" : "kthread") + " it acts on)");
        }
        if (a.op.equals("sigkill")) {
            requireDefault(a.count == 1, a, key, "count");
        } else {
            checkTargetCount(a, key);
        }
        if (a.op.equals("kthread_bind")) {
            checkCpu(s, a.cpu, key, false);
        } else {
            requireDefault(a.cpu == -1, a, key, "cpu");
        }
    }

    /**
     * alloc_workqueue (name: the workqueue, fn: flag words), queue_work (target: a work item of
     * wqdemo.c, name: the workqueue, cpu optional), flush_work (target: the work item) and
     * destroy_workqueue (target: the workqueue). Worker pools exist only with boot "workqueues".
     */
    private static void checkWorkqueueOp(Scenario s, Action a, String key) throws ScenarioException {
        if (!s.boot.equals("workqueues")) {
            throw new ScenarioException(key + ".op", a.op + " needs boot \"workqueues\" (the profile that runs"
                + " workqueue_init(), so that pools have kworkers)");
        }
        requireDefault(a.count == 1, a, key, "count");
        requireDefault(a.arg == 0, a, key, "arg");
        requireDefault(a.fail == null || a.fail.isEmpty(), a, key, "fail");
        boolean alloc = a.op.equals("alloc_workqueue");
        boolean queue = a.op.equals("queue_work");
        if (alloc || queue) {
            if (a.name == null || a.name.isEmpty()) {
                throw new ScenarioException(key + ".name", "missing (the workqueue's name, e.g. \"demo_wq\")");
            }
            if (a.name.length() > MAX_WQ_NAME || !printable(a.name) || a.name.indexOf('%') >= 0) {
                throw new ScenarioException(key + ".name", Text.show(a.name) + " is not a workqueue name (printable"
                    + " ASCII without spaces or %, at most " + MAX_WQ_NAME + " characters)");
            }
        } else {
            requireDefault(a.name == null || a.name.isEmpty(), a, key, "name");
        }
        if (alloc) {
            checkWqFlags(a, key);
        } else {
            requireDefault(a.fn == null || a.fn.isEmpty(), a, key, "fn");
        }
        if (queue) {
            checkCpu(s, a.cpu, key, true);
        } else {
            requireDefault(a.cpu == -1, a, key, "cpu");
        }
        if (alloc) {
            requireDefault(a.target == null || a.target.isEmpty(), a, key, "target");
        } else if (a.target == null || a.target.isEmpty()) {
            throw new ScenarioException(key + ".target", "missing (" + (a.op.equals("destroy_workqueue")
                ? "the workqueue to destroy" : "the work item: " + Text.choices(Action.WORKS)) + ")");
        } else if (!a.op.equals("destroy_workqueue") && Text.indexOf(Action.WORKS, a.target) < 0) {
            throw new ScenarioException(key + ".target", Text.show(a.target) + " is not a work item of wqdemo.c ("
                + Text.choices(Action.WORKS) + ")");
        }
    }

    private static void checkWqFlags(Action a, String key) throws ScenarioException {
        String spec = a.fn == null || a.fn.isEmpty() ? "0" : a.fn;
        int from = 0;
        for (int i = 0; i <= spec.length(); i++) {
            if (i < spec.length() && spec.charAt(i) != '|') {
                continue;
            }
            String word = spec.substring(from, i);
            from = i + 1;
            if (!word.equals("0") && Text.indexOf(Action.WQ_FLAGS, word) < 0) {
                throw new ScenarioException(key + ".fn", Text.show(spec) + " is not a set of workqueue flags (0, or "
                    + Text.choices(Action.WQ_FLAGS) + " joined by |)");
            }
        }
    }

    /**
     * With a count, a target op acts on count threads: its target is a name format expanded with
     * the index 0, 1, … (so it needs its one %d), as a create's name is.
     */
    private static void checkTargetCount(Action a, String key) throws ScenarioException {
        if (a.count < 1 || a.count > MAX_COUNT) {
            throw new ScenarioException(key + ".count", a.count + " is out of range (1 to " + MAX_COUNT + ")");
        }
        if (a.count == 1) {
            return;
        }
        String problem = nameProblem(a.target);
        if (problem == null && conversion(a.target) < 0) {
            problem = "has no %d for the index, so count " + a.count + " would act on one thread "
                + a.count + " times";
        }
        if (problem != null) {
            throw new ScenarioException(key + ".target", Text.show(a.target) + " " + problem);
        }
    }

    private static void checkBy(Action a, String key) throws ScenarioException {
        if (a.op.equals("sigkill")) {
            if (a.by != null && !a.by.isEmpty()) {
                throw new ScenarioException(key + ".by", "sigkill takes no by (the scenario sends the signal)");
            }
            return;
        }
        if (a.by == null || a.by.isEmpty()) {
            throw new ScenarioException(key + ".by", "missing (the creator process that calls " + a.op
                + ", e.g. \"insmod\")");
        }
        String problem = commProblem(a.by);
        if (problem != null) {
            throw new ScenarioException(key + ".by", Text.show(a.by) + " " + problem);
        }
    }

    /** Why a creator name is not a usable comm, or null. */
    static String commProblem(String by) {
        if (by.length() > MAX_COMM) {
            return "is longer than " + MAX_COMM + " characters (a comm holds 15)";
        }
        if (!printable(by)) {
            return "may use only printable ASCII without spaces";
        }
        if (by.equals("init") || by.equals("kthreadd") || by.startsWith("swapper")) {
            return "is the name of a kernel task; pick another creator name";
        }
        return null;
    }

    private static void checkCreate(Scenario s, Action a, String key) throws ScenarioException {
        if (a.name == null || a.name.isEmpty()) {
            throw new ScenarioException(key + ".name", "missing (the kthread's name, e.g. \"demo/%d\")");
        }
        String problem = nameProblem(a.name);
        if (problem != null) {
            throw new ScenarioException(key + ".name", Text.show(a.name) + " " + problem);
        }
        if (a.count < 1 || a.count > MAX_COUNT) {
            throw new ScenarioException(key + ".count", a.count + " is out of range (1 to " + MAX_COUNT + ")");
        }
        if (a.fn == null || a.fn.isEmpty()) {
            throw new ScenarioException(key + ".fn", "missing (the thread function: "
                + Text.choices(Action.FNS) + ")");
        }
        if (Text.indexOf(Action.FNS, a.fn) < 0) {
            throw new ScenarioException(key + ".fn", Text.show(a.fn) + " is not a thread function ("
                + Text.choices(Action.FNS) + ")");
        }
        if (a.arg < 0 || a.arg > MAX_ARG) {
            throw new ScenarioException(key + ".arg", a.arg + " is out of range (0 to " + MAX_ARG + ")");
        }
        checkCpu(s, a.cpu, key, true);
        if (a.fail == null || Text.indexOf(Action.FAILS, a.fail) < 0) {
            throw new ScenarioException(key + ".fail", Text.show(String.valueOf(a.fail))
                + " is not a failure we can inject (" + Text.choices(Action.FAILS) + ")");
        }
        if (a.target != null && !a.target.isEmpty()) {
            throw new ScenarioException(key + ".target", a.op + " takes no target (it names the new thread)");
        }
    }

    private static void checkCpu(Scenario s, int cpu, String key, boolean optional) throws ScenarioException {
        if (optional && cpu == -1) {
            return;
        }
        if (cpu < 0 || cpu >= s.cpus) {
            throw new ScenarioException(key + ".cpu", cpu + " is out of range (" + (cpu < 0
                ? (optional ? "-1 for unbound, or " : "") + "0 to " + (s.cpus - 1) : "this scenario has "
                + cpus(s.cpus)) + ")");
        }
    }

    private static void requireDefault(boolean ok, Action a, String key, String field) throws ScenarioException {
        if (!ok) {
            throw new ScenarioException(key + "." + field, a.op + " takes no " + field);
        }
    }

    /** Why a kthread name format is unusable, or null. */
    static String nameProblem(String name) {
        if (name.length() > MAX_NAME) {
            return "is longer than " + MAX_NAME + " characters";
        }
        if (!printable(name)) {
            return "may use only printable ASCII without spaces";
        }
        int conversions = 0;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != '%') {
                continue;
            }
            char n = i + 1 < name.length() ? name.charAt(i + 1) : 0;
            if (n == 'd' || n == 'u' || n == 'i' || n == 's') {
                conversions++;
            } else if (n != '%') {
                return "has a stray % (use one %d, %u, %i or %s for the index, %% for a percent sign)";
            }
            i++;
        }
        if (conversions > 1) {
            return "has " + conversions + " conversions; the name takes one argument (the index or the CPU)";
        }
        return null;
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    // ---- targets ------------------------------------------------------------------------------

    /**
     * Every target names something that exists by then: a kthread made by a create at the same
     * time or earlier (its name expanded as vsnprintf does, with the index or the CPU; a target
     * with a count names count threads the same way), a workqueue an alloc_workqueue made at the
     * same time or earlier, or, for sigkill, a creator process. Linear: every name a create makes
     * (at most MAX_THREADS, checked before) is listed once with the earliest time it exists.
     */
    private static void checkTargets(Scenario s, String actionsKey) throws ScenarioException {
        // name -> the index of the earliest action that makes it (ints: long is slow in the page)
        Map<String, Integer> kthreads = new HashMap<>();
        Map<String, Integer> workqueues = new HashMap<>();
        TreeSet<String> creators = new TreeSet<>();
        for (int i = 0; i < s.actions.size(); i++) {
            Action a = s.actions.get(i);
            if (!a.op.equals("sigkill")) {
                creators.add(a.by);
            }
            if (a.op.equals("alloc_workqueue")) {
                earliest(s, workqueues, a.name, i);
            }
            if (!a.creates()) {
                continue;
            }
            if (conversion(a.name) < 0 || a.cpu >= 0) {
                earliest(s, kthreads, Names.vsnprintf(a.name, a.cpu), i);
            } else {
                for (int n = 0; n < a.count; n++) {
                    earliest(s, kthreads, Names.vsnprintf(a.name, n), i);
                }
            }
        }
        for (int i = 0; i < s.actions.size(); i++) {
            Action a = s.actions.get(i);
            if (a.creates() || a.op.equals("alloc_workqueue")) {
                continue;
            }
            if (a.isWorkqueueOp()) {
                checkWorkqueueTarget(s, workqueues, a, actionsKey + "[" + i + "]");
                continue;
            }
            String key = actionsKey + "[" + i + "].target";
            if (a.op.equals("sigkill")) {
                if (!creators.contains(a.target)) {
                    throw new ScenarioException(key, Text.show(a.target) + " is not a creator of this scenario"
                        + " (sigkill goes to a process named in an action's by"
                        + (creators.isEmpty() ? "" : ", e.g. \"" + creators.first() + "\"") + ")");
                }
                continue;
            }
            for (int n = 0; n < a.count; n++) {
                String t = a.count == 1 ? a.target : Names.vsnprintf(a.target, n);
                Integer made = kthreads.get(t);
                if (made == null || s.actions.get(made).at > a.at) {
                    throw new ScenarioException(key, (a.count == 1 ? "" : Text.show(a.target) + " with count "
                        + a.count + ": ") + Text.show(t) + " names no kthread created at or before "
                        + Durations.format(a.at) + example(s, a.at));
                }
            }
        }
    }

    private static void earliest(Scenario s, Map<String, Integer> names, String name, int action) {
        Integer was = names.get(name);
        if (was == null || s.actions.get(action).at < s.actions.get(was).at) {
            names.put(name, action);
        }
    }

    /** queue_work and destroy_workqueue name a workqueue an alloc_workqueue made at the same time or earlier. */
    private static void checkWorkqueueTarget(Scenario s, Map<String, Integer> workqueues, Action a, String key)
            throws ScenarioException {
        String wq = a.op.equals("queue_work") ? a.name : a.op.equals("destroy_workqueue") ? a.target : null;
        if (wq == null) {
            return;
        }
        Integer made = workqueues.get(wq);
        if (made == null || s.actions.get(made).at > a.at) {
            throw new ScenarioException(key + (a.op.equals("queue_work") ? ".name" : ".target"), Text.show(wq)
                + " names no workqueue allocated at or before " + Durations.format(a.at)
                + " (no alloc_workqueue of that name comes by then)");
        }
    }

    private static String example(Scenario s, long at) {
        for (Action a : s.actions) {
            if (a.creates() && a.at <= at) {
                return " (e.g. \"" + Names.vsnprintf(a.name, a.cpu >= 0 ? a.cpu : 0) + "\")";
            }
        }
        return " (no kthread_run or kthread_create comes by then)";
    }

    /** The position of the one %d/%u/%i/%s in a valid name format, or -1. */
    static int conversion(String name) {
        for (int i = 0; i + 1 < name.length(); i++) {
            if (name.charAt(i) == '%') {
                if (name.charAt(i + 1) != '%') {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }
}
