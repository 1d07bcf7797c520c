package kthreadlab.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kthreadlab.init.main.Boot;
import kthreadlab.engine.Machine;
import kthreadlab.history.History;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.source.Anchor;
import kthreadlab.source.Corpus;

/** What the simulator says on the JVM: the expectations the page is checked against. */
final class Jvm {
    static final Corpus CORPUS = Corpus.load();
    private static final Map<String, History> HISTORIES = new HashMap<>();

    private Jvm() {
    }

    /** The snapshot after n steps of a preset, from a straight run (no checkpoints, no replay). */
    static Snapshot at(String preset, long n) {
        Scenario s = Presets.get(preset).scenario;
        Machine m = Boot.machine(s);
        for (long i = 0; i < n; i++) {
            if (!m.step(s.until)) {
                throw new IllegalArgumentException(preset + " has only " + i + " steps");
            }
        }
        return Snapshot.of(m);
    }

    /** A preset's whole recorded run (for step counts, next events and step over). */
    static synchronized History history(String preset) {
        History h = HISTORIES.get(preset);
        if (h == null) {
            h = new History(Presets.get(preset).scenario);
            h.recordAll();
            HISTORIES.put(preset, h);
        }
        return h;
    }

    /** The real line a frame is at, or 0 when it is not in the corpus. */
    static int line(Snapshot.FrameView f) {
        try {
            return CORPUS.file(f.file) == null ? 0
                : CORPUS.resolve(new Anchor(f.file, f.function, f.text, f.occurrence));
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** CPU cards as the page should show them: [cpu, curr, kv text, queue "task vruntime" entries]. */
    static List<List<Object>> cpuCards(Snapshot s) {
        List<List<Object>> out = new ArrayList<>();
        for (Snapshot.CpuView c : s.cpus) {
            List<Object> row = new ArrayList<>();
            row.add(Integer.toString(c.cpu));
            row.add(Fmt.task(s, c.curr));
            row.add("preempt_count " + c.preemptCount + "|need_resched " + (c.needResched ? 1 : 0)
                + (c.irqsOff ? "|irqs off" : "") + "|min_vruntime " + Fmt.ns(c.minVruntime) + "|nr_running " + c.nrRunning);
            List<Object> q = new ArrayList<>();
            for (Snapshot.QueuedView e : c.queue) {
                q.add(Fmt.task(s, e.task) + " " + Fmt.ns(e.vruntime));
            }
            row.add(q);
            out.add(row);
        }
        return out;
    }

    /** Task rows: [id, pid, ppid, comm, state, cpu, vruntime, "fn:line fn:line …"]. */
    static List<List<Object>> taskRows(Snapshot s) {
        List<List<Object>> out = new ArrayList<>();
        for (Snapshot.TaskView t : s.tasks) {
            List<Object> row = new ArrayList<>();
            row.add(Integer.toString(t.id));
            row.add(Integer.toString(t.pid));
            row.add(Integer.toString(t.ppid));
            row.add(t.comm);
            row.add(t.state);
            row.add(Integer.toString(t.cpu));
            row.add(Fmt.ns(t.vruntime));
            StringBuilder frames = new StringBuilder();
            for (Snapshot.FrameView f : t.frames) {
                int line = line(f);
                frames.append(f.function).append(line > 0 ? ":" + line : "").append(' ');
            }
            row.add(frames.toString().trim());
            out.add(row);
        }
        return out;
    }

    /** Kernel objects: [create list ids, lock text, completion rows, create cards]. */
    static List<Object> objects(Snapshot s) {
        List<Object> list = new ArrayList<>();
        for (int id : s.createList) {
            list.add(Integer.toString(id));
        }
        String lock = s.lockHolder < 0 ? "unlocked" : "held by " + Fmt.task(s, s.lockHolder) + " on CPU " + s.lockHolderCpu;
        StringBuilder spin = new StringBuilder();
        for (int t : s.lockSpinners) {
            spin.append(Fmt.task(s, t)).append(' ');
        }
        lock += "|" + (s.lockSpinners.isEmpty() ? "no one spinning" : "spinning: " + spin.toString().trim());
        List<Object> comps = new ArrayList<>();
        for (Snapshot.CompletionView c : s.completions) {
            StringBuilder w = new StringBuilder();
            for (int t : c.waiters) {
                w.append(Fmt.task(s, t)).append(' ');
            }
            comps.add(c.label + "|" + c.done + "|" + (c.waiters.isEmpty() ? "no waiters" : w.toString().trim()));
        }
        List<Object> creates = new ArrayList<>();
        for (Snapshot.CreateView k : s.creates) {
            creates.add(k.id + "|" + k.stage + "|" + Fmt.task(s, k.creator) + "|done → " + Fmt.completion(s, k.done)
                + " · result " + Fmt.result(s, k.result) + "|" + String.join("/", k.history));
        }
        List<Object> out = new ArrayList<>();
        out.add(list);
        out.add(lock);
        out.add(comps);
        out.add(creates);
        return out;
    }
}
