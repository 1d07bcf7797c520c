package kthreadlab.cli;

import java.io.PrintStream;
import java.util.List;
import kthreadlab.engine.Boot;
import kthreadlab.engine.Machine;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TraceEvent;
import kthreadlab.trace.TraceLog;

/** java -jar kthreadlab.jar: presets, run, source, bench. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: kthreadlab (presets | run FILE|--preset NAME [--format ftrace|ps|api] | source FILE|--list)");
            return 2;
        }
        switch (args[0]) {
            case "presets":
                for (Presets.Preset p : Presets.all()) {
                    out.println(p.name + "\t" + p.scenario.title);
                }
                return 0;
            case "run":
                return runCommand(args, out, err);
            case "bench":
                out.print(Bench.run(System::currentTimeMillis, "JVM " + System.getProperty("java.version")));
                return 0;
            case "source":
                return kthreadlab.source.SourceCommand.sourceCommand(
                    java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            default:
                err.println("kthreadlab: unknown command '" + args[0] + "'");
                return 2;
        }
    }

    private static int runCommand(String[] args, PrintStream out, PrintStream err) {
        Scenario s = null;
        String format = "ftrace";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--preset") && i + 1 < args.length) {
                Presets.Preset p = Presets.get(args[++i]);
                if (p == null) {
                    err.println("kthreadlab: no preset named '" + args[i] + "'");
                    return 2;
                }
                s = p.scenario;
            } else if (args[i].equals("--format") && i + 1 < args.length) {
                format = args[++i];
            }
        }
        if (s == null) {
            err.println("kthreadlab: run needs FILE or --preset NAME");
            return 2;
        }
        Machine m = Boot.machine(s);
        TraceLog log = new TraceLog();
        m.sink = log;
        StringBuilder steps = new StringBuilder();
        kthreadlab.engine.Invariants inv = new kthreadlab.engine.Invariants();
        while (m.step(s.until)) {
            inv.check(m);
            if (format.equals("steps")) {
                steps.append(Reports.stepLine(m)).append('\n');
            }
            if (m.bug != null) {
                break;
            }
        }
        out.print(steps);
        if (!format.equals("steps")) {
            print(m, log.events, format, out);
        }
        if (m.bug != null) {
            err.println(m.bug);
            return 3;
        }
        return 0;
    }

    private static void print(Machine m, List<TraceEvent> events, String format, PrintStream out) {
        if (format.equals("ps")) {
            out.print(Reports.ps(m));
        } else if (format.equals("api")) {
            out.print(Reports.api(events));
        } else {
            out.print(Ftrace.format(events, m.config.cpus));
        }
    }
}
