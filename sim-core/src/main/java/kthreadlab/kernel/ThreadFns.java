package kthreadlab.kernel;

/** The functions a new task can start in: fn of kernel_thread(fn, arg, flags). */
public final class ThreadFns {
    private ThreadFns() {
    }

    public static Frame start(String fn, long arg) {
        switch (fn) {
            case "kernel_init":
                return new KernelInit();
            case "kthreadd":
                return new Kthreadd();
            case "kthread":
                return new KthreadFn((int) arg);
            default:
                return SampleFns.start(fn, arg);
        }
    }
}
