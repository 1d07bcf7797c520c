package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/** One card per CPU: current task, preemption state, and the CFS run queue in vruntime order. */
final class CpuPane {
    private final HTMLElement root;
    private final List<HTMLElement> cards = new ArrayList<>();
    private Snapshot prev;

    CpuPane(HTMLElement root) {
        this.root = root;
    }

    void render(Snapshot s) {
        int cpus = s.cpus.size();
        for (int i = 0; i < cpus; i++) {
            if (i < cards.size() && Same.cpu(prev, s, i)) {
                continue;
            }
            HTMLElement card = card(s, s.cpus.get(i));
            if (i < cards.size()) {
                root.replaceChild(card, cards.get(i));
                cards.set(i, card);
            } else {
                root.appendChild(card);
                cards.add(card);
            }
        }
        while (cards.size() > cpus) {
            root.removeChild(cards.remove(cards.size() - 1));
        }
        prev = s;
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
            li.appendChild(Dom.chip(Fmt.task(t), Palette.slot(t.id, cpus, t.idle)));
            Dom.add(li, "span", "v", Fmt.ns(e.vruntime));
        }
        return card;
    }
}
