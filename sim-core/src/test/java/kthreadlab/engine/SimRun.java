package kthreadlab.engine;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.trace.TraceEvent;
import kthreadlab.trace.TraceLog;

/** Runs a scenario to its end with the invariants checked after every step. */
public final class SimRun {
    public final Machine machine;
    public final List<TraceEvent> events;

    private SimRun(Machine machine, List<TraceEvent> events) {
        this.machine = machine;
        this.events = events;
    }

    public static SimRun preset(String name) {
        return run(Presets.get(name).scenario);
    }

    public static SimRun run(Scenario s) {
        Machine m = Boot.machine(s);
        TraceLog log = new TraceLog();
        m.sink = log;
        Invariants inv = new Invariants();
        while (m.bug == null && m.step(s.until)) {
            inv.check(m);
        }
        return new SimRun(m, log.events);
    }

    /** The kernel tracepoint records, in order. */
    public List<TraceEvent> tracepoints() {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e.kind == TraceEvent.EVENT) {
                out.add(e);
            }
        }
        return out;
    }

    public List<TraceEvent> api() {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e.kind == TraceEvent.API) {
                out.add(e);
            }
        }
        return out;
    }
}
