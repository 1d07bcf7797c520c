package kthreadlab.web;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** An action from Java, callable from JavaScript. */
@JSFunctor
interface JsAction extends JSObject {
    void run();
}
