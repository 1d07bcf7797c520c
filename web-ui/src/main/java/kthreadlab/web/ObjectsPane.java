package kthreadlab.web;

import kthreadlab.snapshot.Snapshot;
import kthreadlab.state.Lifecycle;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The kthread creation objects: kthread_create_list in order, kthread_create_lock with its holder
 * and spinners, the completions with done and waiters, and every kthread_create_info with its
 * lifecycle (the worker pools are PoolsPane). The list and the lock are rebuilt when their content
 * changes; the completion rows and the create cards are updated in place (a seek changes most of
 * them a little), each ending as a freshly built one would be (LiveViewTest compares them).
 */
final class ObjectsPane implements Pane {
    private final HTMLElement list;
    private final HTMLElement lock;
    private Snapshot prev;
    /** Create cards and completion rows by place, updated in place (Rows.Kept). */
    private final Rows.Kept<Snapshot.CreateView, CreateCard> cards;
    private final Rows.Kept<Snapshot.CompletionView, CompletionRow> compRows;

    ObjectsPane() {
        list = Dom.byId("obj-list");
        lock = Dom.byId("obj-lock");
        cards = new Rows.Kept<>(Dom.byId("obj-creates"), CreateCard::new,
            Dom.el("p", "muted", "no kthread_create_info allocated yet"));
        HTMLElement noCompletion = Dom.el("tr", "empty");
        noCompletion.appendChild(Dom.el("td", null, "none yet"));
        compRows = new Rows.Kept<>(Dom.byId("obj-completions"), CompletionRow::new, noCompletion);
    }

    @Override
    public void render(StepView v) {
        Snapshot s = v.snap;
        if (s == null) {
            return;
        }
        if (!sameList(prev, s)) {
            renderList(s);
        }
        if (!sameLock(prev, s)) {
            renderLock(s);
        }
        compRows.sync(s, s.completions);
        cards.sync(s, s.creates);
        prev = s;
    }

    private void renderList(Snapshot s) {
        Dom.clear(list);
        if (s.createList.isEmpty()) {
            Dom.add(list, "li", "empty", "empty (list_empty(&kthread_create_list))");
            return;
        }
        for (int id : s.createList) {
            Snapshot.CreateView k = create(s, id);
            HTMLElement li = Dom.add(list, "li", "queued-create");
            li.setAttribute("data-create", Integer.toString(id));
            Dom.addText(li, k == null ? "create#" + id : "create#" + id + " " + k.threadfn + " \"" + k.name + "\"");
        }
    }

    private void renderLock(Snapshot s) {
        Dom.clear(lock);
        HTMLElement holder = Dom.add(lock, "div", "holder");
        if (s.lockHolder < 0) {
            Dom.addText(holder, "unlocked");
        } else {
            Dom.addText(holder, "held by ");
            holder.appendChild(TaskChip.of(s, s.lockHolder));
            Dom.addText(holder, " on CPU " + s.lockHolderCpu);
        }
        HTMLElement sp = Dom.add(lock, "div", "spinners");
        if (s.lockSpinners.isEmpty()) {
            Dom.addText(sp, "no one spinning");
        } else {
            Dom.addText(sp, "spinning: ");
            for (int t : s.lockSpinners) {
                sp.appendChild(TaskChip.of(s, t));
            }
        }
    }

    /** A completion's row: label, done, and the chips of its waiters. */
    private static final class CompletionRow extends Rows.Part<Snapshot.CompletionView> {
        final HTMLElement label;
        final HTMLElement done;
        final HTMLElement waiters;
        CompletionRow() {
            super(Dom.el("tr", null));
            HTMLElement tr = el;
            tr.setAttribute("data-completion", "");
            label = Dom.add(tr, "td", "label", "");
            done = Dom.add(tr, "td", "num done", "");
            waiters = Dom.add(tr, "td", "waiters");
        }

        @Override
        void draw(Snapshot a, Snapshot.CompletionView was, Snapshot s, Snapshot.CompletionView c) {
            if (was == null || was.id != c.id) {
                el.setAttribute("data-completion", Integer.toString(c.id));
            }
            if (was == null || !was.label.equals(c.label)) {
                Dom.text(label, c.label);
            }
            if (was == null || was.done != c.done) {
                Dom.text(done, Long.toString(c.done));
            }
            if (was == null || !was.waiters.equals(c.waiters) || !TaskChip.same(a, s, c.waiters)) {
                Dom.clear(waiters);
                if (c.waiters.isEmpty()) {
                    Dom.add(waiters, "span", "muted", "no waiters");
                }
                for (int t : c.waiters) {
                    waiters.appendChild(TaskChip.of(s, t));
                }
            }
        }
    }

