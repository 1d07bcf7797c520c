package kthreadlab.cli;

import java.io.PrintStream;
import java.util.List;
import kthreadlab.engine.Machine;
import kthreadlab.init.main.Boot;
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
            err.println("usage: kthreadlab presets | run (FILE | --preset NAME) [--format ftrace|ps|api|chrome|steps]"
                + " [--until DURATION] | source (FILE | --list) | bench");
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
        Long until = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--preset") && i + 1 < args.length) {
                Presets.Preset p = Presets.get(args[++i]);
                if (p == null) {
                    err.println("kthreadlab: no preset named '" + args[i] + "' (see: kthreadlab presets)");
                    return 2;
                }
                s = p.scenario;
            } else if (a.equals("--format") && i + 1 < args.length) {
                format = args[++i];
                if (!FORMATS.contains(format)) {
                    err.println("kthreadlab: --format " + format + " is not one of " + FORMATS);
                    return 2;
                }
            } else if (a.equals("--until") && i + 1 < args.length) {
                try {
                    until = kthreadlab.scenario.Durations.parse(args[++i], "--until");
                } catch (kthreadlab.scenario.ScenarioException e) {
                    err.println("kthreadlab: " + e.getMessage());
                    return 2;
                }
            } else if (!a.startsWith("--") && s == null) {
                try {
                    s = kthreadlab.scenario.ScenarioFile.read(InputFile.read(a));
                } catch (kthreadlab.scenario.ScenarioException e) {
                    err.println("kthreadlab: " + a + ": " + e.getMessage());
                    return 2;
                }
            } else {
                err.println("kthreadlab: run: unexpected argument '" + a + "'");
                return 2;
            }
        }
        if (s == null) {
            err.println("kthreadlab: run needs FILE or --preset NAME");
            return 2;
        }
        long end = until != null ? until : s.until;
        Machine m = Boot.machine(s);
        TraceLog log = new TraceLog();
        m.sink = log;
        StringBuilder steps = new StringBuilder();
        kthreadlab.engine.Invariants inv = new kthreadlab.engine.Invariants();
        try {
            while (m.step(end)) {
                inv.checkStep(m);
                if (format.equals("steps")) {
                    steps.append(Reports.stepLine(m)).append('\n');
                }
                if (m.bug != null) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // A simulator failure is a bug of the simulator, reported like a broken invariant.
            m.bug("simulator error: " + e);
        }
        out.print(steps);
        if (!format.equals("steps")) {
            print(m, s, log.events, format, out);
        }
        if (m.bug != null) {
            err.println(m.bug);
            return 3;
        }
        return 0;
    }

    static final java.util.List<String> FORMATS = java.util.Arrays.asList("ftrace", "ps", "api", "chrome", "steps");

    private static void print(Machine m, Scenario s, List<TraceEvent> events, String format, PrintStream out) {
        if (format.equals("chrome")) {
            out.print(kthreadlab.trace.ChromeJson.write(events, s));
        } else if (format.equals("ps")) {
            out.print(Reports.ps(m));
        } else if (format.equals("api")) {
            out.print(Reports.api(events));
        } else {
            out.print(Ftrace.format(events, m.config.cpus));
        }
    }
}
