package kthreadlab.web;

import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The kthread creation objects: kthread_create_list in order, kthread_create_lock with its holder
 * and spinners, the completions with done and waiters, and every kthread_create_info with its
 * lifecycle. Each block is rebuilt only when its content changes.
 */
final class ObjectsPane {
    private final HTMLElement list;
    private final HTMLElement lock;
    private final HTMLElement completions;
    private final HTMLElement creates;
    private String listSig = "";
    private String lockSig = "";
    private String compSig = "";
    private String createSig = "";

    ObjectsPane() {
        list = Dom.byId("obj-list");
        lock = Dom.byId("obj-lock");
        completions = Dom.byId("obj-completions");
        creates = Dom.byId("obj-creates");
    }

    void render(Snapshot s) {
        String sig = listSignature(s);
        if (!sig.equals(listSig)) {
            listSig = sig;
            renderList(s);
        }
        sig = lockSignature(s);
        if (!sig.equals(lockSig)) {
            lockSig = sig;
            renderLock(s);
        }
        sig = completionSignature(s);
        if (!sig.equals(compSig)) {
            compSig = sig;
            renderCompletions(s);
        }
        sig = createSignature(s);
        if (!sig.equals(createSig)) {
            createSig = sig;
            renderCreates(s);
        }
    }

    private HTMLElement chip(Snapshot s, int task) {
        Snapshot.TaskView t = s.task(task);
        return Dom.chip(Fmt.task(t), Palette.slot(t.id, s.cpus.size(), t.idle));
    }

    private static String listSignature(Snapshot s) {
        StringBuilder sb = new StringBuilder();
        for (int id : s.createList) {
            sb.append(id).append(',');
        }
        return sb.toString();
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

    private static String lockSignature(Snapshot s) {
        StringBuilder sb = new StringBuilder().append(s.lockHolder).append('/').append(s.lockHolderCpu).append(':');
        if (s.lockHolder >= 0) {
            sb.append(Fmt.task(s, s.lockHolder));
        }
        for (int t : s.lockSpinners) {
            sb.append(t).append(Fmt.task(s, t)).append(',');
        }
        return sb.toString();
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

    private static String completionSignature(Snapshot s) {
        StringBuilder sb = new StringBuilder();
        for (Snapshot.CompletionView c : s.completions) {
            sb.append(c.id).append(c.label).append(':').append(c.done).append(':');
            for (int w : c.waiters) {
                sb.append(w).append(Fmt.task(s, w)).append(',');
            }
            sb.append(';');
        }
        return sb.toString();
    }

    private void renderCompletions(Snapshot s) {
        Dom.clear(completions);
        if (s.completions.isEmpty()) {
            Dom.add(completions, "tr", "empty").appendChild(Dom.el("td", null, "none yet"));
            return;
        }
        for (Snapshot.CompletionView c : s.completions) {
            HTMLElement tr = Dom.add(completions, "tr", null);
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
        }
    }

    private static String createSignature(Snapshot s) {
        StringBuilder sb = new StringBuilder();
        for (Snapshot.CreateView k : s.creates) {
            sb.append(k.id).append(k.stage).append(k.done).append(':').append(k.result).append(':')
                .append(Fmt.result(s, k.result)).append(Fmt.task(s, k.creator)).append(k.history.size()).append(';');
        }
        return sb.toString();
    }

    private void renderCreates(Snapshot s) {
        Dom.clear(creates);
        if (s.creates.isEmpty()) {
            Dom.add(creates, "p", "muted", "no kthread_create_info allocated yet");
            return;
        }
        for (Snapshot.CreateView k : s.creates) {
            HTMLElement card = Dom.add(creates, "div", "card create stage-" + k.stage);
            card.setAttribute("data-create", Integer.toString(k.id));
            HTMLElement h = Dom.add(card, "h4", null, "create#" + k.id + " ");
            Dom.add(h, "span", "badge stage", k.stage);
            Dom.add(card, "div", "kv", "threadfn " + k.threadfn + " · namefmt \"" + k.name + "\"");
            HTMLElement who = Dom.add(card, "div", "kv", "creator ");
            who.appendChild(chip(s, k.creator));
            Dom.add(card, "div", "kv", "done → " + Fmt.completion(s, k.done) + " · result " + Fmt.result(s, k.result));
            HTMLElement ol = Dom.add(card, "ol", "history");
            for (String h2 : k.history) {
                Dom.add(ol, "li", null, h2);
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
}
