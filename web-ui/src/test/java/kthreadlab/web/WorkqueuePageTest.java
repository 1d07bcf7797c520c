package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.engine.Machine;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The workqueue presets in the page: kworkers appear in the task table named as ps names them, and
 * the worker pools in the kernel objects follow an item from the worklist to a worker and back, and
 * a pool that cannot create a worker calls its workqueue's rescuer.
 */
class WorkqueuePageTest {
    /** The first step at which some task's ps name is `ps`, in the JVM simulator. */
    private static long stepWhere(String preset, String ps) {
        Scenario s = Presets.get(preset).scenario;
        Machine m = Boot.machine(s);
        while (m.step(s.until)) {
            for (Snapshot.TaskView t : Snapshot.of(m).tasks) {
                if (t.psComm.equals(ps)) {
                    return m.steps;
                }
            }
        }
        throw new AssertionError(ps + " never shows in " + preset);
    }

    private static List<String> names(Browser b) {
        List<String> out = new ArrayList<>();
        for (WebElement e : b.driver.findElements(By.cssSelector("#task-table .chip.follow"))) {
            out.add(e.getText());
        }
        return out;
    }

    @Test
    void aSleepingItemShowsItsKworkerAsPlusWorkqueueAndTheNextItemOnAnotherKworker() throws Exception {
        long running = stepWhere("wq-sleep", "kworker/0:0+demo_wq");
        long after = stepWhere("wq-sleep", "kworker/0:1-demo_wq");
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=wq-sleep&step=" + running);
            List<String> shown = names(b);
            assertTrue(shown.contains("kworker/0:0+demo_wq"), shown.toString());
            assertTrue(shown.contains("kworker/0:0H") && shown.contains("kworker/u4:0"), shown.toString());
            b.open("#v=1&preset=wq-sleep&step=" + after);
            shown = names(b);
            assertTrue(shown.contains("kworker/0:1-demo_wq"), shown.toString());
            assertTrue(shown.contains("kworker/0:2"), "the pool created a worker: " + shown);
            List<String> severe = b.severeLogs();
            assertTrue(severe.isEmpty(), "browser log has SEVERE entries: " + severe);
        }
    }

    /** A pool's row on the page at a step: "cell class=text" joined by " | ". */
    private static String poolRow(Browser b, int pool) {
        return (String) b.js("const tr = document.querySelector('#obj-pools tr[data-pool=\"' + arguments[0] + '\"]');"
            + "return tr ? Array.from(tr.cells).map(td => td.className + '=' + td.textContent.trim()).join(' | ') : 'none';",
            pool);
    }

    /** The first step after `from` at which CPU 1's normal pool (id 2) satisfies `test`, in the JVM simulator. */
    private static long poolStep(String preset, long from, java.util.function.Predicate<Snapshot.PoolView> test) {
        Scenario s = Presets.get(preset).scenario;
        Machine m = Boot.machine(s);
        while (m.step(s.until)) {
            Snapshot snap = Snapshot.of(m);
            if (m.steps > from && test.test(snap.pools.get(2))) {
                return m.steps;
            }
        }
        throw new AssertionError("pool 2 never reaches the state in " + preset);
    }

    @Test
    void thePoolViewFollowsAWorkItemFromWorklistToAWorkerAndBackToIdle() throws Exception {
        String item = "short_work (short_work_fn)";
        long queued = poolStep("wq-wake-idle", 0, p -> p.worklist.contains(item));
        long running = poolStep("wq-wake-idle", queued, p -> p.busyWork.contains(item) && p.worklist.isEmpty());
        long done = poolStep("wq-wake-idle", running, p -> p.busy.isEmpty() && p.worklist.isEmpty()
            && p.idle.size() == p.nrWorkers);
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=wq-wake-idle&step=" + (queued - 1));
            String before = poolRow(b, 2);
            assertTrue(before.contains("worklist=empty") && before.contains("busy=none"), before);
            assertTrue(before.contains("label=pool 2 · cpu 1") && before.contains("workers=1 kworker/1:0"), before);
            assertTrue(before.contains("idle=1 kworker/1:0"), before);
            b.open("#v=1&preset=wq-wake-idle&step=" + queued);
            String q = poolRow(b, 2);
            assertTrue(q.contains("worklist=" + item) && q.contains("num running=0"), q);
            b.open("#v=1&preset=wq-wake-idle&step=" + running);
            String r = poolRow(b, 2);
            assertTrue(r.contains("busy=kworker/1:0") && r.contains(item), r);
            assertTrue(r.contains("num running=1") && r.contains("worklist=empty"), r);
            b.open("#v=1&preset=wq-wake-idle&step=" + done);
            String d = poolRow(b, 2);
            assertTrue(d.contains("workers=2 kworker/1:0") && d.contains("kworker/1:1"), "a reserve kworker: " + d);
            assertTrue(d.contains("busy=none") && d.contains("worklist=empty") && d.contains("idle=2"), d);
            assertTrue(b.byId("obj-pools-card").isDisplayed());
            b.open("#v=1&preset=seed&step=5");
            assertTrue(!b.byId("obj-pools-card").isDisplayed(), "no pools without workqueues");
            List<String> severe = b.severeLogs();
            assertTrue(severe.isEmpty(), "browser log has SEVERE entries: " + severe);
        }
    }

    @Test
    void aPoolThatCannotCreateAWorkerCallsTheRescuerWhoRunsTheItem() throws Exception {
        long armed = poolStep("wq-mayday", 0, p -> p.maydayTimer && !p.worklist.isEmpty() && p.busy.isEmpty());
        long called = poolStep("wq-mayday", armed, p -> p.maydays.contains("reclaim_wq"));
        long rescued = poolStep("wq-mayday", called, p -> !p.busyWork.isEmpty());
        long after = poolStep("wq-mayday", rescued, p -> p.busy.isEmpty() && p.worklist.isEmpty() && p.maydays.isEmpty()
            && p.workers.size() == p.nrWorkers);
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=wq-mayday&step=" + armed);
            String a = poolRow(b, 2);
            assertTrue(a.contains("mayday_timer pending") && !a.contains("maydays"), "the manager is trying: " + a);
            b.open("#v=1&preset=wq-mayday&step=" + called);
            String c = poolRow(b, 2);
            assertTrue(c.contains("on reclaim_wq's maydays: its rescuer is called") && c.contains("busy=none"), c);
            b.open("#v=1&preset=wq-mayday&step=" + rescued);
            String r = poolRow(b, 2);
            assertTrue(r.contains("busy=reclaim_wq-") && r.contains("_fn)"), "the rescuer runs the item: " + r);
            assertTrue(r.contains("reclaim_wq") && r.indexOf("workers=") < r.indexOf("reclaim_wq"), "attached to the pool: " + r);
            b.open("#v=1&preset=wq-mayday&step=" + after);
            String d = poolRow(b, 2);
            assertTrue(!d.contains("maydays") && !d.contains("reclaim_wq") && d.contains("worklist=empty"),
                "done, the rescuer detached: " + d);
            List<String> severe = b.severeLogs();
            assertTrue(severe.isEmpty(), "browser log has SEVERE entries: " + severe);
        }
    }
}
