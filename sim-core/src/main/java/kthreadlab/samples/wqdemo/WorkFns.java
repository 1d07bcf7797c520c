package kthreadlab.samples.wqdemo;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.StepCost;
import kthreadlab.time.timer.ScheduleTimeoutInterruptible;

/** The work functions of samples/wqdemo.c: short, sleeping and CPU-bound. */
public final class WorkFns {
    static final String FILE = "samples/wqdemo.c";
    /** The work items of the module, as a scenario names them. */
    public static final String[] WORKS = {"short_work", "sleep_work", "cpu_work"};
    static final long SLEEP_MS = 20;
    static final int BUSY_LOOPS = 4;

    private WorkFns() {
    }

    /** The function of a work item: short_work -> short_work_fn. */
    public static String fnOf(String work) {
        return work + "_fn";
    }

    public static Frame start(String fn) {
        switch (fn) {
            case "short_work_fn":
                return new ShortWork();
            case "sleep_work_fn":
                return new SleepWork();
            case "cpu_work_fn":
                return new CpuWork();
            default:
                throw new IllegalArgumentException("unknown work function " + fn);
        }
    }

    /** short_work_fn: one statement. */
    static final class ShortWork extends Frame {
        static final Code CODE = new Code(FILE, "short_work_fn", "short_runs++;");

        ShortWork() {
            super(CODE);
        }

        @Override
        public void step(Exec x) {
            x.ret(0);
        }
    }

    /** sleep_work_fn: blocks its kworker for sleep_ms. */
    static final class SleepWork extends Frame {
        static final Code CODE = new Code(FILE, "sleep_work_fn",
            "schedule_timeout_interruptible(msecs_to_jiffies(sleep_ms));");

        SleepWork() {
            super(CODE);
        }

        @Override
        public void step(Exec x) {
            long hz = x.m.config.hz;
            long j = (SLEEP_MS * hz + 999) / 1000;
            x.callAndReturn(new ScheduleTimeoutInterruptible(j));
        }
    }

    /** cpu_work_fn: keeps the CPU busy for busy_loops passes, never sleeping. */
    static final class CpuWork extends Frame {
        static final Code CODE = new Code(FILE, "cpu_work_fn",
            "for (i = 0; i < busy_loops; i++)",
            "cpu_relax();");
        static final int FOR = 0, RELAX = 1;
        private int i;

        CpuWork() {
            super(CODE);
        }

        @Override
        public void step(Exec x) {
            if (pc == FOR) {
                if (i < BUSY_LOOPS) {
                    pc = RELAX;
                } else {
                    x.ret(0);
                }
                return;
            }
            x.cost(StepCost.WORK);
            i++;
            pc = FOR;
        }
    }
}
