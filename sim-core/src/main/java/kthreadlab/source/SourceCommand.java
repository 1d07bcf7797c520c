// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

import java.io.PrintStream;

/**
 * Command line: {@code source --list} prints "PATH TAB VERSION" per corpus file;
 * {@code source FILE} prints the file as "LINE TAB TEXT". A leading "source" word is accepted.
 */
public final class SourceCommand {
    private SourceCommand() {
    }

    public static int sourceCommand(String[] args, PrintStream out, PrintStream err) {
        int i = 0;
        if (args.length > 0 && "source".equals(args[0])) {
            i = 1;
        }
        if (args.length - i != 1) {
            err.println("usage: source --list | source FILE   (e.g. source kernel/kthread.c)");
            return 2;
        }
        String arg = args[i];
        Corpus corpus = Corpus.load();
        if ("--list".equals(arg)) {
            for (SourceFile f : corpus.files()) {
                out.println(f.path() + "\t" + f.version());
            }
            return 0;
        }
        SourceFile f = corpus.file(arg);
        if (f == null) {
            err.println("source: unknown file '" + arg + "' (see source --list)");
            return 2;
        }
        for (SourceLine l : f.lines()) {
            out.println(l.number() + "\t" + l.text());
        }
        return 0;
    }
}
