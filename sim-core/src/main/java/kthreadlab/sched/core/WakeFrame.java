package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Frame;

/** A wakeup function of task p (by id) for the sleep states in `state`; call stacks show "p=<id>". */
abstract class WakeFrame extends Frame {
    final int task;
    final int state;

    WakeFrame(Code code, int task, int state) {
        super(code);
        this.task = task;
        this.state = state;
    }

    @Override
    public String detail() {
        return "p=" + task;
    }
}
