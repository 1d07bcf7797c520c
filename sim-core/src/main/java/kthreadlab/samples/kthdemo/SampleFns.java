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
import kthreadlab.time.timer.ScheduleTimeoutInterruptible;

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
        static final int SHOULD_STOP = 0, WHILE = 1, LOOPS = 2, SLEEP = 3, RETURN = 4;
        private final long periodMs;
        private long stop;

        Sleeper(long data) {
            super(CODE);
            this.periodMs = data > 0 ? data : 5;
        }

        @Override
        public void onReturn(long value) {
            if (pc == WHILE) {
                stop = value;
            }
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case SHOULD_STOP:
                    pc = WHILE;
                    x.call(new KthreadShouldStop());
                    return;
                case WHILE:
                    pc = stop != 0 ? RETURN : LOOPS;
                    return;
                case LOOPS:
                    pc = SLEEP;
                    return;
                case SLEEP:
                    pc = SHOULD_STOP;
                    x.call(new ScheduleTimeoutInterruptible(msecsToJiffies(periodMs, x.m.config.hz)));
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
        static final int SHOULD_STOP = 0, WHILE = 1, WORK = 2, COND_RESCHED = 3, RETURN = 4;
        private long stop;

        Spinner() {
            super(CODE);
        }

        @Override
        public void onReturn(long value) {
            if (pc == WHILE) {
                stop = value;
            }
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case SHOULD_STOP:
                    pc = WHILE;
                    x.call(new KthreadShouldStop());
                    return;
                case WHILE:
                    pc = stop != 0 ? RETURN : WORK;
                    return;
                case WORK:
                    x.cost(StepCost.WORK);
                    pc = COND_RESCHED;
                    return;
                case COND_RESCHED:
                    pc = SHOULD_STOP;
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
        static final int SET_STATE = 0, SHOULD_STOP = 1, IF_STOP = 2, STOP_RUNNING = 3, RETURN = 4,
            SHOULD_PARK = 5, IF_PARK = 6, PARK_RUNNING = 7, PARKME = 8, CONTINUE = 9, SCHEDULE = 10;
        private long answer;

        Percpu() {
            super(CODE);
        }

        @Override
        public void onReturn(long value) {
            answer = value;
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case SET_STATE:
                    x.cur.state = TaskState.TASK_INTERRUPTIBLE;
                    pc = SHOULD_STOP;
                    return;
                case SHOULD_STOP:
                    pc = IF_STOP;
                    x.call(new KthreadShouldStop());
                    return;
                case IF_STOP:
                    pc = answer != 0 ? STOP_RUNNING : SHOULD_PARK;
                    return;
                case STOP_RUNNING:
                    x.cur.state = TaskState.TASK_RUNNING;
                    pc = RETURN;
                    return;
                case RETURN:
                    x.ret(0);
                    return;
                case SHOULD_PARK:
                    pc = IF_PARK;
                    x.call(new KthreadShouldPark());
                    return;
                case IF_PARK:
                    pc = answer != 0 ? PARK_RUNNING : SCHEDULE;
                    return;
                case PARK_RUNNING:
                    x.cur.state = TaskState.TASK_RUNNING;
                    pc = PARKME;
                    return;
                case PARKME:
                    pc = CONTINUE;
                    x.call(new KthreadParkme());
                    return;
                case CONTINUE:
                    pc = SET_STATE;
                    return;
                default:
                    pc = SET_STATE;
                    x.call(new Schedule());
            }
        }
    }

    /** oneshot_fn: one piece of work, then return 42 (kthread() passes it to do_exit). */
    static final class Oneshot extends Frame {
        static final Code CODE = new Code(FILE, "oneshot_fn",
            "do_some_work();",
            "return 42;");
        static final int WORK = 0, RETURN = 1;

        Oneshot() {
            super(CODE);
        }

        @Override
        public void step(Exec x) {
            if (pc == WORK) {
                x.cost(StepCost.WORK);
                pc = RETURN;
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
        static final int SET_IDLE = 0, SHOULD_STOP = 1, IF_STOP = 2, BREAK = 3, IF_NO_WORK = 4, SCHEDULE = 5,
            CONTINUE = 6, GOT_WORK = 7, WORK_PENDING = 8, WORK = 9, STOP_RUNNING = 10, RETURN = 11;
        private long stop;

        Worker() {
            super(CODE);
        }

        @Override
        public void onReturn(long value) {
            if (pc == IF_STOP) {
                stop = value;
            }
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case SET_IDLE:
                    x.cur.state = TaskState.TASK_IDLE;
                    pc = SHOULD_STOP;
                    return;
                case SHOULD_STOP:
                    pc = IF_STOP;
                    x.call(new KthreadShouldStop());
                    return;
                case IF_STOP:
                    pc = stop != 0 ? BREAK : IF_NO_WORK;
                    return;
                case BREAK:
                    pc = STOP_RUNNING;
                    return;
                case IF_NO_WORK:
                    pc = SCHEDULE;
                    return;
                case SCHEDULE:
                    pc = CONTINUE;
                    x.call(new Schedule());
                    return;
                case CONTINUE:
                    pc = SET_IDLE;
                    return;
                case STOP_RUNNING:
                    x.cur.state = TaskState.TASK_RUNNING;
                    pc = RETURN;
                    return;
                default:
                    x.ret(0);
            }
        }
    }
}
