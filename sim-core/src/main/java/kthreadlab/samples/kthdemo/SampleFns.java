package kthreadlab.samples.kthdemo;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.StepCost;
import kthreadlab.kthread.KthreadShouldPark;
import kthreadlab.kthread.KthreadShouldStop;
import kthreadlab.kthread.KthreadParkme;
import kthreadlab.sched.core.Schedule;
import kthreadlab.sched.core.__CondResched;
import kthreadlab.state.TaskState;
import kthreadlab.time.timer.ScheduleTimeout;

/** The thread functions of our sample module (samples/kthdemo.c), as step machines. */
public final class SampleFns {
    static final String FILE = "samples/kthdemo.c";

    private SampleFns() {
    }

    public static Frame start(String fn, long data) {
        switch (fn) {
            case "sleeper":
                return new Sleeper(data);
            case "spinner":
                return new Spinner();
            case "percpu":
                return new Percpu();
            case "oneshot":
                return new Oneshot();
            case "worker":
                return new Worker();
            default:
                throw new IllegalArgumentException("unknown thread function " + fn);
        }
    }

    /** msecs_to_jiffies: rounds up to whole ticks. */
    static long msecsToJiffies(long ms, int hz) {
        return (ms * hz + 999) / 1000;
    }

    /** sleeper_fn: sleeps period_ms at a time until kthread_stop(). data = period in ms. */
    static final class Sleeper extends Frame {
        static final Code CODE = new Code(FILE, "sleeper_fn",
            "while (!kthread_should_stop()) {",
            "while (!kthread_should_stop()) {",
            "sleeper_loops++;",
            "schedule_timeout_interruptible(msecs_to_jiffies(period_ms));",
            "return 0;");
        private final long periodMs;
        private long stop;

        Sleeper(long data) {
            this.periodMs = data > 0 ? data : 5;
        }

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void onReturn(long value) {
            if (pc == 1) {
                stop = value;
            }
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case 0:
                    pc = 1;
                    x.call(new KthreadShouldStop());
                    return;
                case 1:
                    pc = stop != 0 ? 4 : 2;
                    return;
                case 2:
                    pc = 3;
                    return;
                case 3:
                    pc = 0;
                    x.call(new ScheduleTimeout(msecsToJiffies(periodMs, x.m.config.hz), true));
                    return;
                default:
                    x.ret(0);
            }
        }
    }

    /** spinner_fn: CPU-bound work with a cond_resched() per pass. */
    static final class Spinner extends Frame {
        static final Code CODE = new Code(FILE, "spinner_fn",
            "while (!kthread_should_stop()) {",
            "while (!kthread_should_stop()) {",
            "do_some_work();",
            "cond_resched();",
            "return 0;");
        private long stop;

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void onReturn(long value) {
            if (pc == 1) {
                stop = value;
            }
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case 0:
                    pc = 1;
                    x.call(new KthreadShouldStop());
                    return;
                case 1:
                    pc = stop != 0 ? 4 : 2;
                    return;
                case 2:
                    x.cost(StepCost.WORK);
                    pc = 3;
                    return;
                case 3:
                    pc = 0;
                    __CondResched.call(x);
                    return;
                default:
                    x.ret(0);
            }
        }
    }

    /** percpu_fn: the smpboot_thread_fn pattern, park-aware. */
    static final class Percpu extends Frame {
        static final Code CODE = new Code(FILE, "percpu_fn",
            "set_current_state(TASK_INTERRUPTIBLE);",
            "if (kthread_should_stop()) {",
            "if (kthread_should_stop()) {",
            "__set_current_state(TASK_RUNNING); /* stopping */",
            "return 0;",
            "if (kthread_should_park()) {",
            "if (kthread_should_park()) {",
            "__set_current_state(TASK_RUNNING); /* parking */",
            "kthread_parkme();",
            "continue;",
            "schedule();");
        private long answer;

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void onReturn(long value) {
            answer = value;
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case 0:
                    x.cur.state = TaskState.TASK_INTERRUPTIBLE;
                    pc = 1;
                    return;
                case 1:
                    pc = 2;
                    x.call(new KthreadShouldStop());
                    return;
                case 2:
                    pc = answer != 0 ? 3 : 5;
                    return;
                case 3:
                    x.cur.state = TaskState.TASK_RUNNING;
                    pc = 4;
                    return;
                case 4:
                    x.ret(0);
                    return;
                case 5:
                    pc = 6;
                    x.call(new KthreadShouldPark());
                    return;
                case 6:
                    pc = answer != 0 ? 7 : 10;
                    return;
                case 7:
                    x.cur.state = TaskState.TASK_RUNNING;
                    pc = 8;
                    return;
                case 8:
                    pc = 9;
                    x.call(new KthreadParkme(true));
                    return;
                case 9:
                    pc = 0;
                    return;
                default:
                    pc = 0;
                    x.call(new Schedule());
            }
        }
    }

    /** oneshot_fn: one piece of work, then return 42 (kthread() passes it to do_exit). */
    static final class Oneshot extends Frame {
        static final Code CODE = new Code(FILE, "oneshot_fn",
            "do_some_work();",
            "return 42;");

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            if (pc == 0) {
                x.cost(StepCost.WORK);
                pc = 1;
                return;
            }
            x.ret(42);
        }
    }

    /** worker_fn: a simplified worker_thread, idle (TASK_IDLE, ps shows I) until work or stop. */
    static final class Worker extends Frame {
        static final Code CODE = new Code(FILE, "worker_fn",
            "set_current_state(TASK_IDLE);",
            "if (kthread_should_stop())",
            "if (kthread_should_stop())",
            "break;",
            "if (!work_pending) {",
            "schedule();",
            "continue;",
            "__set_current_state(TASK_RUNNING); /* got work */",
            "work_pending--;",
            "do_some_work();",
            "__set_current_state(TASK_RUNNING); /* stopping */",
            "return 0;");
        private long stop;

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void onReturn(long value) {
            if (pc == 2) {
                stop = value;
            }
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case 0:
                    x.cur.state = TaskState.TASK_IDLE;
                    pc = 1;
                    return;
                case 1:
                    pc = 2;
                    x.call(new KthreadShouldStop());
                    return;
                case 2:
                    pc = stop != 0 ? 3 : 4;
                    return;
                case 3:
                    pc = 10;
                    return;
                case 4:
                    pc = 5;
                    return;
                case 5:
                    pc = 6;
                    x.call(new Schedule());
                    return;
                case 6:
                    pc = 0;
                    return;
                case 10:
                    x.cur.state = TaskState.TASK_RUNNING;
                    pc = 11;
                    return;
                default:
                    x.ret(0);
            }
        }
    }
}
