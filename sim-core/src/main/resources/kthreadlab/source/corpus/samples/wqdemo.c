# file: samples/wqdemo.c
# version: kthreadlab (our own sample code, GPL-2.0-only)
# checked: written for kthreadlab; not kernel text
# license: GPL-2.0-only (kthreadlab sample code)
1	// SPDX-License-Identifier: GPL-2.0-only
2	/*
3	 * wqdemo.c - kthreadlab sample code (not part of Linux).
4	 *
5	 * Work items for the simulator's workqueue scenarios: one that returns at
6	 * once, one that sleeps (so its kworker blocks) and one that keeps its CPU
7	 * busy. The creator processes of creator.c allocate workqueues and queue
8	 * these items through wqdemo_action(), reached by the same system call as
9	 * kthdemo_action().
10	 */
11	#include <linux/module.h>
12	#include <linux/workqueue.h>
13	#include <linux/sched.h>
14	#include <linux/jiffies.h>
15	
16	static unsigned int sleep_ms = 20;
17	static unsigned int busy_loops = 4;
18	static unsigned long short_runs;
19	
20	static void short_work_fn(struct work_struct *work)
21	{
22		short_runs++;
23	}
24	
25	static void sleep_work_fn(struct work_struct *work)
26	{
27		schedule_timeout_interruptible(msecs_to_jiffies(sleep_ms));
28	}
29	
30	static void cpu_work_fn(struct work_struct *work)
31	{
32		unsigned int i;
33	
34		for (i = 0; i < busy_loops; i++)
35			cpu_relax();
36	}
37	
38	static DECLARE_WORK(short_work, short_work_fn);
39	static DECLARE_WORK(sleep_work, sleep_work_fn);
40	static DECLARE_WORK(cpu_work, cpu_work_fn);
41	
42	/* Kernel side of a creator's workqueue action. */
43	static long wqdemo_action(struct action *act)
44	{
45		switch (act->op) {
46		case ALLOC_WORKQUEUE:
47			act->wq = alloc_workqueue(act->name, act->flags, 0);
48			return act->wq ? 0 : -ENOMEM;
49		case QUEUE_WORK:
50			return queue_work_on(act->cpu, act->wq, act->work);
51		case FLUSH_WORK:
52			return flush_work(act->work);
53		case DESTROY_WORKQUEUE:
54			destroy_workqueue(act->wq);
55			return 0;
56		default:
57			return -EINVAL;
58		}
59	}
