package kthreadlab.locking.spinlock;

import kthreadlab.engine.Exec;
import kthreadlab.engine.StepCost;
import kthreadlab.state.Spinlock;

/** spin_lock / spin_unlock on a Spinlock: preemption is off while it is held. */
public final class Locks {
    private Locks() {
    }

    /**
     * One attempt at spin_lock(). Returns true when this CPU now holds the lock; false means the
     * CPU spun this step (it is listed among the lock's spinners) and must try again.
     */
    public static boolean spinLock(Exec x, Spinlock lock) {
        if (lock.isLocked()) {
            if (lock.holderTask == x.cur.id) {
                x.m.bug("recursive spin_lock of " + lock.name + " by " + x.cur.comm + "/" + x.cur.pid);
            }
            if (!lock.spinners.contains(x.rq.cpu)) {
                lock.spinners.add(x.rq.cpu);
            }
            x.spin();
            return false;
        }
        lock.spinners.remove(Integer.valueOf(x.rq.cpu));
        lock.holderTask = x.cur.id;
        lock.holderCpu = x.rq.cpu;
        x.preemptDisable();
        x.cost(StepCost.LOCK);
        return true;
    }

    /** spin_unlock(); with full preemption a pending resched preempts right here. */
    public static void spinUnlock(Exec x, Spinlock lock) {
        if (lock.holderTask != x.cur.id) {
            x.m.bug("spin_unlock of " + lock.name + " by " + x.cur.comm + " which does not hold it");
        }
        lock.holderTask = -1;
        lock.holderCpu = -1;
        x.cost(StepCost.LOCK);
        x.preemptEnable();
    }
}
