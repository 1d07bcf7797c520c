package kthreadlab.sched.completion;

import kthreadlab.engine.Code;
import kthreadlab.engine.Frame;

/** A completion.c function of one completion x (by id); call stacks show it as "x=<id>". */
abstract class CompletionFrame extends Frame {
    /** The completion x, by id. */
    final int completion;

    CompletionFrame(Code code, int completion) {
        super(code);
        this.completion = completion;
    }

    @Override
    public String detail() {
        return "x=" + completion;
    }
}
