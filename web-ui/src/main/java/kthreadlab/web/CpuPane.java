package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/** One card per CPU: current task, preemption state, and the CFS run queue in vruntime order. */
final class CpuPane {
    private final HTMLElement root;
    private final List<HTMLElement> cards = new ArrayList<>();
    private final List<String> sigs = new ArrayList<>();

    CpuPane(HTMLElement root) {
        this.root = root;
    }

    void render(Snapshot s) {
        int cpus = s.cpus.size();
        for (int i = 0; i < cpus; i++) {
            Snapshot.CpuView c = s.cpus.get(i);
            String sig = signature(s, c);
            if (i < cards.size() && sig.equals(sigs.get(i))) {
                continue;
            }
            HTMLElement card = card(s, c);
            if (i < cards.size()) {
                root.replaceChild(card, cards.get(i));
                cards.set(i, card);
                sigs.set(i, sig);
            } else {
                root.appendChild(card);
                cards.add(card);
                sigs.add(sig);
            }
        }
        while (cards.size() > cpus) {
            root.removeChild(cards.remove(cards.size() - 1));
            sigs.remove(sigs.size() - 1);
        }
    }

    private static String signature(Snapshot s, Snapshot.CpuView c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.curr).append(Fmt.task(s, c.curr)).append('|').append(c.preemptCount).append(c.needResched)
            .append(c.halted).append(c.online).append(c.irqsOff).append('|').append(c.minVruntime).append('|')
            .append(c.nrRunning).append('|').append(s.lastCpu == c.cpu);
        for (Snapshot.QueuedView q : c.queue) {
            sb.append(q.task).append(Fmt.task(s, q.task)).append('@').append(q.vruntime).append(',');
        }
        return sb.toString();
    }

    private static HTMLElement card(Snapshot s, Snapshot.CpuView c) {
        int cpus = s.cpus.size();
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
        HTMLElement chip = Dom.chip(Fmt.task(curr), Palette.slot(curr.id, cpus, curr.idle));
        chip.getClassList().add("curr-task");
        cur.appendChild(chip);
        Dom.add(card, "div", "kv", "preempt_count " + c.preemptCount + " · need_resched " + (c.needResched ? 1 : 0)
            + (c.irqsOff ? " · irqs off" : ""));
        Dom.add(card, "div", "kv", "min_vruntime " + Fmt.ns(c.minVruntime) + " · nr_running " + c.nrRunning);
        Dom.add(card, "div", "k", "run queue, by vruntime:");
        HTMLElement q = Dom.add(card, "ol", "rq");
        if (c.queue.isEmpty()) {
            Dom.add(q, "li", "empty", "empty");
        }
        for (Snapshot.QueuedView e : c.queue) {
            Snapshot.TaskView t = s.task(e.task);
            HTMLElement li = Dom.add(q, "li", "queued");
            li.setAttribute("data-task", Fmt.task(t));
            li.appendChild(Dom.chip(Fmt.task(t), Palette.slot(t.id, cpus, t.idle)));
            Dom.add(li, "span", "v", Fmt.ns(e.vruntime));
        }
        return card;
    }
}
