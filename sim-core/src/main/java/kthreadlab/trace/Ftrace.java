package kthreadlab.trace;

import java.util.List;
import kthreadlab.format.Time;
import kthreadlab.scenario.JsonText;

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
        return TextExport.all(new Writer(events, cpus, -1, false));
    }

    /**
     * The ftrace text in pieces. `eventCount` is the number of EVENT records if known (a History
     * keeps them apart), else -1 to count them first. With `json`, the text is written escaped as
     * the inside of a JSON string literal (for Chrome JSON's systemTraceEvents), without quotes.
     */
    public static final class Writer implements TextExport {
        private final List<TraceEvent> events;
        private final int cpus;
        private final boolean json;
        private long count;
        private int counted;
        private int at;
        private boolean headerDone;
        private final StringBuilder buf = new StringBuilder();
        private final boolean counting;

        public Writer(List<TraceEvent> events, int cpus, long eventCount, boolean json) {
            this.events = events;
            this.cpus = cpus;
            this.json = json;
            this.count = eventCount;
            this.counting = eventCount < 0;
            this.counted = eventCount >= 0 ? events.size() : 0;
        }

        @Override
        public boolean next(StringBuilder out, int budget) {
            int n = events.size();
            if (counted < n) {
                int stop = (int) Math.min(n, (long) counted + budget);
                long c = Math.max(count, 0);
                for (; counted < stop; counted++) {
                    if (events.get(counted).kind == TraceEvent.EVENT) {
                        c++;
                    }
                }
                count = c;
                return false;
            }
            if (!headerDone) {
                headerDone = true;
                put(out, header(cpus, Math.max(count, 0)));
                return n == 0;
            }
            int stop = (int) Math.min(n, (long) at + budget);
            for (; at < stop; at++) {
                TraceEvent e = events.get(at);
                if (e.kind == TraceEvent.EVENT) {
                    buf.setLength(0);
                    buf.append(line(e)).append('\n');
                    put(out, buf);
                }
            }
            return at >= n;
        }

        private void put(StringBuilder out, CharSequence text) {
            if (json) {
                JsonText.appendInside(out, text);
            } else {
                out.append(text);
            }
        }

        @Override
        public long done() {
            return (counting ? counted : 0) + (long) at;
        }

        @Override
        public long total() {
            return Math.max(1, (counting ? 2L : 1L) * events.size());
        }
    }

    /** One event line, without the newline. */
    public static String line(TraceEvent e) {
        // sized once: the page's StringBuilder grows by copying
        StringBuilder sb = new StringBuilder(64 + e.name.length() + e.args.length());
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