    /** A kthread_create_info's card: id and stage, threadfn and name, creator, reply, lifecycle lines. */
    private static final class CreateCard extends Rows.Part<Snapshot.CreateView> {
        final HTMLElement h;
        final HTMLElement stage;
        final HTMLElement fn;
        final HTMLElement creator;
        final HTMLElement reply;
        final HTMLElement history;
        CreateCard() {
            super(Dom.el("div", "card create"));
            HTMLElement card = el;
            card.setAttribute("data-create", "");
            h = Dom.add(card, "h4", null, "");
            stage = Dom.add(h, "span", "badge stage", "");
            fn = Dom.add(card, "div", "kv fn", "");
            creator = Dom.add(card, "div", "kv creator", "creator ");
            reply = Dom.add(card, "div", "kv reply", "");
            history = Dom.add(card, "ol", "history");
        }

        @Override
        void draw(Snapshot a, Snapshot.CreateView was, Snapshot s, Snapshot.CreateView k) {
            if (was == null || !was.stage.equals(k.stage)) {
                el.setClassName("card create stage-" + k.stage);
                Dom.text(stage, k.stage);
            }
            if (was == null || was.id != k.id) {
                el.setAttribute("data-create", Integer.toString(k.id));
                h.getFirstChild().setNodeValue("create#" + k.id + " ");
            }
            if (was == null || !was.threadfn.equals(k.threadfn) || !was.name.equals(k.name)) {
                Dom.text(fn, "threadfn " + k.threadfn + " · namefmt \"" + k.name + "\"");
            }
            if (was == null || was.creator != k.creator || !TaskChip.same(a, s, k.creator)) {
                if (was != null) {
                    creator.removeChild(creator.getLastChild());
                }
                creator.appendChild(TaskChip.of(s, k.creator));
            }
            if (was == null || was.done != k.done || was.result != k.result
                    || (k.result >= 0 && !TaskChip.same(a, s, (int) k.result))
                    || !Fmt.completion(a, was.done).equals(Fmt.completion(s, k.done))) {
                Dom.text(reply, "done → " + Fmt.completion(s, k.done) + " · result " + Fmt.result(s, k.result));
            }
            lines(was == null ? null : was.history, k.history);
        }

        /** The lifecycle lines: those after the ones shown and now alike (a lifecycle only grows) are written again. */
        private void lines(Lifecycle.Lines drawn, Lifecycle.Lines now) {
            int keep = drawn == null ? 0 : drawn.sameLines(now);
            for (int i = drawn == null ? 0 : drawn.size(); i > keep; i--) {
                history.removeChild(history.getLastChild());
            }
            for (int i = keep; i < now.size(); i++) {
                Dom.add(history, "li", null, now.get(i));
            }
        }
    }

    private static Snapshot.CreateView create(Snapshot s, int id) {
        for (Snapshot.CreateView k : s.creates) {
            if (k.id == id) {
                return k;
            }
        }
        return null;
    }

    // ---- what each block shows, compared with the snapshot drawn before (a, null at first) ----

    private static boolean sameLock(Snapshot a, Snapshot b) {
        return a != null && a.lockHolder == b.lockHolder && a.lockHolderCpu == b.lockHolderCpu
            && a.lockSpinners.equals(b.lockSpinners) && TaskChip.same(a, b, b.lockHolder)
            && TaskChip.same(a, b, b.lockSpinners);
    }

    /** The same list: the same ids, and each names the same threadfn and name (or none). */
    private static boolean sameList(Snapshot a, Snapshot b) {
        if (a == null || !a.createList.equals(b.createList)) {
            return false;
        }
        for (int id : b.createList) {
            Snapshot.CreateView x = create(a, id);
            Snapshot.CreateView y = create(b, id);
            if (x == null || y == null ? x != y : !x.threadfn.equals(y.threadfn) || !x.name.equals(y.name)) {
                return false;
            }
        }
        return true;
    }
}
