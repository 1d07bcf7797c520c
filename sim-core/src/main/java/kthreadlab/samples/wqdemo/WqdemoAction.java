package kthreadlab.samples.wqdemo;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.format.Errno;
import kthreadlab.scenario.Action;
import kthreadlab.state.Work;
import kthreadlab.state.Workqueue;
import kthreadlab.trace.TraceEvent;
import kthreadlab.workqueue.AllocWorkqueue;
import kthreadlab.workqueue.DestroyWorkqueue;
import kthreadlab.workqueue.FlushWork;
import kthreadlab.workqueue.Policy;
import kthreadlab.workqueue.QueueWorkOn;

/**
 * wqdemo_action(): the workqueue call a creator's action names (alloc_workqueue, queue_work,
 * flush_work, destroy_workqueue), its result recorded as an API record.
 */
public final class WqdemoAction extends Frame {
    static final Code CODE = new Code(WorkFns.FILE, "wqdemo_action",
        "switch (act->op) {",
        "act->wq = alloc_workqueue(act->name, act->flags, 0);",
        "return act->wq ? 0 : -ENOMEM;",
        "return queue_work_on(act->cpu, act->wq, act->work);",
        "return flush_work(act->work);",
        "destroy_workqueue(act->wq);",
        "return 0;");
    static final int SWITCH = 0, ALLOC = 1, ALLOC_RET = 2, QUEUE = 3, FLUSH = 4, DESTROY = 5, RET0 = 6;
    /** The ops this function serves. */
    public static final String[] OPS = {"alloc_workqueue", "queue_work", "flush_work", "destroy_workqueue"};

    private final int action;
    private long result;

    public WqdemoAction(int action) {
        super(CODE);
        this.action = action;
    }

    public static boolean serves(String op) {
        for (String o : OPS) {
            if (o.equals(op)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String detail() {
        return "";
    }

    @Override
    public void onReturn(long value) {
        result = value;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Action a = m.scenario.actions.get(action);
        switch (pc) {
            case SWITCH:
                pc = dispatch(m, a);
                if (pc < 0) {
                    finish(x, a, -Errno.ENOENT);
                }
                return;
            case ALLOC:
                pc = ALLOC_RET;
                x.call(new AllocWorkqueue(a.name, flags(a.fn)));
                return;
            case ALLOC_RET:
                finish(x, a, 0);
                return;
            case QUEUE:
                if (called) {
                    finish(x, a, result);
                    return;
                }
                called = true;
                x.call(new QueueWorkOn(a.cpu >= 0 ? a.cpu : Policy.WORK_CPU_UNBOUND, m.wq.byName(a.name).id,
                    work(m, a.target)));
                return;
            case FLUSH:
                if (called) {
                    finish(x, a, result);
                    return;
                }
                called = true;
                x.call(new FlushWork(work(m, a.target)));
                return;
            case DESTROY:
                pc = RET0;
                x.call(new DestroyWorkqueue(m.wq.byName(a.target).id));
                return;
            default:
                finish(x, a, 0);
        }
    }

    private boolean called;

    /** Where the switch goes, or -1 if the workqueue the action names does not exist. */
    private static int dispatch(Machine m, Action a) {
        switch (a.op) {
            case "alloc_workqueue":
                return ALLOC;
            case "queue_work":
                return m.wq.byName(a.name) == null ? -1 : QUEUE;
            case "flush_work":
                return FLUSH;
            default:
                return m.wq.byName(a.target) == null ? -1 : DESTROY;
        }
    }

    /** The module's static work item of this name (DECLARE_WORK), made on first use. */
    static int work(Machine m, String name) {
        Work w = m.wq.workByName(name);
        if (w == null) {
            w = new Work(m.wq.works.size(), name, WorkFns.fnOf(name));
            m.wq.works.add(w);
        }
        return w.id;
    }

    /** "unbound|highpri|mem_reclaim|cpu_intensive" (or "0") as WQ_* flags. */
    public static int flags(String spec) {
        int f = 0;
        if (spec == null) {
            return 0;
        }
        for (String part : Flags.split(spec)) {
            f |= Math.max(0, Flags.bit(part));
        }
        return f;
    }

    private void finish(Exec x, Action a, long value) {
        String target = a.op.equals("alloc_workqueue") ? a.name : a.target;
        String res = value < 0 ? Errno.name(value) : Long.toString(value);
        x.m.emit(TraceEvent.API, x.rq, a.op, target + "\t" + res);
        x.ret(value);
    }

    /** The flag words of an alloc_workqueue action. */
    public static final class Flags {
        public static final String[] NAMES = Action.WQ_FLAGS;
        static final int[] BITS = {Workqueue.WQ_UNBOUND, Workqueue.WQ_HIGHPRI, Workqueue.WQ_MEM_RECLAIM,
            Workqueue.WQ_CPU_INTENSIVE};

        private Flags() {
        }

        /** Splits on '|' without a regex. */
        public static java.util.List<String> split(String spec) {
            java.util.List<String> out = new java.util.ArrayList<>();
            int from = 0;
            for (int i = 0; i <= spec.length(); i++) {
                if (i == spec.length() || spec.charAt(i) == '|') {
                    out.add(spec.substring(from, i));
                    from = i + 1;
                }
            }
            return out;
        }

        /** The bit of a flag word; 0 for "0"; -1 if unknown. */
        public static int bit(String word) {
            if (word.equals("0")) {
                return 0;
            }
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].equals(word)) {
                    return BITS[i];
                }
            }
            return -1;
        }
    }
}
