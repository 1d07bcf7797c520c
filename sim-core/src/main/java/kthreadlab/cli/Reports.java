package kthreadlab.cli;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.format.Time;
import kthreadlab.state.TaskState;
import kthreadlab.trace.TraceEvent;

/** The ps and api reports of the command line. */
public final class Reports {
    private Reports() {
    }

    /** ps: every live task but the idle ones, in pid order: PID PPID S PSR COMM. */
    public static String ps(Machine m) {
        List<TaskStruct> live = new ArrayList<>();
        for (TaskStruct t : m.tasks) {
            if (!t.isIdle && !t.reaped && t.exitState != TaskState.EXIT_DEAD && t.pid > 0) {
                live.add(t);
            }
        }
        live.sort((a, b) -> Integer.compare(a.pid, b.pid));
        StringBuilder sb = new StringBuilder("  PID  PPID S PSR COMM\n");
        for (TaskStruct t : live) {
            int ppid = t.parent >= 0 ? m.task(t.parent).pid : 0;
            pad(sb, Integer.toString(t.pid), 5);
            sb.append(' ');
            pad(sb, Integer.toString(ppid), 5);
            sb.append(' ').append(t.exitState == TaskState.EXIT_ZOMBIE ? "Z" : TaskState.letter(t.state)).append(' ');
            pad(sb, Integer.toString(t.cpu), 3);
            sb.append(' ').append(t.comm).append('\n');
        }
        return sb.toString();
    }

    /** api: one line per completed creator API call: time, caller, call, target, result. */
    public static String api(List<TraceEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (TraceEvent e : events) {
            if (e.kind == TraceEvent.API) {
                sb.append(Time.seconds(e.timeNs)).append('\t').append(e.comm).append('\t').append(e.name)
                    .append('\t').append(e.args).append('\n');
            }
        }
        return sb.toString();
    }

    /** steps: one line per executed step: step, time, CPU, task, function and the line's text. */
    public static String stepLine(Machine m) {
        TaskStruct t = m.task(m.lastTask);
        return m.steps + "\t" + Time.seconds(m.now) + "\t[" + m.lastCpu + "]\t" + t.comm + "-" + t.pid + "\t"
            + m.lastFunction + "\t" + m.lastText;
    }

    private static void pad(StringBuilder sb, String s, int w) {
        for (int i = s.length(); i < w; i++) {
            sb.append(' ');
        }
        sb.append(s);
    }
}
