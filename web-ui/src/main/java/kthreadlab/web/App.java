package kthreadlab.web;

import kthreadlab.engine.Boot;
import kthreadlab.engine.Machine;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.source.Corpus;
import org.teavm.jso.dom.html.HTMLElement;

/** The page: one place that turns user intents into simulator steps and re-renders the snapshot. */
public final class App {
    private final Corpus corpus = Corpus.load();
    private final SourcePane source;
    private Scenario scenario;
    private Machine machine;
    private Snapshot snapshot;

    private App() {
        source = new SourcePane(corpus, Dom.byId("source"));
        scenario = Presets.get("seed").scenario;
        machine = Boot.machine(scenario);
        snapshot = Snapshot.of(machine);
        HTMLElement step = Dom.byId("btn-step");
        step.addEventListener("click", e -> step());
    }

    public static void main(String[] args) {
        try {
            new App().render();
        } catch (RuntimeException e) {
            System.out.println("kthreadlab: cannot start: " + e);
            Dom.text(Dom.byId("status"), "kthreadlab could not start: " + e.getMessage());
        }
    }

    private void step() {
        if (machine.step(scenario.until)) {
            snapshot = Snapshot.of(machine);
        }
        render();
    }

    private void render() {
        source.render(snapshot);
        Dom.text(Dom.byId("status"), "step " + snapshot.step + "  t=" + kthreadlab.kernel.Time.format(snapshot.timeNs));
    }
}
