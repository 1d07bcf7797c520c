package kthreadlab.cli;

import kthreadlab.engine.Machine;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TraceLog;

/**
 * Everything observable of one preset's run as text (every step's line, the ftrace text, the API
 * results and the final ps): what the JVM-vs-JavaScript determinism test compares byte for byte.
 */
public final class TraceDump {
    private TraceDump() {
    }

    public static String preset(String name) {
        Scenario s = Presets.get(name).scenario;
        Machine m = Boot.machine(s);
        TraceLog log = new TraceLog();
        m.sink = log;
        StringBuilder sb = new StringBuilder("== ").append(name).append('\n');
        while (m.step(s.until)) {
            sb.append(Reports.stepLine(m)).append('\n');
        }
        sb.append(Ftrace.format(log.events, s.cpus));
        sb.append(Reports.api(log.events));
        sb.append(Reports.ps(m));
        if (m.bug != null) {
            sb.append(m.bug).append('\n');
        }
        return sb.toString();
    }
}
