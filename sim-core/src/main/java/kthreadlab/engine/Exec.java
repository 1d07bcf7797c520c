package kthreadlab.engine;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.state.Rq;
import kthreadlab.trace.TraceEvent;

/**
 * The context of one step: the machine, the CPU executing it and its current task. Frames use it
 * to call and return, to charge time, and to enable or disable preemption.
 *
 * An atomic context (runToReturn) runs a function's step machine to its return at once, between
 * steps or inside one: an interrupt or a timed event (timer expiry, signal delivery, an action
 * falling due), or a line that calls a function the learner does not step into. It is the same
 * step machine the learner steps through; only the engine's bookkeeping differs (see runToReturn).
 */
public final class Exec {
    /** runToReturn's result when the function would have to wait for a lock: nothing was done. */
    public static final long WOULD_WAIT = Long.MIN_VALUE;

    public Machine m;
    public Rq rq;
    public TaskStruct cur;
    private long cost;
    /** The frames calls push on: the current task's stack, or an atomic run's own. */
    private List<Frame> frames;
    /** True while running to return at once: no steps, no function records, no preemption. */
    private boolean atomic;
    /** An atomic run: the step that just ran spun (a bug: its mustWait said it would not). */
    private boolean spun;
    /** An atomic run: the value the function returned. */
    private long result;
    /** StepCost.STATEMENT in a field that is not final (see Machine.one): read at every step. */
    private long statement = StepCost.STATEMENT;

    void run(Machine machine, Rq cpu) {
        this.m = machine;
        this.rq = cpu;
        this.cur = machine.task(cpu.curr);
        this.frames = cur.stack;
        this.cost = statement;
        if (cpu.tickPending && cpu.irqsOff == 0 && !cpu.inIrq) {
            cpu.tickPending = false;
            cpu.inIrq = true;
            cpu.irqsOff++;
            call(machine.hooks.tick());
        } else if (mayPreemptHere(machine, cpu)) {
            callImplicit(m.hooks.preemptIrq());
        }
        Frame f = cur.top();
        Code code = f.code();
        machine.lastCpu = cpu.cpu;
        machine.lastTask = cur.id;
        machine.lastFile = code.file;
        machine.lastFunction = code.function;
        machine.lastText = code.text(f.pc);
        machine.lastOccurrence = code.occurrence(f.pc);
        f.step(this);
        cpu.nextStep = machine.now + cost;
    }

    /**
     * Full preemption: a resched IPI from another CPU is an interrupt, and its return preempts the
     * running task if it is preemptible right then. The IPI is taken once irqs are on; with
     * preemption disabled at that moment the resched waits for the next preempt_enable().
     */
    private boolean mayPreemptHere(Machine machine, Rq cpu) {
        if (!cpu.ipiPending || cpu.irqsOff != 0) {
            return false;
        }
        cpu.ipiPending = false;
        if (machine.config.preempt != Config.Preempt.FULL || !cpu.needResched || cpu.preemptCount != 0
                || cur.isIdle) {
            return false;
        }
        Frame top = cur.top();
        return !top.isPreemption();
    }

    /** Charges this step `ns` of simulated time instead of an ordinary statement's cost. */
    public void cost(long ns) {
        this.cost = ns;
    }

    /** This step spun (on a lock or on p->on_cpu): the frame's pc stays where it is. */
    public void spin() {
        this.cost = StepCost.SPIN;
        this.spun = true;
    }

    /** True inside runToReturn: the function runs at once, in an interrupt or inside one line. */
    public boolean atomic() {
        return atomic;
    }

    /** Calls a function: its first statement is this task's next step. */
    public void call(Frame callee) {
        frames.add(callee);
        if (atomic) {
            return;
        }
        callee.irq = rq.inIrq;
        callee.entered = true;
        if (m.tracing()) {
            m.emit(TraceEvent.FUNC_ENTER, rq, callee.code().function, callee.detail());
        } else {
            m.countTrace();
        }
    }

