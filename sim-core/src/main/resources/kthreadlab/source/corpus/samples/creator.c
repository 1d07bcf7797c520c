# file: samples/creator.c
# version: kthreadlab (our own sample code, GPL-2.0-only)
# checked: written for kthreadlab; not kernel text
# license: GPL-2.0-only (kthreadlab sample code)
1	// SPDX-License-Identifier: GPL-2.0-only
2	/*
3	 * creator.c - kthreadlab sample code (not part of Linux).
4	 *
5	 * How the simulator drives its creator processes (insmod and friends):
6	 * creator_main() waits in user space for the scenario's next action, then
7	 * enters the kernel, where kthdemo_action() makes the one kthread API call
8	 * that the action names. The new threads run the functions of kthdemo.c.
9	 */
10	#include <linux/kthread.h>
11	#include <linux/sched.h>
12	#include <linux/err.h>
13	
14	/* User space: init (pid 1), once kernel_init has exec()ed it. */
15	int init_main(void)
16	{
17		for (;;)
18			pause();
19	}
20	
21	/* User space: the loop of one creator process. */
22	int creator_main(void)
23	{
24		struct action act;
25	
26		for (;;) {
27			if (!next_action(&act)) {
28				pause();
29				continue;
30			}
31			syscall(SYS_kthdemo_action, &act);
32		}
33	}
34	
35	/* Kernel side: the demo module runs one action on behalf of the creator. */
36	static long kthdemo_action(struct action *act)
37	{
38		struct task_struct *task;
39	
40		switch (act->op) {
41		case KTHREAD_RUN:
42			task = kthread_run(act->threadfn, act->data, act->namefmt, act->index);
43			break;
44		case KTHREAD_RUN_ON_CPU:
45			task = kthread_create_on_cpu(act->threadfn, act->data, act->cpu, act->namefmt);
46			if (!IS_ERR(task))
47				wake_up_process(task);
48			break;
49		case KTHREAD_CREATE:
50			task = kthread_create(act->threadfn, act->data, act->namefmt, act->index);
51			break;
52		case KTHREAD_CREATE_ON_CPU:
53			task = kthread_create_on_cpu(act->threadfn, act->data, act->cpu, act->namefmt);
54			break;
55		case WAKE_UP_PROCESS:
56			return wake_up_process(act->task);
57		case KTHREAD_BIND:
58			kthread_bind(act->task, act->cpu);
59			return 0;
60		case KTHREAD_PARK:
61			return kthread_park(act->task);
62		case KTHREAD_UNPARK:
63			kthread_unpark(act->task);
64			return 0;
65		case KTHREAD_STOP:
66			return kthread_stop(act->task);
67		default:
68			return -EINVAL;
69		}
70		if (IS_ERR(task))
71			return PTR_ERR(task);
72		act->task = task;
73		return 0;
74	}
