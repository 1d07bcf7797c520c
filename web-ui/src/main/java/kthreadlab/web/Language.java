package kthreadlab.web;

import kthreadlab.source.Annotations;

/**
 * The language of the notes: the one shown, whether a link or the reader chose it (only then do
 * links carry it), and its notes, whose script is loaded on demand. What holds: the notes handed
 * to the page are always the shown language's, or none while its script loads; notes that arrive
 * for a language no longer shown are kept by NoteScripts but not shown.
 */
final class Language {
    /** What the page does with the notes. */
    interface Page {
        /** These notes are now the ones to show (possibly none, while their script loads). */
        void showNotes(Annotations a);

        /** The notes' script could not be read; the message names the problem. */
        void notesFailed(String message);

        /** Notes that arrived later replaced those shown: draw the step again. */
        void redraw();
    }

    private final NoteScripts scripts;
    private final Page page;
    private String lang;
    private boolean chosen;
    private Annotations notes;

    /** The reader's preferred language, not chosen yet; nothing is shown until start. */
    Language(NoteScripts scripts, String preferred, Page page) {
        this.scripts = scripts;
        this.page = page;
        this.lang = preferred;
    }

    /** Shows the first notes (those here, or none while their script loads). */
    void start() {
        notes = notesFor(lang);
    }

    String lang() {
        return lang;
    }

    /** The language a link carries: empty until a link or the reader chose one. */
    String forLink() {
        return chosen ? lang : "";
    }

    /** A link or the reader chose l; true when that changes the language shown. */
    boolean choose(String l) {
        chosen = true;
        if (l.equals(lang)) {
            return false;
        }
        lang = l;
        notes = notesFor(l);
        return true;
    }

    /**
     * The notes of a language if they are here; otherwise none for now, and its script is loaded:
     * the page shows them when it has run.
     */
    private Annotations notesFor(String l) {
        Annotations a = scripts.get(l);
        if (a == null) {
            a = NoteScripts.none(l);
            scripts.request(l, (loaded, problem) -> arrived(l, loaded, problem));
        }
        page.showNotes(a);
        return a;
    }

    private void arrived(String l, Annotations a, String problem) {
        if (problem != null) {
            page.notesFailed("The notes in " + (l.equals("zh") ? "Chinese" : "English") + " cannot be shown: " + problem);
            return;
        }
        if (l.equals(lang) && a != notes) {
            notes = a;
            page.showNotes(a);
            page.redraw();
        }
    }
}
