package kthreadlab.web;

import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The kthread creation objects: kthread_create_list in order, kthread_create_lock with its holder
 * and spinners, the completions with done and waiters, and every kthread_create_info with its
 * lifecycle (the worker pools are PoolsPane). Each block is rebuilt only when its content changes.
 */
final class ObjectsPane implements Pane {
    private final HTMLElement list;
    private final HTMLElement lock;
    private final HTMLElement completions;
    private final HTMLElement creates;
    private Snapshot prev;
    private final java.util.List<HTMLElement> cards = new java.util.ArrayList<>();
    private final java.util.List<HTMLElement> compRows = new java.util.ArrayList<>();

    ObjectsPane() {
        list = Dom.byId("obj-list");
        lock = Dom.byId("obj-lock");
        completions = Dom.byId("obj-completions");
        creates = Dom.byId("obj-creates");
    }

    @Override
    public void render(StepView v) {
        Snapshot s = v.snap;
        if (s == null) {
            return;
        }
        boolean createsSame = sameCreates(prev, s);
        if (!createsSame || !prev.createList.equals(s.createList)) {
            renderList(s);
        }
        if (!sameLock(prev, s)) {
            renderLock(s);
        }
        if (!sameCompletions(prev, s)) {
            renderCompletions(s);
        }
        if (!createsSame) {
            renderCreates(s);
        }
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

    /** Rebuilds the rows of the completions that changed. */
    private void renderCompletions(Snapshot s) {
        if (s.completions.isEmpty() || compRows.isEmpty()) {
            Dom.clear(completions);
            compRows.clear();
        }
        if (s.completions.isEmpty()) {
            Dom.add(completions, "tr", "empty").appendChild(Dom.el("td", null, "none yet"));
            return;
        }
        Rows.sync(completions, compRows, prev == null ? null : prev.completions, s.completions,
            (x, y) -> sameCompletion(prev, s, x, y), c -> completionRow(s, c));
    }

    private HTMLElement completionRow(Snapshot s, Snapshot.CompletionView c) {
        HTMLElement tr = Dom.el("tr", null);
        tr.setAttribute("data-completion", Integer.toString(c.id));
        Dom.add(tr, "td", "label", c.label);
        Dom.add(tr, "td", "num done", Long.toString(c.done));
        HTMLElement w = Dom.add(tr, "td", "waiters");
        if (c.waiters.isEmpty()) {
            Dom.add(w, "span", "muted", "no waiters");
        }
        for (int t : c.waiters) {
            w.appendChild(TaskChip.of(s, t));
        }
        return tr;
    }

    /** Rebuilds the cards of the requests that changed (a card shows one request and the labels it names). */
    private void renderCreates(Snapshot s) {
        if (s.creates.isEmpty()) {
            Dom.clear(creates);
            cards.clear();
            Dom.add(creates, "p", "muted", "no kthread_create_info allocated yet");
            return;
        }
        if (cards.isEmpty()) {
            Dom.clear(creates);
        }
        Rows.sync(creates, cards, prev == null ? null : prev.creates, s.creates, (x, y) -> sameCreate(prev, s, x, y),
            k -> createCard(s, k));
    }

    private HTMLElement createCard(Snapshot s, Snapshot.CreateView k) {
        HTMLElement card = Dom.el("div", "card create stage-" + k.stage);
        card.setAttribute("data-create", Integer.toString(k.id));
        HTMLElement h = Dom.add(card, "h4", null, "create#" + k.id + " ");
        Dom.add(h, "span", "badge stage", k.stage);
        Dom.add(card, "div", "kv fn", "threadfn " + k.threadfn + " · namefmt \"" + k.name + "\"");
        HTMLElement who = Dom.add(card, "div", "kv creator", "creator ");
        who.appendChild(TaskChip.of(s, k.creator));
        Dom.add(card, "div", "kv reply", "done → " + Fmt.completion(s, k.done) + " · result " + Fmt.result(s, k.result));
        HTMLElement ol = Dom.add(card, "ol", "history");
        for (String h2 : k.history) {
            Dom.add(ol, "li", null, h2);
        }
        return card;
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

    private static boolean sameCompletions(Snapshot a, Snapshot b) {
        return a != null && Rows.same(a.completions, b.completions, (x, y) -> sameCompletion(a, b, x, y));
    }

    /** The same row: label, done, waiters and their chips. */
    private static boolean sameCompletion(Snapshot a, Snapshot b, Snapshot.CompletionView x, Snapshot.CompletionView y) {
        return x.id == y.id && x.done == y.done && x.label.equals(y.label) && x.waiters.equals(y.waiters)
            && TaskChip.same(a, b, y.waiters);
    }

    private static boolean sameCreates(Snapshot a, Snapshot b) {
        return a != null && Rows.same(a.creates, b.creates, (x, y) -> sameCreate(a, b, x, y));
    }

    /** The same card: the request's fields, the chips of its creator and result, the name of its completion. */
    private static boolean sameCreate(Snapshot a, Snapshot b, Snapshot.CreateView x, Snapshot.CreateView y) {
        return x.id == y.id && x.done == y.done && x.result == y.result && x.creator == y.creator
            && x.stage.equals(y.stage) && x.history.equals(y.history) && x.name.equals(y.name)
            && x.threadfn.equals(y.threadfn) && TaskChip.same(a, b, y.creator)
            && (y.result < 0 || TaskChip.same(a, b, (int) y.result))
            && Fmt.completion(a, x.done).equals(Fmt.completion(b, y.done));
    }
}
