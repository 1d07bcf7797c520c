package kthreadlab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kthreadlab.scenario.JsonText;
import kthreadlab.scenario.Scenario;

/**
 * A run's trace as Chrome/Perfetto JSON (shared/reference/trace-formats.md):
 * {@code {"traceEvents":[…], "systemTraceEvents":"<ftrace text>", "displayTimeUnit":"ns"}}.
 *
 * <ul>
 * <li>{@code M} process_name and thread_name for every task in the trace, named by its last comm.
 *     Each task is its own process: pid = tid = the task's pid. The idle tasks all have pid 0, so
 *     swapper/0 keeps tid 0 and swapper/N gets tid {@value #IDLE_TID_BASE} + N (above any pid).</li>
 * <li>{@code B}/{@code E} function slices from FUNC_ENTER/FUNC_EXIT, per task, always nested: an
 *     exit of a function that was entered before the trace began is dropped; slices still open at
 *     the end close when the task's trace ends (its last record if it exited, else the run's).</li>
 * <li>{@code i} thread-scoped instants for the creators' API calls, with target and result.</li>
 * <li>systemTraceEvents: {@link Ftrace#format}, the kernel events, ending in a newline.</li>
 * </ul>
 * One event per line. Times are microseconds written exactly from nanoseconds ("1003.25"), so the
 * output is the same text on the JVM and in the browser. Written as text with {@link JsonText}
 * (Gson's JsonWriter would add regex and String.format to the page).
 */
public final class ChromeJson {
    /** Added to the CPU number to make an idle task's tid; PID_MAX_LIMIT, so no real pid reaches it. */
    public static final int IDLE_TID_BASE = 4_194_304;

    private ChromeJson() {
    }

    /** What the export knows about one task. */
    private static final class Task {
        final int pid;
        final int cpu;
        int tid;
        String comm;
        boolean exited;
        long lastNs;
        final List<String> open = new ArrayList<>();

        Task(int pid, int cpu) {
            this.pid = pid;
            this.cpu = cpu;
        }
    }

    public static String write(List<TraceEvent> events, Scenario s) {
        return write(events, s.cpus);
    }

    public static String write(List<TraceEvent> events, int cpus) {
        return TextExport.all(new Writer(events, cpus, -1));
    }

    /**
     * The Chrome JSON in pieces: the tasks are collected, then the metadata, the slices and
     * instants, the slices still open, and the ftrace text (`eventCount` as for Ftrace.Writer).
     */
    public static final class Writer implements TextExport {
        private final List<TraceEvent> events;
        private final Ftrace.Writer ftrace;
        private final Map<Integer, Task> tasks = new TreeMap<>();
        private int scanned;
        private int at;
        private long endNs;
        private int phase;
        private boolean first = true;

        public Writer(List<TraceEvent> events, int cpus, long eventCount) {
            this.events = events;
            this.ftrace = new Ftrace.Writer(events, cpus, eventCount, true);
        }

        @Override
        public boolean next(StringBuilder out, int budget) {
            int n = events.size();
            switch (phase) {
                case 0:
                    int to = (int) Math.min(n, (long) scanned + budget);
                    for (int i = scanned; i < to; i++) {
                        endNs = Math.max(endNs, events.get(i).timeNs);
                    }
                    scanned = scan(tasks, events, scanned, to);
                    if (scanned < n) {
                        return false;
                    }
                    assignTids(tasks);
                    out.append("{\"traceEvents\":[");
                    for (Task t : tasks.values()) {
                        first = metadata(out, first, "process_name", t);
                        first = metadata(out, first, "thread_name", t);
                    }
                    phase = 1;
                    return false;
                case 1:
                    int stop = (int) Math.min(n, (long) at + budget);
                    for (; at < stop; at++) {
                        first = record(out, first, tasks.get(events.get(at).task), events.get(at));
                    }
                    if (at < n) {
                        return false;
                    }
                    for (Task t : tasks.values()) {
                        long close = t.exited ? t.lastNs : endNs;
                        while (!t.open.isEmpty()) {
                            t.open.remove(t.open.size() - 1);
                            first = end(out, first, t, close);
                        }
                    }
                    out.append("\n],\n\"systemTraceEvents\":\"");
                    phase = 2;
                    return false;
                case 2:
                    if (!ftrace.next(out, budget)) {
                        return false;
                    }
                    out.append("\",\n\"displayTimeUnit\":\"ns\"}\n");
                    phase = 3;
                    return true;
                default:
                    return true;
            }
        }

        @Override
        public long done() {
            return scanned + (long) at + ftrace.done();
        }

        @Override
        public long total() {
            return 2L * events.size() + ftrace.total();
        }
    }

