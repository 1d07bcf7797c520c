package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;

/**
 * kthread_create_on_node(threadfn, data, node, namefmt, ...): the frame a caller pushes; it hands
 * its Request to __kthread_create_on_node() and returns the new task (or -errno).
 */
public final class KthreadCreateOnNode extends CreateRequestFrame {
    static final Code CODE = new Code("kernel/kthread.c", "kthread_create_on_node",
        "task = __kthread_create_on_node(threadfn, data, node, namefmt, args);",
        "return task;");

    /** What the caller asks for: thread function, its data, name format and its argument. */
    public static final class Request {
        public final String threadfn;
        public final long data;
        public final String namefmt;
        public final long nameArg;
        public final String fail;

        public Request(String threadfn, long data, String namefmt, long nameArg, String fail) {
            this.threadfn = threadfn;
            this.data = data;
            this.namefmt = namefmt;
            this.nameArg = nameArg;
            this.fail = fail;
        }
    }

    public KthreadCreateOnNode(Request req) {
        super(CODE, req);
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new __KthreadCreateOnNode(req));
    }
}
