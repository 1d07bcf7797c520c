package kthreadlab.scenario;

/**
 * A scenario file or link that cannot be used. The message is one line: where (a JSON key path such
 * as {@code actions[2].cpu}, a link key, or a line and column), the value, and what is wrong, e.g.
 * {@code actions[2].cpu: 5 is out of range (this scenario has 2 CPUs)}.
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Where the problem is: a key path ("actions[2].cpu", "until", "a[0].op") or "" for the whole input. */
    public final String key;
    /** What is wrong, without the key. */
    public final String problem;

    public ScenarioException(String key, String problem) {
        super(key.isEmpty() ? problem : key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }
}