    /** One record's slice or instant (tracepoints are in systemTraceEvents). */
    private static boolean record(StringBuilder sb, boolean first, Task t, TraceEvent e) {
        if (e.kind == TraceEvent.FUNC_ENTER) {
            t.open.add(e.name);
            return begin(sb, first, t, e);
        }
        if (e.kind == TraceEvent.FUNC_EXIT) {
            int at = t.open.lastIndexOf(e.name);
            while (at >= 0 && t.open.size() > at) {
                t.open.remove(t.open.size() - 1);
                first = end(sb, first, t, e.timeNs);
            }
            return first;
        }
        if (e.kind == TraceEvent.API) {
            return instant(sb, first, t, e);
        }
        return first;
    }

    /** Collects the tasks of records [from, to): by task id, their last comm and when their trace ends. */
    private static int scan(Map<Integer, Task> tasks, List<TraceEvent> events, int from, int to) {
        for (int i = from; i < to; i++) {
            TraceEvent e = events.get(i);
            Task t = tasks.get(e.task);
            if (t == null) {
                t = new Task(e.pid, e.cpu);
                tasks.put(e.task, t);
            }
            t.comm = e.comm;
            t.lastNs = e.timeNs;
            if (e.kind == TraceEvent.EVENT && e.name.equals("sched_process_exit")) {
                t.exited = true;
            }
        }
        return to;
    }

    /** Gives every task a unique tid. */
    private static void assignTids(Map<Integer, Task> tasks) {
        Map<Integer, Integer> usedTids = new TreeMap<>();
        int spare = IDLE_TID_BASE + 65_536;
        for (Map.Entry<Integer, Task> en : tasks.entrySet()) {
            Task t = en.getValue();
            int tid = t.pid == 0 && t.cpu > 0 ? IDLE_TID_BASE + t.cpu : t.pid;
            if (usedTids.containsKey(tid)) {
                tid = spare++;
            }
            usedTids.put(tid, en.getKey());
            t.tid = tid;
        }
    }

    /** Starts an event on its own line: {"name":…,"ph":…,"pid":…,"tid":…. Returns false (no longer first). */
    private static boolean open(StringBuilder sb, boolean first, String name, String ph, Task t) {
        sb.append(first ? "\n{" : ",\n{");
        if (name != null) {
            sb.append("\"name\":");
            JsonText.append(sb, name);
            sb.append(',');
        }
        sb.append("\"ph\":\"").append(ph).append("\",\"pid\":").append(t.tid).append(",\"tid\":").append(t.tid);
        return false;
    }

    private static boolean metadata(StringBuilder sb, boolean first, String what, Task t) {
        open(sb, first, what, "M", t);
        sb.append(",\"args\":{\"name\":");
        JsonText.append(sb, t.comm);
        sb.append("}}");
        return false;
    }

    private static boolean begin(StringBuilder sb, boolean first, Task t, TraceEvent e) {
        open(sb, first, e.name, "B", t);
        sb.append(",\"cat\":\"func\",\"ts\":").append(micros(e.timeNs)).append(",\"args\":{\"cpu\":").append(e.cpu);
        if (e.args != null && !e.args.isEmpty()) {
            sb.append(",\"detail\":");
            JsonText.append(sb, e.args);
        }
        sb.append("}}");
        return false;
    }

    /** An E closes the innermost open slice of its thread; it carries no name (nor needs one). */
    private static boolean end(StringBuilder sb, boolean first, Task t, long ns) {
        open(sb, first, null, "E", t);
        sb.append(",\"ts\":").append(micros(ns)).append('}');
        return false;
    }

    /** An API record's args are "target\tresult". */
    private static boolean instant(StringBuilder sb, boolean first, Task t, TraceEvent e) {
        String args = e.args == null ? "" : e.args;
        int tab = args.indexOf('\t');
        open(sb, first, e.name, "i", t);
        sb.append(",\"cat\":\"api\",\"s\":\"t\",\"ts\":").append(micros(e.timeNs)).append(",\"args\":{\"cpu\":")
            .append(e.cpu).append(",\"target\":");
        JsonText.append(sb, tab < 0 ? args : args.substring(0, tab));
        sb.append(",\"result\":");
        JsonText.append(sb, tab < 0 ? "" : args.substring(tab + 1));
        sb.append("}}");
        return false;
    }

    /** Nanoseconds as exact microseconds: "12", "12.5", "12.345". */
    static String micros(long ns) {
        long us = ns / 1000;
        int frac = (int) (ns % 1000);
        if (frac == 0) {
            return Long.toString(us);
        }
        String f = Integer.toString(frac + 1000).substring(1);
        while (f.endsWith("0")) {
            f = f.substring(0, f.length() - 1);
        }
        return us + "." + f;
    }
}
