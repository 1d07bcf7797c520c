package kthreadlab.js;

import kthreadlab.cli.Bench;
import kthreadlab.cli.TraceDump;
import kthreadlab.scenario.Presets;

/**
 * Entry point of the Node build: `main(["dump", NAME])` prints TraceDump.preset(NAME);
 * `main(["presets"])` lists preset names; `main(["bench"])` runs the stress benchmark.
 */
public final class NodeMain {
    private NodeMain() {
    }

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("dump")) {
            System.out.print(TraceDump.preset(args[1]));
        } else if (args.length >= 1 && args[0].equals("presets")) {
            for (Presets.Preset p : Presets.all()) {
                System.out.println(p.name);
            }
        } else if (args.length >= 1 && args[0].equals("bench")) {
            System.out.print(Bench.run(System::currentTimeMillis, "TeaVM JavaScript in Node"));
        } else {
            System.out.println("usage: main(['dump', PRESET]) | main(['presets']) | main(['bench'])");
        }
    }
}
