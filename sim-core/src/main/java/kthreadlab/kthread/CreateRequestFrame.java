package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Frame;

/**
 * A kthread.c function that carries a creation request (thread function, data, name format) on to
 * kthread_create_on_node(); call stacks show the name format.
 */
abstract class CreateRequestFrame extends Frame {
    final KthreadCreateOnNode.Request req;

    CreateRequestFrame(Code code, KthreadCreateOnNode.Request req) {
        super(code);
        this.req = req;
    }

    @Override
    public String detail() {
        return req.namefmt;
    }
}
