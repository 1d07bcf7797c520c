# file: samples/kthdemo.c
# version: kthreadlab (our own sample code, GPL-2.0-only)
# checked: written for kthreadlab; not kernel text
# license: GPL-2.0-only (kthreadlab sample code)
1	// SPDX-License-Identifier: GPL-2.0-only
2	/*
3	 * kthdemo.c - kthreadlab sample code (not part of Linux).
4	 *
5	 * A small module written for the kthreadlab simulator: it creates kernel
6	 * threads with kthread_run(), kthread_create() + wake_up_process() and
7	 * kthread_create_on_cpu(), parks one of them, and stops them on unload.
8	 */
9	#include <linux/module.h>
10	#include <linux/kthread.h>
11	#include <linux/delay.h>
12	#include <linux/sched.h>
13	#include <linux/err.h>
14	
15	#define NR_SLEEPERS 2
16	
17	static unsigned int period_ms = 100;
18	static struct task_struct *sleepers[NR_SLEEPERS];
19	static struct task_struct *spinner, *percpu, *oneshot, *worker;
20	static unsigned long sleeper_loops;
21	static unsigned long work_pending;
22	
23	static void do_some_work(void)
24	{
25		cpu_relax();
26	}
27	
28	static int sleeper_fn(void *data)
29	{
30		while (!kthread_should_stop()) {
31			sleeper_loops++;
32			schedule_timeout_interruptible(msecs_to_jiffies(period_ms));
33		}
34		return 0;
35	}
36	
37	static int spinner_fn(void *data)
38	{
39		while (!kthread_should_stop()) {
40			do_some_work();
41			cond_resched();
42		}
43		return 0;
44	}
45	
46	static int percpu_fn(void *data)
47	{
48		for (;;) {
49			set_current_state(TASK_INTERRUPTIBLE);
50			if (kthread_should_stop()) {
51				__set_current_state(TASK_RUNNING);	/* stopping */
52				return 0;
53			}
54			if (kthread_should_park()) {
55				__set_current_state(TASK_RUNNING);	/* parking */
56				kthread_parkme();
57				continue;
58			}
59			schedule();
60		}
61	}
62	
63	static int oneshot_fn(void *data)
64	{
65		do_some_work();
66		return 42;
67	}
68	
69	static int worker_fn(void *data)
70	{
71		for (;;) {
72			set_current_state(TASK_IDLE);
73			if (kthread_should_stop())
74				break;
75			if (!work_pending) {
76				schedule();
77				continue;
78			}
79			__set_current_state(TASK_RUNNING);	/* got work */
80			work_pending--;
81			do_some_work();
82		}
83		__set_current_state(TASK_RUNNING);	/* stopping */
84		return 0;
85	}
86	
87	static int __init kthdemo_init(void)
88	{
89		struct task_struct *task;
90		int i;
91	
92		for (i = 0; i < NR_SLEEPERS; i++) {
93			task = kthread_run(sleeper_fn, NULL, "demo/%d", i);
94			if (IS_ERR(task))
95				return PTR_ERR(task);
96			sleepers[i] = task;
97		}
98	
99		spinner = kthread_create(spinner_fn, NULL, "demo-spin");
100		if (IS_ERR(spinner))
101			return PTR_ERR(spinner);
102		kthread_bind(spinner, 0);
103		wake_up_process(spinner);
104	
105		percpu = kthread_create_on_cpu(percpu_fn, NULL, 1, "demo-pcpu/%u");
106		if (IS_ERR(percpu))
107			return PTR_ERR(percpu);
108		kthread_park(percpu);
109		kthread_unpark(percpu);
110	
111		oneshot = kthread_run(oneshot_fn, NULL, "demo-once");
112		worker = kthread_run(worker_fn, NULL, "demo-worker");
113		return 0;
114	}
115	
116	static void __exit kthdemo_exit(void)
117	{
118		int i;
119	
120		for (i = 0; i < NR_SLEEPERS; i++)
121			kthread_stop(sleepers[i]);
122		kthread_stop(spinner);
123		kthread_stop(percpu);
124		kthread_stop(worker);
125	}
126	
127	module_init(kthdemo_init);
128	module_exit(kthdemo_exit);
129	MODULE_LICENSE("GPL");
130	MODULE_DESCRIPTION("kthreadlab sample: ways to create, park and stop kernel threads");
