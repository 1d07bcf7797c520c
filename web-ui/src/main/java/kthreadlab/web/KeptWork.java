package kthreadlab.web;

import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The notices about the reader's kept work, above the page's message line: a stored scenario this
 * build did not open (Open when it reads but is over the limits, Export of the raw stored text,
 * Discard), and the draft of an edit the form no longer shows (Restore, Discard). Each is said
 * once, where it was found, and stays until the reader acts. Nothing kept is dropped without an
 * answer to a question asked in the page.
 */
final class KeptWork {
    /** What the draft notice does for the editor. */
    interface DraftActions {
        void restore();

        void discard();
    }

    private final App app;
    private final Store store;
    private final HTMLElement box;
    private HTMLElement draftRow;

    KeptWork(App app, Store store) {
        this.app = app;
        this.store = store;
        box = Dom.el("div", "kept");
        box.setAttribute("id", "kept");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Your kept work");
        HTMLElement message = Dom.byId("message");
        message.getParentNode().insertBefore(box, message);
        Dom.show(box, false);
    }

    /** Lists the stored values this build did not open. */
    void showKept(List<Store.Kept> items) {
        for (Store.Kept k : items) {
            keptRow(k);
        }
    }

    private void keptRow(Store.Kept k) {
        HTMLElement row = Dom.add(box, "div", "kept-item");
        row.setAttribute("data-key", k.key);
        Dom.add(row, "span", "kept-text", "A scenario stored in this browser was not opened: " + k.why
            + ". It is kept as it was stored.");
        HTMLElement acts = Dom.add(row, "span", "kept-actions");
        if (k.scenario != null) {
            button(acts, "kept-open", "Open it", () -> {
                app.loadScenario(k.scenario, ShareLinks.presetOf(k.scenario));
                acts.removeChild(acts.getFirstChild());
            });
        }
        button(acts, "kept-export", "Export", () -> Exports.download("kthreadlab-kept-scenario.json",
            "application/json", k.raw));
        button(acts, "kept-discard", "Discard", () -> ask(row, acts,
            "Discard the stored scenario for good? Export it first to keep a copy.", "Discard", "Keep it",
            () -> {
                store.discard(k.key);
                remove(row);
            }, null, true));
        Dom.show(box, true);
    }

    /** Offers the draft back (once; a second offer replaces the first). */
    void offerDraft(DraftActions a) {
        if (draftRow != null) {
            remove(draftRow);
        }
        HTMLElement row = Dom.add(box, "div", "kept-item kept-draft");
        draftRow = row;
        Dom.add(row, "span", "kept-text", "Your edit of the scenario is kept as a draft (the form now shows"
            + " another scenario).");
        HTMLElement acts = Dom.add(row, "span", "kept-actions");
        button(acts, "draft-restore", "Restore the draft", () -> {
            remove(row);
            a.restore();
        });
        button(acts, "draft-discard", "Discard the draft", () -> ask(row, acts,
            "Discard your draft for good?", "Discard", "Keep it", () -> {
                remove(row);
                a.discard();
            }, null, true));
        Dom.show(box, true);
    }

    /** A new edit would replace the offered draft: asks which to keep. False if no draft is on offer. */
    boolean askReplaceDraft(Runnable discardKept, Runnable restoreKept) {
        if (draftRow == null) {
            return false;
        }
        HTMLElement row = draftRow;
        HTMLElement acts = (HTMLElement) row.querySelector(".kept-actions");
        if (row.querySelector(".kept-confirm") == null) {
            ask(row, acts, "Your new edit would replace the kept draft. Discard the kept draft?",
                "Discard it", "Restore it instead", () -> {
                    remove(row);
                    discardKept.run();
                }, () -> {
                    remove(row);
                    restoreKept.run();
                }, false);
        }
        return true;
    }

    boolean draftOffered() {
        return draftRow != null;
    }

    /**
     * Replaces a row's actions by a question with two answers (no answers the question, keeps all).
     * `focus` moves the keyboard to the answer: only after a click, never while the reader types.
     */
    private void ask(HTMLElement row, HTMLElement acts, String question, String yes, String no, Runnable onYes,
            Runnable onNo, boolean focus) {
        Dom.show(acts, false);
        HTMLElement c = Dom.add(row, "span", "kept-confirm");
        c.setAttribute("role", "group");
        Dom.add(c, "span", null, question + " ");
        HTMLElement y = button(c, "confirm-yes", yes, onYes);
        button(c, "confirm-no", no, () -> {
            row.removeChild(c);
            Dom.show(acts, true);
            if (onNo != null) {
                onNo.run();
            }
        });
        if (focus) {
            y.focus();
        }
    }

    private HTMLElement button(HTMLElement parent, String cls, String label, Runnable r) {
        HTMLElement b = Dom.button(cls, label);
        parent.appendChild(b);
        b.addEventListener("click", e -> app.intent(label, r));
        return b;
    }

    private void remove(HTMLElement row) {
        if (row.getParentNode() != null) {
            box.removeChild(row);
        }
        if (row == draftRow) {
            draftRow = null;
        }
        Dom.show(box, box.getFirstChild() != null);
    }
}
