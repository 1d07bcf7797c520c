package kthreadlab.state;

/** sched_prio_to_weight[] and the fixed-point helpers of kernel/sched/core.c and fair.c (v5.15). */
public final class Weights {
    public static final long NICE_0_LOAD = 1024;

    private static final int[] PRIO_TO_WEIGHT = {
        88761, 71755, 56483, 46273, 36291,
        29154, 23254, 18705, 14949, 11916,
        9548, 7620, 6100, 4904, 3906,
        3121, 2501, 1991, 1586, 1277,
        1024, 820, 655, 526, 423,
        335, 272, 215, 172, 137,
        110, 87, 70, 56, 45,
        36, 29, 23, 18, 15,
    };

    private Weights() {
    }

    /** Weight of a nice level in [-20, 19]. */
    public static long ofNice(int nice) {
        return PRIO_TO_WEIGHT[nice + 20];
    }

    /** calc_delta_fair: delta scaled by NICE_0_LOAD / weight (exact for weight 1024). */
    public static long calcDeltaFair(long delta, long weight) {
        if (weight == NICE_0_LOAD) {
            return delta;
        }
        return delta * NICE_0_LOAD / weight;
    }
}
