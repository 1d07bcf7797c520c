package kthreadlab.engine;

import kthreadlab.state.Rq;

/**
 * One activation of a simulated kernel function: a step machine whose program counter names the
 * source line it executes next. Frames hold only primitives and immutable values (tasks, completions
 * and create infos are referred to by id) so that copy() gives an independent checkpoint.
 */
public abstract class Frame implements Cloneable {
    /** Index into code(): the statement this frame executes at its next step. */
    public int pc;
    /** True for frames pushed by an interrupt (the tick) on top of the task's own frames. */
    public boolean irq;
    /** Pushed by the machine, not called by the frame below (preemption): its return value is not delivered. */
    public boolean implicit;
    /** A FUNC_ENTER record was emitted for this frame (frames planted by copy_thread have none). */
    public boolean entered;
    /** Set by Exec.callAndReturn: return as soon as the called function returns. */
    public boolean returnsWithCallee;

    /** The function's lines: immutable, shared by all its frames. */
    private final Code code;

    /** A frame of the function whose lines `code` lists, about to execute its first line. */
    protected Frame(Code code) {
        this.code = code;
    }

    /** The lines of this frame's function, indexed by pc. */
    public final Code code() {
        return code;
    }

    /** Executes the statement at pc: changes the machine, then moves pc, calls or returns. */
    public abstract void step(Exec x);

    /** Receives the return value of the function this frame called, when that function returns. */
    public void onReturn(long value) {
    }

    /**
     * Whether this function, run at once from `cpu` in an atomic context (Exec.runToReturn), would
     * have to wait for a lock or for another CPU right now: then it is not started, and its caller
     * retries later. Only functions whose steps can spin override it; it must name every wait.
     */
    public boolean mustWait(Machine m, Rq cpu) {
        return false;
    }

    /** True for the preemption functions (Hooks.preemptIrq/preemptEnable): a preemption does not nest in one. */
    public boolean isPreemption() {
        return false;
    }

    public final String lineText() {
        return code().text(pc);
    }

    /** Extra words shown beside the function name in call stacks (e.g. the thread function). */
    public String detail() {
        return "";
    }

    /** A shallow copy of this frame: every field, none shared that could change (see the class comment). */
    public Frame copy() {
        return copier.copy(this);
    }

    /** Makes the shallow copies copy() returns. */
    public interface Copier {
        Frame copy(Frame f);
    }

    private static Copier copier = Frame::cloned;

    /**
     * Replaces how frames are copied by another shallow copy of every field. The page does so:
     * in TeaVM's JavaScript, Object.clone walks every property of the object and its prototypes
     * with for-in, and was the largest part of a checkpoint. Results must not change.
     */
    public static void useCopier(Copier c) {
        copier = c;
    }

    /** The shallow copy Object.clone makes. */
    public static Frame cloned(Frame f) {
        try {
            return (Frame) f.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
