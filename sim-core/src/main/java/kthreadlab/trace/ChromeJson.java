package kthreadlab.trace;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Times are microseconds written exactly from nanoseconds ("1003.25"), so the output is the same
 * text on the JVM and in the browser.
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
        Map<Integer, Task> tasks = tasks(events);
        long endNs = 0;
        for (TraceEvent e : events) {
            endNs = Math.max(endNs, e.timeNs);
        }
        StringWriter out = new StringWriter();
        try {
            JsonWriter w = new JsonWriter(out);
            w.beginObject();
            w.name("traceEvents").beginArray();
            for (Task t : tasks.values()) {
                metadata(w, "process_name", t);
                metadata(w, "thread_name", t);
            }
            for (TraceEvent e : events) {
                Task t = tasks.get(e.task);
                if (e.kind == TraceEvent.FUNC_ENTER) {
                    t.open.add(e.name);
                    begin(w, t, e);
                } else if (e.kind == TraceEvent.FUNC_EXIT) {
                    int at = t.open.lastIndexOf(e.name);
                    while (at >= 0 && t.open.size() > at) {
                        t.open.remove(t.open.size() - 1);
                        end(w, t, e.timeNs);
                    }
                } else if (e.kind == TraceEvent.API) {
                    instant(w, t, e);
                }
            }
            for (Task t : tasks.values()) {
                long close = t.exited ? t.lastNs : endNs;
                while (!t.open.isEmpty()) {
                    t.open.remove(t.open.size() - 1);
                    end(w, t, close);
                }
            }
            w.endArray();
            w.name("systemTraceEvents").value(Ftrace.format(events, cpus));
            w.name("displayTimeUnit").value("ns");
            w.endObject();
            w.flush();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return out.toString();
    }

    /** Every task of the trace by task id, with a unique tid, its last comm and when its trace ends. */
    private static Map<Integer, Task> tasks(List<TraceEvent> events) {
        Map<Integer, Task> tasks = new TreeMap<>();
        for (TraceEvent e : events) {
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
        return tasks;
    }

    private static void metadata(JsonWriter w, String what, Task t) throws IOException {
        w.beginObject();
        w.name("name").value(what);
        w.name("ph").value("M");
        w.name("pid").value(t.tid);
        w.name("tid").value(t.tid);
        w.name("args").beginObject().name("name").value(t.comm).endObject();
        w.endObject();
    }

    private static void begin(JsonWriter w, Task t, TraceEvent e) throws IOException {
        w.beginObject();
        w.name("name").value(e.name);
        w.name("cat").value("func");
        w.name("ph").value("B");
        w.name("ts").jsonValue(micros(e.timeNs));
        w.name("pid").value(t.tid);
        w.name("tid").value(t.tid);
        w.name("args").beginObject();
        w.name("cpu").value(e.cpu);
        if (e.args != null && !e.args.isEmpty()) {
            w.name("detail").value(e.args);
        }
        w.endObject();
        w.endObject();
    }

    /** An E closes the innermost open slice of its thread; it carries no name (nor needs one). */
    private static void end(JsonWriter w, Task t, long ns) throws IOException {
        w.beginObject();
        w.name("ph").value("E");
        w.name("ts").jsonValue(micros(ns));
        w.name("pid").value(t.tid);
        w.name("tid").value(t.tid);
        w.endObject();
    }

    /** An API record's args are "target\tresult". */
    private static void instant(JsonWriter w, Task t, TraceEvent e) throws IOException {
        String args = e.args == null ? "" : e.args;
        int tab = args.indexOf('\t');
        w.beginObject();
        w.name("name").value(e.name);
        w.name("cat").value("api");
        w.name("ph").value("i");
        w.name("s").value("t");
        w.name("ts").jsonValue(micros(e.timeNs));
        w.name("pid").value(t.tid);
        w.name("tid").value(t.tid);
        w.name("args").beginObject();
        w.name("cpu").value(e.cpu);
        w.name("target").value(tab < 0 ? args : args.substring(0, tab));
        w.name("result").value(tab < 0 ? "" : args.substring(tab + 1));
        w.endObject();
        w.endObject();
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
