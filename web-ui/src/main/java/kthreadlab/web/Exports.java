package kthreadlab.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The browser's side of sharing: downloads (Blob + object URL + a download link), the clipboard,
 * reading a chosen or dropped file, local storage and the single-file offline build. Everything
 * from outside reaches Java as a string; nothing is ever parsed as HTML.
 */
final class Exports {
    private Exports() {
    }

    /** Receives text from JavaScript (a file's content, an error). */
    @JSFunctor
    interface TextHandler extends JSObject {
        void handle(String text);
    }

    /** Receives a file from JavaScript: its size, and its bytes one char each (empty when over `max`). */
    @JSFunctor
    interface FileHandler extends JSObject {
        void handle(double size, String bytes);
    }

    /** Reads kFile: nothing when larger than max (the size alone goes to Java), else every byte. */
    private static final String READ = "var kMax = max; if (kFile.size > kMax) { ok(kFile.size, ''); return; }"
        + " kFile.arrayBuffer().then(function (kBuf) { var kU = new Uint8Array(kBuf); var kS = '';"
        + " for (var kI = 0; kI < kU.length; kI += 8192) { kS += String.fromCharCode.apply(null, kU.subarray(kI, kI + 8192)); }"
        + " ok(kU.length, kS); }, function (kErr) { fail(String(kErr)); });";

    // JS locals are named k…: TeaVM renames the parameters, and a short local could shadow one.
    @JSBody(params = {"name", "mime", "text"}, script = "var kBlob = new Blob([text], {type: mime});"
        + " var kUrl = URL.createObjectURL(kBlob); var kA = document.createElement('a');"
        + " kA.href = kUrl; kA.download = name; kA.target = '_self'; kA.style.display = 'none';"
        + " document.body.appendChild(kA); kA.click();"
        + " setTimeout(function () { URL.revokeObjectURL(kUrl); kA.remove(); }, 2000);")
    static native void download(String name, String mime, String text);

    /** A list of text pieces for downloadParts. */
    @JSBody(script = "return [];")
    static native JSObject parts();

    @JSBody(params = {"parts", "text"}, script = "parts.push(text);")
    static native void push(JSObject parts, String text);

    /** Downloads the pieces as one file (a Blob of the pieces: no single string of the whole). */
    @JSBody(params = {"name", "mime", "parts"}, script = "var kBlob = new Blob(parts, {type: mime});"
        + " var kUrl = URL.createObjectURL(kBlob); var kA = document.createElement('a');"
        + " kA.href = kUrl; kA.download = name; kA.target = '_self'; kA.style.display = 'none';"
        + " document.body.appendChild(kA); kA.click();"
        + " setTimeout(function () { URL.revokeObjectURL(kUrl); kA.remove(); }, 2000);")
    static native void downloadParts(String name, String mime, JSObject parts);

    /** window.kthreadlabExportAsk: bytes above which a download asks first (0 when unset). */
    @JSBody(script = "var kV = window.kthreadlabExportAsk; return typeof kV === 'number' ? kV : 0;")
    static native double askSetting();

    /** Copies text; `done` gets "" on success or why it could not (then the reader copies by hand). */
    @JSBody(params = {"text", "done"}, script = "try {"
        + " if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {"
        + "  navigator.clipboard.writeText(text).then(function () { done(''); },"
        + "   function (kEv) { done('the browser refused the clipboard'); }); return; }"
        + " } catch (kEx) { }"
        + " done('no clipboard here');")
    static native void copy(String text, TextHandler done);

    /** Selects the whole text of an input or textarea and focuses it. */
    @JSBody(params = "e", script = "e.focus(); e.select();")
    static native void select(HTMLElement e);

    /** Reads the first file of a file input after a change. */
    @JSBody(params = {"input", "max", "ok", "fail"}, script = "var kFile = input.files && input.files[0];"
        + " if (!kFile) return; input.value = ''; " + READ)
    static native void readChosen(HTMLElement input, int max, FileHandler ok, TextHandler fail);

