package kthreadlab.js;

import kthreadlab.cli.Bench;
import kthreadlab.cli.TraceDump;
import kthreadlab.scenario.Presets;

/**
 * Entry point of the Node build: `main(["dump", NAME])` prints TraceDump.preset(NAME);
 * `main(["presets"])` lists preset names; `main(["codecs"])` prints the scenario/link codec dump;
 * `main(["chrome", NAME])` prints the Perfetto export; `main(["bench"])` runs the stress benchmark.
 */
public final class NodeMain {
    private NodeMain() {
    }

    /** The Perfetto export of a preset's run (the page's "download trace" file). */
    public static String chrome(String preset) {
        kthreadlab.scenario.Scenario s = Presets.get(preset).scenario;
        kthreadlab.engine.Machine m = kthreadlab.init.main.Boot.machine(s);
        kthreadlab.trace.TraceLog log = new kthreadlab.trace.TraceLog();
        m.sink = log;
        while (m.step(s.until)) {
            // run to the end
        }
        return kthreadlab.trace.ChromeJson.write(log.events, s);
    }

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("dump")) {
            System.out.print(TraceDump.preset(args[1]));
        } else if (args.length >= 1 && args[0].equals("presets")) {
            for (Presets.Preset p : Presets.all()) {
                System.out.println(p.name);
            }
        } else if (args.length >= 1 && args[0].equals("codecs")) {
            System.out.print(kthreadlab.scenario.CodecDump.dump());
        } else if (args.length >= 2 && args[0].equals("chrome")) {
            System.out.print(chrome(args[1]) + "\n");
        } else if (args.length >= 1 && args[0].equals("bench")) {
            System.out.print(Bench.run(System::currentTimeMillis, "TeaVM JavaScript in Node"));
        } else {
            System.out.println("usage: main(['dump', PRESET]) | main(['presets']) | main(['bench'])");
        }
    }
}
