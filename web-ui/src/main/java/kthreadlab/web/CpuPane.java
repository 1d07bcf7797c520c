package kthreadlab.web;

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
        cards = new Rows.Kept<>(root, Card::new, null);
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
        final Rows.Kept<Snapshot.QueuedView, Queued> queue;

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
            queue = new Rows.Kept<>(Dom.add(el, "ol", "rq"), Queued::new, Dom.el("li", "empty", "empty"));
        }

        @Override
        void draw(Snapshot a, Snapshot.CpuView was, Snapshot s, Snapshot.CpuView c) {
            boolean hot = s.lastCpu == c.cpu;
            if (was == null || hot != (a.lastCpu == was.cpu) || was.cpu != c.cpu || was.online != c.online
                    || was.halted != c.halted) {
                el.setClassName("card cpu" + (hot ? " stepped" : ""));
                el.setAttribute("data-cpu", Integer.toString(c.cpu));
                heading(c, hot);
            }
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
            queue.sync(s, c.queue);
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
    }

    /** A run queue entry: the task's chip and its vruntime. */
    private static final class Queued extends Rows.Part<Snapshot.QueuedView> {
        final HTMLElement v;

        Queued() {
            super(Dom.el("li", "queued"));
            el.setAttribute("data-task", "");
            el.appendChild(Dom.el("span", null));
            v = Dom.add(el, "span", "v", "");
        }

        @Override
        void draw(Snapshot a, Snapshot.QueuedView was, Snapshot s, Snapshot.QueuedView e) {
            if (was == null || was.task != e.task || !TaskChip.same(a, s, e.task)) {
                el.setAttribute("data-task", Fmt.task(s.task(e.task)));
                el.replaceChild(TaskChip.of(s, e.task), el.getFirstChild());
            }
            if (was == null || was.vruntime != e.vruntime) {
                Dom.text(v, Fmt.ns(e.vruntime));
            }
        }
    }
}
