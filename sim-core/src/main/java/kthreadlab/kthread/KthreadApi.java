package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.time.timer.Timers;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.format.Errno;
import kthreadlab.sched.completion.WaitForCompletion;
import kthreadlab.sched.core.WakeUpProcess;
import kthreadlab.state.CpuMask;
import kthreadlab.state.Kthread;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;
import kthreadlab.time.timer.ScheduleTimeout;

/** The kthread API a creator calls (kernel/kthread.c, include/linux/kthread.h), one frame each. */
public final class KthreadApi {
    private KthreadApi() {
    }

    /** kthread_run(): kthread_create() and, if that worked, wake_up_process(). */
    public static final class Run extends Frame {
        static final Code CODE = new Code("include/linux/kthread.h", "kthread_run",
            "= kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \\",
            "if (!IS_ERR(__k)) \\",
            "wake_up_process(__k); \\",
            "__k; \\");
        private final KthreadCreateOnNode.Request req;
        private long k;

        public Run(KthreadCreateOnNode.Request req) {
            this.req = req;
        }

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public String detail() {
            return req.namefmt;
        }

        @Override
        public void onReturn(long value) {
            if (pc == 1) {
                k = value;
            }
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case 0:
                    pc = 1;
                    x.call(KthreadCreateOnNode.call(req));
                    return;
                case 1:
                    pc = k < 0 ? 3 : 2;
                    return;
                case 2:
                    pc = 3;
                    x.call(new WakeUpProcess((int) k));
                    return;
                default:
                    x.ret(k);
            }
        }
    }

    /** kthread_create_on_cpu(): create, bind to the CPU before the first wakeup, remember the CPU. */
    public static final class CreateOnCpu extends Frame {
        static final Code CODE = new Code("kernel/kthread.c", "kthread_create_on_cpu",
            "p = kthread_create_on_node(threadfn, data, cpu_to_node(cpu), namefmt,",
            "if (IS_ERR(p))",
            "#1 return p;",
            "kthread_bind(p, cpu);",
            "to_kthread(p)->cpu = cpu;",
            "#2 return p;");
        private final KthreadCreateOnNode.Request req;
        private final int cpu;
        private long p;

        public CreateOnCpu(KthreadCreateOnNode.Request req, int cpu) {
            this.req = req;
            this.cpu = cpu;
        }

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public String detail() {
            return req.namefmt + " cpu " + cpu;
        }

        @Override
        public void onReturn(long value) {
            if (pc == 1) {
                p = value;
            }
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case 0:
                    pc = 1;
                    x.call(KthreadCreateOnNode.call(req));
                    return;
                case 1:
                    pc = p < 0 ? 2 : 3;
                    return;
                case 2:
                    x.ret(p);
                    return;
                case 3:
                    pc = 4;
                    x.call(new Bind((int) p, cpu, TaskState.TASK_UNINTERRUPTIBLE, false));
                    return;
                case 4: {
                    Kthread k = x.m.task((int) p).kthread;
                    if (k != null) {
                        k.cpu = cpu;
                    }
                    pc = 5;
                    return;
                }
                default:
                    x.ret(p);
            }
        }
    }

    /**
     * kthread_bind(p, cpu) -> __kthread_bind_mask(p, cpumask_of(cpu), state): only once p is off its
     * CPU in `state` (wait_task_inactive), set cpus_mask to that one CPU and PF_NO_SETAFFINITY.
     */
    public static final class Bind extends Frame {
        static final Code BIND = new Code("kernel/kthread.c", "kthread_bind",
            "__kthread_bind(p, cpu, TASK_UNINTERRUPTIBLE);");
        static final Code MASK = new Code("kernel/kthread.c", "__kthread_bind_mask",
            "if (!wait_task_inactive(p, state)) {",
            "if (!wait_task_inactive(p, state)) {",
            "WARN_ON(1);",
            "raw_spin_lock_irqsave(&p->pi_lock, flags);",
            "do_set_cpus_allowed(p, mask);",
            "p->flags |= PF_NO_SETAFFINITY;",
            "raw_spin_unlock_irqrestore(&p->pi_lock, flags);");
        private final int task;
        private final int cpu;
        private final int state;
        private final boolean inner;
        /** For __kthread_bind_mask() called with a mask (kthread_bind_mask); null: the one CPU. */
        private final CpuMask mask;
        private long inactive;

        public Bind(int task, int cpu, int state, boolean inner) {
            this.task = task;
            this.cpu = cpu;
            this.state = state;
            this.inner = inner;
            this.mask = null;
        }

        /** kthread_bind_mask(p, mask): __kthread_bind_mask(p, mask, TASK_UNINTERRUPTIBLE). */
        public Bind(int task, CpuMask mask) {
            this.task = task;
            this.cpu = mask.firstSet();
            this.state = TaskState.TASK_UNINTERRUPTIBLE;
            this.inner = true;
            this.mask = mask;
        }

        @Override
        public Code code() {
            return inner ? MASK : BIND;
        }

        @Override
        public String detail() {
            return mask != null && mask.weight() > 1 ? "cpus 0-" + (mask.weight() - 1) : "cpu " + cpu;
        }

        @Override
        public void onReturn(long value) {
            inactive = value;
        }

        @Override
        public void step(Exec x) {
            if (!inner) {
                x.callAndReturn(new Bind(task, cpu, state, true));
                return;
            }
            TaskStruct p = x.m.task(task);
            switch (pc) {
                case 0:
                    pc = 1;
                    x.call(new WaitTaskInactive(task, state));
                    return;
                case 1:
                    pc = inactive == 0 ? 2 : 3;
                    return;
                case 2:
                    x.ret(0);
                    return;
                case 3:
                    x.rq.irqsOff++;
                    x.preemptDisable();
                    pc = 4;
                    return;
                case 4:
                    p.cpusMask = mask != null ? mask : CpuMask.of(cpu);
                    pc = 5;
                    return;
                case 5:
                    p.flags |= TaskFlags.PF_NO_SETAFFINITY;
                    pc = 6;
                    return;
                default:
                    x.rq.irqsOff--;
                    x.ret(0);
                    x.preemptEnable();
            }
        }
    }

    /**
     * wait_task_inactive(p, state) (kernel/sched/core.c:3207): while p runs, spin, re-checking
     * that p is still in `state` (0 if not); once p is off its CPU, 0 if p left `state`; if p is
     * still queued (preempted before it could sleep) sleep one tick's length with an hrtimer
     * (schedule_hrtimeout, NSEC_PER_SEC / HZ from now, not the next jiffy) and look again.
     */
    public static final class WaitTaskInactive extends Frame {
        static final Code CODE = new Code("kernel/sched/core.c", "wait_task_inactive",
            "if (match_state && unlikely(READ_ONCE(p->__state) != match_state))",
            "while (task_running(rq, p)) {",
            "if (unlikely(queued)) {",
            "set_current_state(TASK_UNINTERRUPTIBLE);",
            "schedule_hrtimeout(&to, HRTIMER_MODE_REL);",
            "#2 continue;",
            "return ncsw;");
        static final int RECHECK = 0, RUNNING = 1, QUEUED = 2, SET_STATE = 3, HRTIMEOUT = 4, CONTINUE = 5,
            RETURN = 6;
        private final int task;
        private final int state;
        private long ncsw;

        public WaitTaskInactive(int task, int state) {
            this.task = task;
            this.state = state;
            this.pc = RUNNING;
        }

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            TaskStruct p = x.m.task(task);
            switch (pc) {
                case RECHECK:
                    if (p.state != state) {
                        x.ret(0);
                        return;
                    }
                    x.spin();
                    pc = RUNNING;
                    return;
                case RUNNING:
                    pc = p.onCpu ? RECHECK : QUEUED;
                    return;
                case QUEUED:
                    ncsw = p.state == state ? 1 : 0;
                    pc = ncsw != 0 && p.se.onRq ? SET_STATE : RETURN;
                    return;
                case SET_STATE:
                    x.cur.state = TaskState.TASK_UNINTERRUPTIBLE;
                    pc = HRTIMEOUT;
                    return;
                case HRTIMEOUT:
                    Timers.armHrtimer(x.m, x.cur, x.rq.cpu, x.m.now + 1_000_000_000L / x.m.config.hz);
                    pc = CONTINUE;
                    x.call(new kthreadlab.sched.core.Schedule());
                    return;
                case CONTINUE:
                    x.cur.timerArmed = false;
                    pc = RUNNING;
                    return;
                default:
                    x.ret(ncsw);
            }
        }
    }

    /** kthread_stop(k): set SHOULD_STOP, unpark, wake, wait for k's exit; returns k's exit code. */
    public static final class Stop extends Frame {
        static final Code CODE = new Code("kernel/kthread.c", "kthread_stop",
            "trace_sched_kthread_stop(k);",
            "get_task_struct(k);",
            "kthread = to_kthread(k);",
            "set_bit(KTHREAD_SHOULD_STOP, &kthread->flags);",
            "kthread_unpark(k);",
            "wake_up_process(k);",
            "wait_for_completion(&kthread->exited);",
            "ret = k->exit_code;",
            "put_task_struct(k);",
            "trace_sched_kthread_stop_ret(ret);",
            "return ret;");
        private final int task;
        private long ret;

        public Stop(int task) {
            this.task = task;
        }

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            Machine m = x.m;
            TaskStruct k = m.task(task);
            switch (pc) {
                case 0:
                    m.tracepoint(x.rq, "sched_kthread_stop", () -> "comm=" + k.comm + " pid=" + k.pid);
                    pc = 1;
                    return;
                case 1:
                case 2:
                    pc++;
                    return;
                case 3:
                    k.kthread.setBit(Kthread.KTHREAD_SHOULD_STOP);
                    pc = 4;
                    return;
                case 4:
                    pc = 5;
                    x.call(new Unpark(task));
                    return;
                case 5:
                    pc = 6;
                    x.call(new WakeUpProcess(task));
                    return;
                case 6:
                    pc = 7;
                    x.call(new WaitForCompletion(k.kthread.exited, false));
                    return;
                case 7:
                    ret = k.exitCode;
                    pc = 8;
                    return;
                case 8:
                    pc = 9;
                    return;
                case 9:
                    m.tracepoint(x.rq, "sched_kthread_stop_ret", () -> "ret=" + ret);
                    pc = 10;
                    return;
                default:
                    x.ret(ret);
            }
        }
    }

    /** kthread_park(k): set SHOULD_PARK, wake k, wait until it parked and is off its CPU. */
    public static final class Park extends Frame {
        static final Code CODE = new Code("kernel/kthread.c", "kthread_park",
            "if (WARN_ON(k->flags & PF_EXITING))",
            "return -ENOSYS;",
            "if (WARN_ON_ONCE(test_bit(KTHREAD_SHOULD_PARK, &kthread->flags)))",
            "return -EBUSY;",
            "set_bit(KTHREAD_SHOULD_PARK, &kthread->flags);",
            "if (k != current) {",
            "wake_up_process(k);",
            "wait_for_completion(&kthread->parked);",
            "WARN_ON_ONCE(!wait_task_inactive(k, TASK_PARKED));",
            "return 0;");
        private final int task;

        public Park(int task) {
            this.task = task;
        }

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            TaskStruct k = x.m.task(task);
            switch (pc) {
                case 0:
                    pc = (k.flags & TaskFlags.PF_EXITING) != 0 ? 1 : 2;
                    return;
                case 1:
                    x.ret(-Errno.ENOSYS);
                    return;
                case 2:
                    pc = k.kthread.testBit(Kthread.KTHREAD_SHOULD_PARK) ? 3 : 4;
                    return;
                case 3:
                    x.ret(-Errno.EBUSY);
                    return;
                case 4:
                    k.kthread.setBit(Kthread.KTHREAD_SHOULD_PARK);
                    pc = 5;
                    return;
                case 5:
                    pc = k.id != x.cur.id ? 6 : 9;
                    return;
                case 6:
                    pc = 7;
                    x.call(new WakeUpProcess(task));
                    return;
                case 7:
                    pc = 8;
                    x.call(new WaitForCompletion(k.kthread.parked, false));
                    return;
                case 8:
                    pc = 9;
                    x.call(new WaitTaskInactive(task, TaskState.TASK_PARKED));
                    return;
                default:
                    x.ret(0);
            }
        }
    }

    /** kthread_unpark(k): rebind a per-CPU thread, clear SHOULD_PARK, wake it from TASK_PARKED. */
    public static final class Unpark extends Frame {
        static final Code CODE = new Code("kernel/kthread.c", "kthread_unpark",
            "if (test_bit(KTHREAD_IS_PER_CPU, &kthread->flags))",
            "__kthread_bind(k, kthread->cpu, TASK_PARKED);",
            "clear_bit(KTHREAD_SHOULD_PARK, &kthread->flags);",
            "wake_up_state(k, TASK_PARKED);");
        private final int task;

        public Unpark(int task) {
            this.task = task;
        }

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            Kthread k = x.m.task(task).kthread;
            switch (pc) {
                case 0:
                    pc = k.testBit(Kthread.KTHREAD_IS_PER_CPU) ? 1 : 2;
                    return;
                case 1:
                    pc = 2;
                    x.call(new Bind(task, k.cpu, TaskState.TASK_PARKED, true));
                    return;
                case 2:
                    k.clearBit(Kthread.KTHREAD_SHOULD_PARK);
                    pc = 3;
                    return;
                default:
                    x.callAndReturn(new WakeUpProcess(task, TaskState.TASK_PARKED));
            }
        }
    }

    /** kthread_should_stop() / kthread_should_park(): one bit of current's struct kthread. */
    public static final class ShouldStop extends Frame {
        static final Code STOP = new Code("kernel/kthread.c", "kthread_should_stop",
            "return test_bit(KTHREAD_SHOULD_STOP, &to_kthread(current)->flags);");
        static final Code PARK = new Code("kernel/kthread.c", "kthread_should_park",
            "return __kthread_should_park(current);");
        private final boolean park;

        public ShouldStop(boolean park) {
            this.park = park;
        }

        @Override
        public Code code() {
            return park ? PARK : STOP;
        }

        @Override
        public void step(Exec x) {
            Kthread k = x.cur.kthread;
            int bit = park ? Kthread.KTHREAD_SHOULD_PARK : Kthread.KTHREAD_SHOULD_STOP;
            x.ret(k != null && k.testBit(bit) ? 1 : 0);
        }
    }
}
