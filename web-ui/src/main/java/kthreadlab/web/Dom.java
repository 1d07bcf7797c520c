package kthreadlab.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Performance;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Node;

/** Small DOM helpers. Text always goes in as text nodes or attributes, never as HTML. */
final class Dom {
    private Dom() {
    }

    static HTMLDocument doc() {
        return HTMLDocument.current();
    }

    static HTMLElement byId(String id) {
        HTMLElement e = doc().getElementById(id);
        if (e == null) {
            throw new IllegalStateException("index.html has no element #" + id);
        }
        return e;
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

    /** Appends a child element with text and returns it. */
    static HTMLElement add(HTMLElement parent, String tag, String cls, String text) {
        HTMLElement e = el(tag, cls, text);
        parent.appendChild(e);
        return e;
    }

    static HTMLElement add(HTMLElement parent, String tag, String cls) {
        HTMLElement e = el(tag, cls);
        parent.appendChild(e);
        return e;
    }

    static void addText(HTMLElement parent, String text) {
        parent.appendChild(doc().createTextNode(text));
    }

    static void text(HTMLElement e, String text) {
        Node first = e.getFirstChild();
        if (first != null && first.getNextSibling() == null && first.getNodeType() == Node.TEXT_NODE) {
            if (!text.equals(first.getNodeValue())) {
                first.setNodeValue(text);
            }
            return;
        }
        clear(e);
        e.appendChild(doc().createTextNode(text));
    }

    static void clear(HTMLElement e) {
        while (e.getFirstChild() != null) {
            e.removeChild(e.getFirstChild());
        }
    }

    /** A button with a visible label (its accessible name). */
    static HTMLElement button(String cls, String label) {
        HTMLElement b = el("button", cls, label);
        b.setAttribute("type", "button");
        return b;
    }

    /** A coloured chip naming a task. */
    static HTMLElement chip(String label, int slot) {
        HTMLElement c = el("span", "chip", label);
        c.setAttribute("style", Palette.style(slot));
        return c;
    }

    static void setClass(HTMLElement e, String cls, boolean on) {
        if (on) {
            e.getClassList().add(cls);
        } else {
            e.getClassList().remove(cls);
        }
    }

    static void show(HTMLElement e, boolean visible) {
        if (visible) {
            e.removeAttribute("hidden");
        } else {
            e.setAttribute("hidden", "");
        }
    }

    static double now() {
        return Performance.now();
    }

    /** Walks up from an event target to the nearest element with this class (or null). */
    static HTMLElement closest(JSObject target, String cls) {
        return closestJs(target, "." + cls);
    }

    /** Walks up from an event target to the nearest element matching a CSS selector (or null). */
    static HTMLElement closestMatch(JSObject target, String selector) {
        return closestJs(target, selector);
    }

    @JSBody(params = {"t", "sel"}, script = "return t && t.closest ? t.closest(sel) : null;")
    private static native HTMLElement closestJs(JSObject t, String sel);

    @JSBody(params = {"a", "b"}, script = "return a.contains(b);")
    static native boolean contains(HTMLElement a, HTMLElement b);

    /** prefers-color-scheme: dark (see media). */
    static boolean darkScheme() {
        return media("(prefers-color-scheme: dark)");
    }

    /**
     * Whether a media query matches: evaluated once per query, then kept up to date by a listener
     * (reading a query forces a style pass; a pane that asks at every step must not pay it).
     */
    @JSBody(params = "q", script = "var all = window.kthreadlabMedia || (window.kthreadlabMedia = {});"
        + " if (!(q in all)) { var m = window.matchMedia ? window.matchMedia(q) : null; all[q] = !!(m && m.matches);"
        + " if (m && m.addEventListener) { m.addEventListener('change', function (e) { all[q] = e.matches; }); } }"
        + " return all[q];")
    static native boolean media(String q);

    @JSBody(script = "return (navigator.language || '').toLowerCase().indexOf('zh') === 0;")
    static native boolean prefersChinese();

    @JSBody(params = "frag", script = "try { history.replaceState(null, '', '#' + frag); } catch (e) { }")
    static native void replaceFragment(String frag);

    @JSBody(script = "return location.hash || '';")
    static native String fragment();

    /** The focused element, or null when focus is on the page itself. */
    @JSBody(script = "var a = document.activeElement; return a && a !== document.body ? a : null;")
    static native HTMLElement focused();

    @JSBody(params = "e", script = "return !!e.isContentEditable;")
    static native boolean editable(HTMLElement e);

    @JSBody(params = "d", script = "return !!d.open;")
    static native boolean dialogOpen(HTMLElement d);

    @JSBody(params = "d", script = "if (!d.open) { d.showModal(); }")
    static native void showModal(HTMLElement d);

    @JSBody(params = "d", script = "if (d.open) { d.close(); }")
    static native void closeDialog(HTMLElement d);
}