    /**
     * Runs `f` on `cpu` to its return at once, in an atomic context: an interrupt or timed event
     * interrupting cpu's current task (the caller sets cpu's irq flags), or a line of a step that
     * calls f without the learner stepping into it. The statements are f's own step machine and
     * its callees'; they count no step, take no time, write no function records and never preempt;
     * its tracepoints are written on cpu with cpu's flags as they stand (irqs off, `s`/`h`, preempt
     * depth). If f.mustWait says a lock it takes is held (an atomic context cannot wait for another
     * CPU), nothing is done and WOULD_WAIT is returned: the caller retries later. Returns f's value.
     */
    public static long runToReturn(Machine m, Rq cpu, Frame f) {
        if (f.mustWait(m, cpu)) {
            return WOULD_WAIT;
        }
        Exec x = new Exec();
        x.m = m;
        x.rq = cpu;
        x.cur = m.task(cpu.curr);
        x.atomic = true;
        x.frames = new ArrayList<>(4);
        x.frames.add(f);
        while (!x.frames.isEmpty()) {
            Frame top = x.frames.get(x.frames.size() - 1);
            top.step(x);
            if (x.spun) {
                m.bug(top.code().function + " waited in an atomic context on CPU " + cpu.cpu
                    + " (its mustWait said it would not)");
                return WOULD_WAIT;
            }
        }
        return x.result;
    }

    private Frame top() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    /**
     * Calls a function whose result is also the caller's result ("return f(...);"): when the
     * callee returns, the caller returns with the same value in the same step.
     */
    public void callAndReturn(Frame callee) {
        top().returnsWithCallee = true;
        call(callee);
    }

    /**
     * Returns from the running function with a value for its caller. Leaving the last interrupt
     * frame is irq_exit: with full preemption and preempt_count 0, a pending resched preempts here.
     */
    public void ret(long value) {
        Frame done = frames.remove(frames.size() - 1);
        if (atomic) {
            retAtomic(value);
            return;
        }
        if (done.entered) {
            m.emit(TraceEvent.FUNC_EXIT, rq, done.code().function, "");
        }
        Frame caller = cur.top();
        boolean irqExit = done.irq && (caller == null || !caller.irq);
        if (irqExit) {
            rq.inIrq = false;
            rq.irqsOff--;
        }
        if (caller != null && !irqExit && !done.implicit && handBack(caller, value)) {
            return;
        }
        if (irqExit && m.config.preempt == Config.Preempt.FULL && rq.preemptCount == 0 && rq.needResched
                && !cur.isIdle) {
            callImplicit(m.hooks.preemptIrq());
        }
    }

    /** A return inside runToReturn: to the caller frame, or the run's result once f itself returns. */
    private void retAtomic(long value) {
        Frame caller = top();
        if (caller == null) {
            result = value;
            return;
        }
        handBack(caller, value);
    }

    /**
     * Gives a returned value to the caller. True when the caller was waiting to return the same
     * value ("return f(...);") and has now returned too.
     */
    private boolean handBack(Frame caller, long value) {
        caller.onReturn(value);
        if (!caller.returnsWithCallee) {
            return false;
        }
        caller.returnsWithCallee = false;
        ret(value);
        return true;
    }

    /** Pushes a frame the running code did not call (preemption): no return value goes back. */
    void callImplicit(Frame f) {
        f.implicit = true;
        call(f);
    }

    public void preemptDisable() {
        rq.preemptCount++;
    }

    /**
     * preempt_enable(): with full preemption, dropping to 0 with a resched pending preempts now
     * (preempt_schedule). Returns true if it did, so the caller knows a call was pushed.
     */
    public boolean preemptEnable() {
        rq.preemptCount--;
        if (rq.preemptCount < 0) {
            m.bug("preempt_count went negative on CPU " + rq.cpu);
            rq.preemptCount = 0;
        }
        if (!atomic && m.config.preempt == Config.Preempt.FULL && rq.preemptCount == 0 && rq.needResched
                && rq.irqsOff == 0 && !cur.isIdle) {
            callImplicit(m.hooks.preemptEnable());
            return true;
        }
        return false;
    }
}
