package kthreadlab.web;

import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The kthread creation objects: kthread_create_list in order, kthread_create_lock with its holder
 * and spinners, the completions with done and waiters, and every kthread_create_info with its
 * lifecycle, and the workqueue worker pools (struct worker_pool: workers, idle_list, nr_running,
 * worklist, the workers running an item). Each block is rebuilt only when its content changes.
 */
final class ObjectsPane {
    private final HTMLElement list;
    private final HTMLElement lock;
    private final HTMLElement completions;
    private final HTMLElement creates;
    private final HTMLElement poolsCard;
    private final HTMLElement pools;
    private Snapshot prev;
    private final java.util.List<HTMLElement> cards = new java.util.ArrayList<>();
    private final java.util.List<HTMLElement> compRows = new java.util.ArrayList<>();
    private final java.util.List<HTMLElement> poolRows = new java.util.ArrayList<>();

    ObjectsPane() {
        list = Dom.byId("obj-list");
        lock = Dom.byId("obj-lock");
        completions = Dom.byId("obj-completions");
        creates = Dom.byId("obj-creates");
        poolsCard = Dom.byId("obj-pools-card");
        pools = Dom.byId("obj-pools");
    }

    void render(Snapshot s) {
        boolean createsSame = Same.creates(prev, s);
        if (!createsSame || !prev.createList.equals(s.createList)) {
            renderList(s);
        }
        if (!Same.lock(prev, s)) {
            renderLock(s);
        }
        if (!Same.completions(prev, s)) {
            renderCompletions(s);
        }
        if (!createsSame) {
            renderCreates(s);
        }
        if (!Same.pools(prev, s)) {
            renderPools(s);
        }
        prev = s;
    }

    private HTMLElement chip(Snapshot s, int task) {
        Snapshot.TaskView t = s.task(task);
        return Dom.chip(Fmt.task(t), Palette.slot(t.id, s.cpus.size(), t.idle));
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
            holder.appendChild(chip(s, s.lockHolder));
            Dom.addText(holder, " on CPU " + s.lockHolderCpu);
        }
        HTMLElement sp = Dom.add(lock, "div", "spinners");
        if (s.lockSpinners.isEmpty()) {
            Dom.addText(sp, "no one spinning");
        } else {
            Dom.addText(sp, "spinning: ");
            for (int t : s.lockSpinners) {
                sp.appendChild(chip(s, t));
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
        sync(completions, compRows, s.completions.size(), i -> Same.completion(prev, s, i),
            i -> completionRow(s, s.completions.get(i)));
    }

    /**
     * Brings a block's children (rows or cards) to n, rebuilding only those `same` does not keep:
     * kids holds the block's children in order, as this pane appended them.
     */
    private static void sync(HTMLElement block, java.util.List<HTMLElement> kids, int n,
            java.util.function.IntPredicate same, java.util.function.IntFunction<HTMLElement> build) {
        for (int i = 0; i < n; i++) {
            if (i < kids.size() && same.test(i)) {
                continue;
            }
            HTMLElement e = build.apply(i);
            if (i < kids.size()) {
                block.replaceChild(e, kids.get(i));
                kids.set(i, e);
            } else {
                block.appendChild(e);
                kids.add(e);
            }
        }
        while (kids.size() > n) {
            block.removeChild(kids.remove(kids.size() - 1));
        }
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
            w.appendChild(chip(s, t));
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
        sync(creates, cards, s.creates.size(), i -> Same.create(prev, s, i), i -> createCard(s, s.creates.get(i)));
    }

    /** Rebuilds the rows of the worker pools that changed; the card is hidden when there are none. */
    private void renderPools(Snapshot s) {
        Dom.show(poolsCard, !s.pools.isEmpty());
        sync(pools, poolRows, s.pools.size(), i -> Same.pool(prev, s, i), i -> poolRow(s, s.pools.get(i)));
    }

    private HTMLElement poolRow(Snapshot s, Snapshot.PoolView p) {
        HTMLElement tr = Dom.el("tr", null);
        tr.setAttribute("data-pool", Integer.toString(p.id));
        Dom.add(tr, "td", "label", p.label());
        Dom.add(tr, "td", "num nice", Integer.toString(p.nice));
        HTMLElement ws = Dom.add(tr, "td", "workers", Integer.toString(p.nrWorkers) + " ");
        chips(s, ws, p.workers, p.managerTask);
        HTMLElement idle = Dom.add(tr, "td", "idle", Integer.toString(p.idle.size()) + " ");
        chips(s, idle, p.idle, -1);
        Dom.add(tr, "td", "num running", Integer.toString(p.nrRunning));
        HTMLElement wl = Dom.add(tr, "td", "worklist");
        if (p.worklist.isEmpty()) {
            Dom.add(wl, "span", "muted", "empty");
        }
        for (String item : p.worklist) {
            Dom.add(wl, "div", "item", item);
        }
        HTMLElement busy = Dom.add(tr, "td", "busy");
        if (p.busy.isEmpty()) {
            Dom.add(busy, "span", "muted", "none");
        }
        for (int i = 0; i < p.busy.size(); i++) {
            HTMLElement d = Dom.add(busy, "div", "item");
            d.appendChild(chip(s, p.busy.get(i)));
            Dom.addText(d, " " + p.busyWork.get(i));
        }
        return tr;
    }

    /** Task chips; the pool's manager (POOL_MANAGER_ACTIVE) is marked. */
    private void chips(Snapshot s, HTMLElement cell, java.util.List<Integer> tasks, int manager) {
        for (int t : tasks) {
            HTMLElement c = chip(s, t);
            if (t == manager) {
                c.setAttribute("title", "manager (POOL_MANAGER_ACTIVE)");
                Dom.setClass(c, "manager", true);
            }
            cell.appendChild(c);
            Dom.addText(cell, " ");
        }
    }

    private HTMLElement createCard(Snapshot s, Snapshot.CreateView k) {
        HTMLElement card = Dom.el("div", "card create stage-" + k.stage);
        card.setAttribute("data-create", Integer.toString(k.id));
        HTMLElement h = Dom.add(card, "h4", null, "create#" + k.id + " ");
        Dom.add(h, "span", "badge stage", k.stage);
        Dom.add(card, "div", "kv fn", "threadfn " + k.threadfn + " · namefmt \"" + k.name + "\"");
        HTMLElement who = Dom.add(card, "div", "kv creator", "creator ");
        who.appendChild(chip(s, k.creator));
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
}
