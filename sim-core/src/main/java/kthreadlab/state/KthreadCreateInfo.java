package kthreadlab.state;


/**
 * struct kthread_create_info: the request a creator hands to kthreadd, and the reply it gets back.
 * Lifecycle: allocated by the creator, queued on kthread_create_list, taken by kthreadd, freed by
 * exactly one party (the creator normally; kthread() or create_kthread() if the creator was killed).
 */
public final class KthreadCreateInfo {
    public enum Stage { ALLOCATED, QUEUED, TAKEN, FREED }

    public final int id;
    public final String threadfn;
    public final long data;
    public final String namefmt;
    public final int creatorTask;
    /** Completion id that create->done points at, or -1 once someone xchg'ed it to NULL. */
    public int done;
    /** create->result: a task id (>= 0), a negative errno, or Long.MIN_VALUE while unset. */
    public long result = Long.MIN_VALUE;
    public Stage stage = Stage.ALLOCATED;
    public final Lifecycle history;
    /** Injected failure for this one request: "", "copy_process" or "set_kthread_struct". */
    public final String fail;

    public KthreadCreateInfo(int id, String threadfn, long data, String namefmt, int creatorTask,
            int done, String fail) {
        this.id = id;
        this.threadfn = threadfn;
        this.data = data;
        this.namefmt = namefmt;
        this.creatorTask = creatorTask;
        this.done = done;
        this.fail = fail;
        this.history = new Lifecycle();
    }

    private KthreadCreateInfo(KthreadCreateInfo o) {
        this(o.id, o.threadfn, o.data, o.namefmt, o.creatorTask, o.done, o.fail);
        this.result = o.result;
        this.stage = o.stage;
        this.history.copyFrom(o.history);
    }

    public KthreadCreateInfo copy() {
        return new KthreadCreateInfo(this);
    }

    /**
     * Whether o holds what this one holds (a copy of one of them would equal the other): the same
     * request, and as far along (a lifecycle only grows, so the same length is the same lines).
     */
    public boolean sameAs(KthreadCreateInfo o) {
        return id == o.id && done == o.done && result == o.result && stage == o.stage
            && history.size() == o.history.size() && data == o.data && creatorTask == o.creatorTask
            && threadfn.equals(o.threadfn) && namefmt.equals(o.namefmt) && fail.equals(o.fail);
    }
}
