package kthreadlab.web;

import kthreadlab.engine.Frame;
import org.teavm.jso.JSBody;

/**
 * The page's copy of a simulator frame (Frame.useCopier): the same shallow copy as Object.clone,
 * by a function made once per frame class that assigns each field in turn. TeaVM's Object.clone
 * walks every property of the object and of its prototypes with for-in, and was the largest part
 * of a checkpoint's copy. The identity hash ($id$) is not copied: the copy gets its own when asked.
 */
final class FrameCopy {
    private FrameCopy() {
    }

    static void install() {
        Frame.useCopier(f -> (Frame) copy(f));
    }

    @JSBody(params = "o", script = "var all = globalThis.kthreadlabCopiers || (globalThis.kthreadlabCopiers = new Map());"
        + "var C = o.constructor; var f = all.get(C);"
        + "if (f === undefined) {"
        + "  var body = 'var c = new C();'; var ks = Object.keys(o);"
        + "  for (var i = 0; i < ks.length; i++) { if (ks[i] !== '$id$') { var k = JSON.stringify(ks[i]);"
        + "    body += 'c[' + k + '] = o[' + k + '];'; } }"
        + "  try { f = new Function('C', 'return function (o) { ' + body + ' return c; };')(C); }"
        + "  catch (e) { f = function (o) { var c = Object.assign(new C(), o); if (c.$id$) c.$id$ = 0; return c; }; }"
        + "  all.set(C, f);"
        + "}"
        + "return f(o);")
    private static native Object copy(Object o);
}
