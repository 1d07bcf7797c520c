package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/**
 * A kthread.c function that carries a creation request (thread function, data, name format) on to
 * kthread_create_on_node(); call stacks show the name format.
 */
abstract class CreateRequestFrame extends Frame {
    final KthreadCreateOnNode.Request req;
    /** What kthread_create_on_node() returned to create(): the new task's id, or -errno. */
    long created;
    /** create() called kthread_create_on_node(): its return value goes to `created`. */
    private boolean creating;

    CreateRequestFrame(Code code, KthreadCreateOnNode.Request req) {
        super(code);
        this.req = req;
    }

    @Override
    public String detail() {
        return req.namefmt;
    }

    /** The caller's `= kthread_create...(...)` line: kthread_create_on_node(req); then pc `next`. */
    final void create(Exec x, int next) {
        pc = next;
        creating = true;
        x.call(new KthreadCreateOnNode(req));
    }

    @Override
    public void onReturn(long value) {
        if (creating) {
            created = value;
            creating = false;
        }
    }
}
