package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/** One card per CPU: current task, preemption state, and the CFS run queue in vruntime order. */
final class CpuPane implements Pane {
    private final HTMLElement root;
    private final List<HTMLElement> cards = new ArrayList<>();
    private Snapshot prev;

    CpuPane(HTMLElement root) {
        this.root = root;
    }

    @Override
    public void render(StepView v) {
        if (v.snap != null) {
            render(v.snap);
        }
    }

    private void render(Snapshot s) {
        Rows.sync(root, cards, prev == null ? null : prev.cpus, s.cpus, (x, y) -> same(prev, s, x, y), c -> card(s, c));
        prev = s;
    }

    /** The same card: the CPU's fields, its run queue, and the chips of the tasks on it (a: drawn before). */
    private static boolean same(Snapshot a, Snapshot b, Snapshot.CpuView x, Snapshot.CpuView y) {
        if (x.curr != y.curr || x.preemptCount != y.preemptCount || x.needResched != y.needResched
                || x.halted != y.halted || x.online != y.online || x.irqsOff != y.irqsOff
                || x.minVruntime != y.minVruntime || x.nrRunning != y.nrRunning
                || (a.lastCpu == x.cpu) != (b.lastCpu == y.cpu) || x.queue.size() != y.queue.size()
                || !TaskChip.same(a, b, y.curr)) {
            return false;
        }
        for (int k = 0; k < x.queue.size(); k++) {
            Snapshot.QueuedView p = x.queue.get(k);
            Snapshot.QueuedView q = y.queue.get(k);
            if (p.task != q.task || p.vruntime != q.vruntime || !TaskChip.same(a, b, q.task)) {
                return false;
            }
        }
        return true;
    }

    private static HTMLElement card(Snapshot s, Snapshot.CpuView c) {
        HTMLElement card = Dom.el("div", "card cpu" + (s.lastCpu == c.cpu ? " stepped" : ""));
        card.setAttribute("data-cpu", Integer.toString(c.cpu));
        Snapshot.TaskView curr = s.task(c.curr);
        card.setAttribute("data-curr", Fmt.task(curr));
        HTMLElement h = Dom.add(card, "h3", null, "CPU " + c.cpu);
        if (!c.online) {
            Dom.add(h, "span", "badge", "offline");
        } else if (c.halted) {
            Dom.add(h, "span", "badge", "halted");
        }
        if (s.lastCpu == c.cpu) {
            Dom.add(h, "span", "badge hot", "last step");
        }
        HTMLElement cur = Dom.add(card, "div", "curr");
        Dom.add(cur, "span", "k", "curr ");
        HTMLElement chip = TaskChip.of(s, c.curr);
        chip.getClassList().add("curr-task");
        cur.appendChild(chip);
        HTMLElement kv = Dom.add(card, "div", "kv");
        Dom.add(kv, "span", "preempt", "preempt_count " + c.preemptCount);
        Dom.add(kv, "span", "resched", "need_resched " + (c.needResched ? 1 : 0));
        if (c.irqsOff) {
            Dom.add(kv, "span", "irqs", "irqs off");
        }
        Dom.add(kv, "span", "minv", "min_vruntime " + Fmt.ns(c.minVruntime));
        Dom.add(kv, "span", "nr", "nr_running " + c.nrRunning);
        Dom.add(card, "div", "k", "run queue, by vruntime:");
        HTMLElement q = Dom.add(card, "ol", "rq");
        if (c.queue.isEmpty()) {
            Dom.add(q, "li", "empty", "empty");
        }
        for (Snapshot.QueuedView e : c.queue) {
            Snapshot.TaskView t = s.task(e.task);
            HTMLElement li = Dom.add(q, "li", "queued");
            li.setAttribute("data-task", Fmt.task(t));
            li.appendChild(TaskChip.of(s, e.task));
            Dom.add(li, "span", "v", Fmt.ns(e.vruntime));
        }
        return card;
    }
}
