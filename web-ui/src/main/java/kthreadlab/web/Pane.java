package kthreadlab.web;

/**
 * A part of the page drawn from one step. render gets a new StepView for every step shown (and
 * again for the same step when the focus, the notes or the source files change). A pane of many
 * rows or cards keeps what it last drew and rebuilds only those whose content differs, comparing
 * field by field (building signature strings at every step costs more than rendering); everything
 * it draws from a view must be in its comparison, so that skipping a rebuild never leaves a stale
 * row. A pane of one line (the status, the banner, the phone strip) draws that line whole. A pane
 * never calls the App: what a click asks for goes through the callbacks the pane was built with.
 */
interface Pane {
    void render(StepView v);
}