    /** Lets files be dropped anywhere on the element; the first one is read. */
    @JSBody(params = {"el", "max", "ok", "fail"}, script = "el.addEventListener('dragover', function (kEv) {"
        + " if (kEv.dataTransfer && Array.prototype.indexOf.call(kEv.dataTransfer.types, 'Files') >= 0) {"
        + " kEv.preventDefault(); el.classList.add('dropping'); } });"
        + " el.addEventListener('dragleave', function () { el.classList.remove('dropping'); });"
        + " el.addEventListener('drop', function (kEv) { el.classList.remove('dropping');"
        + " var kFile = kEv.dataTransfer && kEv.dataTransfer.files && kEv.dataTransfer.files[0]; if (!kFile) return;"
        + " kEv.preventDefault(); " + READ + " });")
    static native void onDrop(HTMLElement el, int max, FileHandler ok, TextHandler fail);

    @JSBody(params = "key", script = "try { var kVal = window.localStorage.getItem(key);"
        + " return kVal === null ? '' : kVal; } catch (kEx) { return ''; }")
    static native String load(String key);

    @JSBody(params = {"key", "value"}, script = "try { window.localStorage.setItem(key, value); return true; }"
        + " catch (kEx) { return false; }")
    static native boolean save(String key, String value);

    @JSBody(params = "key", script = "try { window.localStorage.removeItem(key); } catch (kEx) { }")
    static native void remove(String key);

    /** The page's localStorage for the Store (an empty value counts as none: it holds no work). */
    static final class LocalStorage implements Store.Storage {
        @Override
        public String get(String key) {
            String v = load(key);
            return v == null || v.isEmpty() ? null : v;
        }

        @Override
        public boolean set(String key, String value) {
            return save(key, value);
        }

        @Override
        public void remove(String key) {
            Exports.remove(key);
        }
    }

    /** The page address without its fragment. */
    @JSBody(script = "return location.href.split('#')[0];")
    static native String pageUrl();

    @JSBody(script = "return location.protocol === 'http:' || location.protocol === 'https:';")
    static native boolean served();

    /** The page is the single-file app (its script is inline, not kthreadlab.js beside it). */
    @JSBody(script = "return !document.querySelector('script[src=\"kthreadlab.js\"]');")
    static native boolean singleFile();

    /**
     * Builds kthreadlab.html as tools/Inline.java does: fetches this page, its stylesheet, its
     * script and the notes and corpus scripts it loads on demand, inlines them and downloads the one file;
     * `fail` gets the reason otherwise.
     */
    @JSBody(params = {"fail"}, script = "var kPage = location.href.split('#')[0];"
        + " var kGet = function (kU) { return fetch(new URL(kU, kPage).href, {cache: 'no-cache'}).then(function (kResp) {"
        + "  if (!kResp.ok) throw new Error(kU + ': HTTP ' + kResp.status); return kResp.text(); }); };"
        + " Promise.all([kGet(kPage), kGet('kthreadlab.css'), kGet('kthreadlab.js'), kGet('notes-en.js'), kGet('notes-zh.js'),"
        + " kGet('corpus-more.js')]).then(function (kT) {"
        + "  var kEsc = function (kS) { return kS.split('</script').join('<\\\\/script'); };"
        + "  var kHtml = kT[0], kCss = kT[1].split('</style').join('<\\\\/style');"
        + "  var kJs = kEsc(kT[3]) + '\\n</script>\\n<script>\\n' + kEsc(kT[4]) + '\\n</script>\\n<script>\\n' + kEsc(kT[5])"
        + "   + '\\n</script>\\n<script>\\n' + kEsc(kT[2]);"
        + "  var kLink = '<link rel=\"stylesheet\" href=\"kthreadlab.css\">', kTag = '<script src=\"kthreadlab.js\"></script>';"
        + "  if (kHtml.indexOf(kLink) < 0 || kHtml.indexOf(kTag) < 0) throw new Error('this page is already a single file');"
        + "  kHtml = kHtml.split(kLink).join('<style>\\n' + kCss + '\\n</style>');"
        + "  kHtml = kHtml.split(kTag).join('<script>\\n' + kJs + '\\n</script>');"
        + "  var kBlob = new Blob([kHtml], {type: 'text/html'}); var kUrl = URL.createObjectURL(kBlob);"
        + "  var kA = document.createElement('a'); kA.href = kUrl; kA.download = 'kthreadlab.html'; kA.target = '_self';"
        + "  document.body.appendChild(kA); kA.click(); setTimeout(function () { URL.revokeObjectURL(kUrl); kA.remove(); }, 2000);"
        + " })['catch'](function (kErr) { fail(String(kErr && kErr.message || kErr)); });")
    static native void offline(TextHandler fail);
}
