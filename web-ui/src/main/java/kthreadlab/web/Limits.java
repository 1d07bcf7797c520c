package kthreadlab.web;

import kthreadlab.scenario.Action;
import kthreadlab.scenario.Scenario;

/**
 * What the page starts by itself: a stored scenario past these limits is not loaded at start (the
 * reader is offered to open it). One call, so the scenario validator's own limits can replace it.
 */
final class Limits {
    /** Characters of stored scenario JSON. */
    static final int MAX_STORED_CHARS = 256 * 1024;
    /** Threads the actions create, in all. */
    static final long MAX_THREADS = 2_000;
    static final int MAX_ACTIONS = 2_000;

    private Limits() {
    }

    /** Null if the page may load this stored scenario by itself, else why not (one line). */
    static String overPage(String raw, Scenario s) {
        if (raw.length() > MAX_STORED_CHARS) {
            return "it is " + raw.length() + " characters long; the page opens at most " + MAX_STORED_CHARS
                + " by itself";
        }
        if (s.actions.size() > MAX_ACTIONS) {
            return "it has " + s.actions.size() + " actions; the page opens at most " + MAX_ACTIONS + " by itself";
        }
        long threads = 0;
        for (Action a : s.actions) {
            if (a.op.equals("kthread_run") || a.op.equals("kthread_create")) {
                threads += a.count < 0 ? s.cpus : a.count;
            }
        }
        if (threads > MAX_THREADS) {
            return "it creates " + threads + " threads; the page opens at most " + MAX_THREADS + " by itself";
        }
        return null;
    }
}
