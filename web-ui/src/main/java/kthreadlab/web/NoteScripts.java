package kthreadlab.web;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kthreadlab.source.Annotations;
import kthreadlab.source.Corpus;
import org.teavm.jso.JSBody;

/**
 * The notes of each language live outside the page's script, in notes-LANG.js (which sets
 * self.kthreadlabText[LANG]), so the first load carries none of them; a language's script is
 * injected when it is first needed, which works from file:// where fetch does not. The single-file
 * page has every notes script inline: there the text is present from the start.
 */
final class NoteScripts {
    /** Called once a language's notes are parsed, or with null and a reason when they cannot be had. */
    interface Loaded {
        void loaded(Annotations notes, String problem);
    }

    private final Map<String, Annotations> parsed = new HashMap<>();
    private final Set<String> requested = new HashSet<>();

    /** The notes of `lang` if their text is here (parsed once), else null. */
    Annotations get(String lang) {
        Annotations a = parsed.get(lang);
        if (a == null) {
            String text = text(lang);
            if (text != null) {
                a = Annotations.parse(lang, Corpus.lines(text));
                parsed.put(lang, a);
            }
        }
        return a;
    }

    /** No notes: what the source pane shows until a language's script has run. */
    static Annotations none(String lang) {
        return Annotations.parse(lang, Collections.emptyList());
    }

    /** Loads a language's notes script (once); `done` runs when it has run or failed to load. */
    void request(String lang, Loaded done) {
        if (get(lang) != null) {
            done.loaded(get(lang), null);
            return;
        }
        if (!requested.add(lang)) {
            return;
        }
        String src = "notes-" + lang + ".js";
        inject(src, () -> Guard.run("load the notes", () -> {
            Annotations a;
            try {
                a = get(lang);
            } catch (IllegalArgumentException e) {
                requested.remove(lang);
                done.loaded(null, src + " is not valid: " + e.getMessage());
                return;
            }
            requested.remove(lang);
            done.loaded(a, a == null ? src + " holds no notes for '" + lang + "'" : null);
        }), () -> Guard.run("load the notes", () -> {
            requested.remove(lang);
            done.loaded(null, src + " could not be loaded (it belongs beside index.html)");
        }));
    }

    @JSBody(params = "lang", script = "var kT = self.kthreadlabText;"
        + " return kT && typeof kT[lang] === 'string' ? kT[lang] : null;")
    private static native String text(String lang);

    /** A corpus file's text given by corpus-more.js (self.kthreadlabCorpus), or null. */
    @JSBody(params = "path", script = "var kC = self.kthreadlabCorpus;"
        + " return kC && typeof kC[path] === 'string' ? kC[path] : null;")
    static native String corpusText(String path);

    /** Loads a script beside the page (works from file://); `ok` or `fail` runs once it has run or failed. */
    @JSBody(params = {"src", "ok", "fail"}, script = "var kS = document.createElement('script'); kS.src = src;"
        + " kS.async = true; kS.onload = function () { ok(); };"
        + " kS.onerror = function () { kS.remove(); fail(); }; document.head.appendChild(kS);")
    static native void inject(String src, JsAction ok, JsAction fail);
}
