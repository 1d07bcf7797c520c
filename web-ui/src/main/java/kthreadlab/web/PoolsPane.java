package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The workqueue worker pools (struct worker_pool): workers, idle_list, nr_running, the worklist
 * head first (with the pool's mayday state under it), and the workers running an item. A row is rebuilt only when its pool changes.
 */
final class PoolsPane implements Pane {
    private final HTMLElement card = Dom.byId("obj-pools-card");
    private final HTMLElement pools = Dom.byId("obj-pools");
    private final List<HTMLElement> rows = new ArrayList<>();
    private Snapshot prev;

    /** Rebuilds the rows of the worker pools that changed; the card is hidden when there are none. */
    @Override
    public void render(StepView v) {
        Snapshot s = v.snap;
        if (s == null) {
            return;
        }
        if (prev == null || !Rows.same(prev.pools, s.pools, (x, y) -> same(prev, s, x, y))) {
            Dom.show(card, !s.pools.isEmpty());
            Rows.sync(pools, rows, prev == null ? null : prev.pools, s.pools, (x, y) -> same(prev, s, x, y),
                p -> poolRow(s, p));
        }
        prev = s;
    }

    private static HTMLElement poolRow(Snapshot s, Snapshot.PoolView p) {
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
        mayday(wl, p);
        HTMLElement busy = Dom.add(tr, "td", "busy");
        if (p.busy.isEmpty()) {
            Dom.add(busy, "span", "muted", "none");
        }
        for (int i = 0; i < p.busy.size(); i++) {
            HTMLElement d = Dom.add(busy, "div", "item");
            d.appendChild(TaskChip.of(s, p.busy.get(i)));
            Dom.addText(d, " " + p.busyWork.get(i));
        }
        return tr;
    }

    /** Under the worklist: the mayday timer while it is pending, and each workqueue whose rescuer the pool called. */
    private static void mayday(HTMLElement cell, Snapshot.PoolView p) {
        if (p.maydayTimer) {
            Dom.add(cell, "div", "mayday muted", "mayday_timer pending");
        }
        for (String wq : p.maydays) {
            Dom.add(cell, "div", "mayday", "on " + wq + "'s maydays: its rescuer is called");
        }
    }

    /** Task chips; the pool's manager (POOL_MANAGER_ACTIVE) is marked. */
    private static void chips(Snapshot s, HTMLElement cell, java.util.List<Integer> tasks, int manager) {
        for (int t : tasks) {
            HTMLElement c = TaskChip.of(s, t);
            if (t == manager) {
                c.setAttribute("title", "manager (POOL_MANAGER_ACTIVE)");
                Dom.setClass(c, "manager", true);
            }
            cell.appendChild(c);
            Dom.addText(cell, " ");
        }
    }

    /** The same row: counts, manager, the worker, idle and busy lists with their chips, the worklist (a: drawn before). */
    private static boolean same(Snapshot a, Snapshot b, Snapshot.PoolView x, Snapshot.PoolView y) {
        return x.id == y.id && x.nrWorkers == y.nrWorkers && x.nrIdle == y.nrIdle && x.nrRunning == y.nrRunning
            && x.managerTask == y.managerTask && x.workers.equals(y.workers) && x.idle.equals(y.idle)
            && x.busy.equals(y.busy) && x.busyWork.equals(y.busyWork) && x.worklist.equals(y.worklist)
            && x.maydayTimer == y.maydayTimer && x.maydays.equals(y.maydays)
            && TaskChip.same(a, b, y.workers);
    }
}
