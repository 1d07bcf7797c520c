package kthreadlab.scenario;

import java.util.Collections;
import java.util.List;

/** A scenario: the machine, the boot profile and what the creators do when. Immutable. */
public final class Scenario {
    public static final int VERSION = 1;

    public final String title;
    public final int cpus;
    public final List<Integer> nohzFull;
    public final int hz;
    /** "none", "voluntary" or "full". */
    public final String preempt;
    /** "minimal" or "v5.15". */
    public final String boot;
    public final long until;
    public final List<Action> actions;
    /**
     * What-if changes to the kernel code, by name (WHATIFS), in the order given; empty for the real
     * v5.15 code. The source pane shows the real lines; a what-if only changes what they do.
     */
    public final List<String> whatIf;

    /**
     * no_preempt_disable: kthread() skips its preempt_disable()/preempt_enable() around complete(done).
     * kworker_enomem: memory is short once workqueues are online, so create_worker()'s
     * kthread_create_on_node() fails (its kmalloc returns NULL) and pools must call their rescuers.
     */
    public static final String[] WHATIFS = {"no_preempt_disable", "kworker_enomem"};

    public Scenario(String title, int cpus, List<Integer> nohzFull, int hz, String preempt,
            String boot, long until, List<Action> actions) {
        this(title, cpus, nohzFull, hz, preempt, boot, until, actions, Collections.<String>emptyList());
    }

    public Scenario(String title, int cpus, List<Integer> nohzFull, int hz, String preempt,
            String boot, long until, List<Action> actions, List<String> whatIf) {
        this.title = title;
        this.cpus = cpus;
        this.nohzFull = Collections.unmodifiableList(nohzFull);
        this.hz = hz;
        this.preempt = preempt;
        this.boot = boot;
        this.until = until;
        this.actions = Collections.unmodifiableList(actions);
        this.whatIf = Collections.unmodifiableList(whatIf);
    }

    public boolean whatIf(String name) {
        return whatIf.contains(name);
    }
}
