package kthreadlab.fork;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/**
 * kernel_thread(fn, arg, flags) (kernel/fork.c): packs fn and arg into .stack and .stack_size of
 * kernel_clone_args (copy_thread reads them back as the entry point and its argument; a kernel
 * thread has no user stack) and forks with CLONE_VM|CLONE_UNTRACED. Returns the pid or -errno.
 */
public final class KernelThread extends Frame {
    static final Code CODE = new Code("kernel/fork.c", "kernel_thread",
        "struct kernel_clone_args args = {",
        "return kernel_clone(&args);");
    static final int ARGS = 0, CLONE = 1;
    public static final long CSIGNAL = 0xff;
    public static final long CLONE_VM = 0x100;
    public static final long CLONE_FS = 0x200;
    public static final long CLONE_FILES = 0x400;
    public static final long CLONE_UNTRACED = 0x00800000;
    public static final long SIGCHLD = 17;

    private final String fn;
    private final long arg;
    private final long flags;

    public KernelThread(String fn, long arg, long flags) {
        super(CODE);
        this.fn = fn;
        this.arg = arg;
        this.flags = flags;
    }

    @Override
    public String detail() {
        return fn;
    }

    @Override
    public void step(Exec x) {
        if (pc == ARGS) {
            pc = CLONE;
            return;
        }
        long cloneFlags = ((flags & 0xffffffffL) | CLONE_VM | CLONE_UNTRACED) & ~CSIGNAL;
        int exitSignal = (int) (flags & CSIGNAL);
        x.callAndReturn(new KernelClone(cloneFlags, exitSignal, fn, arg));
    }
}
