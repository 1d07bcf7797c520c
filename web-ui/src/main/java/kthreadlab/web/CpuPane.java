package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One card per CPU: current task, preemption state, and the CFS run queue in vruntime order.
 * Cards are updated in place: a seek changes every CPU, but mostly numbers and a few chips, so
 * only the texts, attributes and chips that differ from what a card shows are written. A card
 * updated so ends as a fresh card of the same CPU would be (LiveViewTest compares them).
 */
final class CpuPane implements Pane {
    private final Rows.Kept<Snapshot.CpuView, Card> cards;

    CpuPane(HTMLElement root) {
        cards = new Rows.Kept<>(root, Card::new);
    }

    @Override
    public void render(StepView v) {
        if (v.snap != null) {
            cards.sync(v.snap, v.snap.cpus);
        }
    }

    /** One CPU's card and the parts of it that change, with what they show. */
    private static final class Card extends Rows.Part<Snapshot.CpuView> {
        final HTMLElement h;
        final HTMLElement cur;
        HTMLElement currChip;
        final HTMLElement kv;
        final HTMLElement preempt;
        final HTMLElement resched;
        final HTMLElement irqs;
        final HTMLElement minv;
        final HTMLElement nr;
        final HTMLElement rq;
        final HTMLElement empty;
        final List<HTMLElement> queued = new ArrayList<>();
        /** The queue shows "empty" (no entries). */
        boolean emptyShown;
        /** The card is the last step's CPU. */
        boolean stepped;

        Card() {
            super(Dom.el("div", "card cpu"));
            el.setAttribute("data-cpu", "");
            el.setAttribute("data-curr", "");
            h = Dom.add(el, "h3", null);
            cur = Dom.add(el, "div", "curr");
            Dom.add(cur, "span", "k", "curr ");
            kv = Dom.add(el, "div", "kv");
            preempt = Dom.add(kv, "span", "preempt", "");
            resched = Dom.add(kv, "span", "resched", "");
            irqs = Dom.el("span", "irqs", "irqs off");
            minv = Dom.add(kv, "span", "minv", "");
            nr = Dom.add(kv, "span", "nr", "");
            Dom.add(el, "div", "k", "run queue, by vruntime:");
            rq = Dom.add(el, "ol", "rq");
            empty = Dom.el("li", "empty", "empty");
        }

        @Override
        void draw(Snapshot a, Snapshot.CpuView was, Snapshot s, Snapshot.CpuView c) {
            boolean hot = s.lastCpu == c.cpu;
            if (was == null || hot != stepped || was.cpu != c.cpu || was.online != c.online || was.halted != c.halted) {
                el.setClassName("card cpu" + (hot ? " stepped" : ""));
                el.setAttribute("data-cpu", Integer.toString(c.cpu));
                heading(c, hot);
            }
            stepped = hot;
            if (was == null || was.curr != c.curr || !TaskChip.same(a, s, c.curr)) {
                el.setAttribute("data-curr", Fmt.task(s.task(c.curr)));
                HTMLElement chip = TaskChip.of(s, c.curr);
                chip.getClassList().add("curr-task");
                if (currChip == null) {
                    cur.appendChild(chip);
                } else {
                    cur.replaceChild(chip, currChip);
                }
                currChip = chip;
            }
            if (was == null || was.preemptCount != c.preemptCount) {
                Dom.text(preempt, "preempt_count " + c.preemptCount);
            }
            if (was == null || was.needResched != c.needResched) {
                Dom.text(resched, "need_resched " + (c.needResched ? 1 : 0));
            }
            if (was == null || was.irqsOff != c.irqsOff) {
                if (c.irqsOff) {
                    kv.insertBefore(irqs, minv);
                } else if (was != null) {
                    kv.removeChild(irqs);
                }
            }
            if (was == null || was.minVruntime != c.minVruntime) {
                Dom.text(minv, "min_vruntime " + Fmt.ns(c.minVruntime));
            }
            if (was == null || was.nrRunning != c.nrRunning) {
                Dom.text(nr, "nr_running " + c.nrRunning);
            }
            queue(a, was, s, c);
        }

        /** "CPU n", then a badge for an offline or halted CPU and one for the last step's. */
        private void heading(Snapshot.CpuView c, boolean hot) {
            Dom.clear(h);
            Dom.addText(h, "CPU " + c.cpu);
            if (!c.online) {
                Dom.add(h, "span", "badge", "offline");
            } else if (c.halted) {
                Dom.add(h, "span", "badge", "halted");
            }
            if (hot) {
                Dom.add(h, "span", "badge hot", "last step");
            }
        }

        /** The run queue's entries updated in place: a changed task gets its chip, a changed vruntime its text. */
        private void queue(Snapshot a, Snapshot.CpuView was, Snapshot s, Snapshot.CpuView c) {
            int n = c.queue.size();
            if (n == 0) {
                if (!emptyShown) {
                    Dom.clear(rq);
                    queued.clear();
                    rq.appendChild(empty);
                    emptyShown = true;
                }
                return;
            }
            if (emptyShown) {
                rq.removeChild(empty);
                emptyShown = false;
            }
            while (queued.size() > n) {
                rq.removeChild(queued.remove(queued.size() - 1));
            }
            for (int k = 0; k < n; k++) {
                Snapshot.QueuedView e = c.queue.get(k);
                if (k == queued.size()) {
                    HTMLElement li = Dom.add(rq, "li", "queued");
                    li.setAttribute("data-task", Fmt.task(s.task(e.task)));
                    li.appendChild(TaskChip.of(s, e.task));
                    Dom.add(li, "span", "v", Fmt.ns(e.vruntime));
                    queued.add(li);
                    continue;
                }
                Snapshot.QueuedView p = was.queue.get(k);
                HTMLElement li = queued.get(k);
                if (p.task != e.task || !TaskChip.same(a, s, e.task)) {
                    li.setAttribute("data-task", Fmt.task(s.task(e.task)));
                    li.replaceChild(TaskChip.of(s, e.task), li.getFirstChild());
                }
                if (p.vruntime != e.vruntime) {
                    Dom.text((HTMLElement) li.getLastChild(), Fmt.ns(e.vruntime));
                }
            }
        }
    }
}
