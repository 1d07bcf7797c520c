"""Writes bench.html for tools/wasm-bench.sh into the given directory (see that script)."""
import base64
import gzip
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
wasm = (out / "kthreadlab.wasm").read_bytes()
weights = []
for name in ["kthreadlab-node.js", "kthreadlab.wasm", "kthreadlab.wasm-runtime.js"]:
    raw = (out / name).read_bytes()
    weights.append(f"{name}: {len(raw)} bytes raw, {len(gzip.compress(raw, 9))} gzip")
(out / "wasm-bytes.js").write_text("window.WASM_B64 = '" + base64.b64encode(wasm).decode() + "';\n")
page = """<!doctype html><meta charset=utf-8><title>kthreadlab wasm-gc bench</title>
<script>
const fig = (t) => console.log('FIG| ' + t);
let captured = '';
const keep = (...a) => { captured += a.join(' ') + '\\n'; };
WEIGHTS.forEach(fig);
</script>
<script src="kthreadlab-node.js"></script>
<script src="kthreadlab.wasm-runtime.js"></script>
<script src="wasm-bytes.js"></script>
<script>
(async () => {
  const log = console.log, info = console.info;
  const run = (f, args) => { captured = ''; console.log = keep; console.info = keep;
    try { f(args); } finally { console.log = log; console.info = info; } return captured; };
  try {
    const t0 = performance.now();
    const bytes = Uint8Array.from(atob(window.WASM_B64), c => c.charCodeAt(0));
    const wasm = (await TeaVM.wasmGC.load(bytes)).exports;
    fig('wasm-gc: decoded, compiled and instantiated from file:// in ' + (performance.now() - t0).toFixed(0) + ' ms');
    const js = (a) => main(a), wa = (a) => wasm.main(a);
    const presets = run(js, ['presets']).trim().split('\\n');
    let same = 0;
    for (const p of presets) {
      const a = run(js, ['dump', p]), b = run(wa, ['dump', p]);
      if (a === b && a.length > 0) { same++; } else { fig('DIFFERENT trace for preset ' + p + ' (' + a.length + ' vs ' + b.length + ' chars)'); }
    }
    fig('traces: ' + same + ' of ' + presets.length + ' presets identical in both builds');
    const wall = {js: [], wasm: []};
    for (let i = 0; i < 3; i++) {
      for (const [name, f] of [['js', js], ['wasm', wa]]) {
        const t = performance.now();
        const text = run(f, ['bench']);
        wall[name].push(performance.now() - t);
        if (i === 0) { fig(name + ': ' + text.split('\\n').filter(l => /steps |steps\\/s/.test(l)).map(l => l.trim()).join('; ')); }
      }
    }
    const med = (xs) => xs.slice().sort((x, y) => x - y)[1];
    fig('bench wall ms, JavaScript: ' + wall.js.map(x => x.toFixed(0)).join(', ') + '; WebAssembly GC: ' + wall.wasm.map(x => x.toFixed(0)).join(', '));
    fig('median JavaScript / WebAssembly GC: ' + (med(wall.js) / med(wall.wasm)).toFixed(2));
  } catch (e) {
    fig('ERROR ' + e + ' ' + (e.stack || ''));
  }
  fig('DONE');
})();
</script>
"""
page = page.replace("WEIGHTS", repr(weights))
(out / "bench.html").write_text(page)
