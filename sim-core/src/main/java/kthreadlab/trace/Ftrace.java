package kthreadlab.trace;

import java.util.List;
import kthreadlab.format.Time;

/**
 * Renders trace events as the text of /sys/kernel/tracing/trace with the nop tracer, in v5.15's
 * layout: "%16s-%-7d [%03d] FLAGS %5lu.%06lu: event: args". The TASK-PID column shows the comm at
 * the time of the event. Function enter/exit and API records are not kernel events and are left out.
 */
public final class Ftrace {
    private Ftrace() {
    }

    public static String header(int cpus, long entries) {
        return "# tracer: nop\n"
            + "#\n"
            + "# entries-in-buffer/entries-written: " + entries + "/" + entries + "   #P:" + cpus + "\n"
            + "#\n"
            + "#                                _-----=> irqs-off\n"
            + "#                               / _----=> need-resched\n"
            + "#                              | / _---=> hardirq/softirq\n"
            + "#                              || / _--=> preempt-depth\n"
            + "#                              ||| / _-=> migrate-disable\n"
            + "#                              |||| /     delay\n"
            + "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
            + "#              | |         |   |||||     |         |\n";
    }

    public static String format(List<TraceEvent> events, int cpus) {
        long n = 0;
        for (TraceEvent e : events) {
            if (e.kind == TraceEvent.EVENT) {
                n++;
            }
        }
        StringBuilder sb = new StringBuilder(header(cpus, n));
        for (TraceEvent e : events) {
            if (e.kind == TraceEvent.EVENT) {
                sb.append(line(e)).append('\n');
            }
        }
        return sb.toString();
    }

    /** One event line, without the newline. */
    public static String line(TraceEvent e) {
        StringBuilder sb = new StringBuilder();
        String comm = e.pid == 0 ? "<idle>" : e.comm;
        padLeft(sb, comm, 16);
        sb.append('-');
        String pid = Integer.toString(e.pid);
        sb.append(pid);
        for (int i = pid.length(); i < 7; i++) {
            sb.append(' ');
        }
        sb.append(" [");
        String cpu = Integer.toString(e.cpu);
        for (int i = cpu.length(); i < 3; i++) {
            sb.append('0');
        }
        sb.append(cpu).append("] ").append(e.flags).append(' ');
        padLeft(sb, Time.seconds(e.timeNs), 12);
        sb.append(": ").append(e.name).append(": ").append(e.args);
        return sb.toString();
    }

    private static void padLeft(StringBuilder sb, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(s);
    }
}
