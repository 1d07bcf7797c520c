package kthreadlab.engine;

import kthreadlab.state.Rq;
import kthreadlab.trace.TraceEvent;

/**
 * The context of one step: the machine, the CPU executing it and its current task. Frames use it
 * to call and return, to charge time, and to enable or disable preemption.
 */
public final class Exec {
    public Machine m;
    public Rq rq;
    public TaskStruct cur;
    private long cost;

    void run(Machine machine, Rq cpu) {
        this.m = machine;
        this.rq = cpu;
        this.cur = machine.task(cpu.curr);
        this.cost = StepCost.STATEMENT;
        if (cpu.tickPending && cpu.irqsOff == 0 && !cpu.inIrq) {
            cpu.tickPending = false;
            cpu.inIrq = true;
            cpu.irqsOff++;
            call(machine.hooks.tick());
        } else if (mayPreemptHere(machine, cpu)) {
            callImplicit(m.hooks.preemptIrq());
        }
        Frame f = cur.top();
        machine.lastCpu = cpu.cpu;
        machine.lastTask = cur.id;
        machine.lastFile = f.code().file;
        machine.lastFunction = f.code().function;
        machine.lastText = f.code().text(f.pc);
        machine.lastOccurrence = f.code().occurrence(f.pc);
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
    }

    /** Calls a function: its first statement is this task's next step. */
    public void call(Frame callee) {
        callee.irq = rq.inIrq;
        cur.stack.add(callee);
        callee.entered = true;
        m.emit(TraceEvent.FUNC_ENTER, rq, callee.code().function, callee.detail());
    }

    /**
     * Calls a function whose result is also the caller's result ("return f(...);"): when the
     * callee returns, the caller returns with the same value in the same step.
     */
    public void callAndReturn(Frame callee) {
        cur.top().returnsWithCallee = true;
        call(callee);
    }

    /**
     * Returns from the running function with a value for its caller. Leaving the last interrupt
     * frame is irq_exit: with full preemption and preempt_count 0, a pending resched preempts here.
     */
    public void ret(long value) {
        Frame done = cur.stack.remove(cur.stack.size() - 1);
        if (done.entered) {
            m.emit(TraceEvent.FUNC_EXIT, rq, done.code().function, "");
        }
        Frame caller = cur.top();
        boolean irqExit = done.irq && (caller == null || !caller.irq);
        if (irqExit) {
            rq.inIrq = false;
            rq.irqsOff--;
        }
        if (caller != null && !irqExit && !done.implicit) {
            caller.onReturn(value);
            if (caller.returnsWithCallee) {
                caller.returnsWithCallee = false;
                ret(value);
                return;
            }
        }
        if (irqExit && m.config.preempt == Config.Preempt.FULL && rq.preemptCount == 0 && rq.needResched
                && !cur.isIdle) {
            callImplicit(m.hooks.preemptIrq());
        }
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
        if (m.config.preempt == Config.Preempt.FULL && rq.preemptCount == 0 && rq.needResched
                && rq.irqsOff == 0 && !cur.isIdle) {
            callImplicit(m.hooks.preemptEnable());
            return true;
        }
        return false;
    }
}
