package kthreadlab.kthread;

import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.fork.Tasks;
import kthreadlab.state.KthreadCreateInfo;

/** kfree of a kthread_create_info: exactly once, and the lifecycle says by whom. */
public final class Kfree {
    private Kfree() {
    }

    public static void create(Machine m, KthreadCreateInfo info, TaskStruct by) {
        if (info.stage == KthreadCreateInfo.Stage.FREED) {
            m.bug("double free of kthread_create_info #" + info.id + " by " + by.comm + "/" + by.pid);
            return;
        }
        info.stage = KthreadCreateInfo.Stage.FREED;
        Tasks.note(m, info, "freed by " + by.comm + " (pid " + by.pid + ")");
    }
}
