package kthreadlab.web;

import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** Small DOM helpers. Text always goes in as text nodes, never as HTML. */
final class Dom {
    private Dom() {
    }

    static HTMLDocument doc() {
        return HTMLDocument.current();
    }

    static HTMLElement byId(String id) {
        return doc().getElementById(id);
    }

    static HTMLElement el(String tag, String cls) {
        HTMLElement e = doc().createElement(tag);
        if (cls != null && !cls.isEmpty()) {
            e.setClassName(cls);
        }
        return e;
    }

    static HTMLElement el(String tag, String cls, String text) {
        HTMLElement e = el(tag, cls);
        e.appendChild(doc().createTextNode(text));
        return e;
    }

    static void text(HTMLElement e, String text) {
        clear(e);
        e.appendChild(doc().createTextNode(text));
    }

    static void clear(HTMLElement e) {
        while (e.getFirstChild() != null) {
            e.removeChild(e.getFirstChild());
        }
    }
}
