package kthreadlab.web;

/**
 * A part of the page drawn from one step. render gets a new StepView for every step shown (and
 * again for the same step when the focus, the notes or the source files change). A pane of many
 * rows or cards keeps what it last drew and rebuilds only those whose content differs, or updates
 * them in place (Rows.Part), comparing field by field (building signature strings at every step
 * costs more than rendering); everything it draws from a view must be in its comparison, so that
 * skipping a write never leaves a stale row, and a row updated in place must end as a fresh one. A pane of one line (the status, the banner, the phone strip) draws that line whole. A pane
 * never calls the App: what a click asks for goes through the callbacks the pane was built with.
 */
interface Pane {
    void render(StepView v);
}
