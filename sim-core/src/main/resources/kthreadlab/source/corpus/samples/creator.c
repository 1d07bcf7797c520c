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
14	/*
15	 * User space: init (pid 1), once kernel_init has exec()ed it. It is the
16	 * shell that starts each creator (fork, then exec) and reaps the ones that
17	 * die: it handles SIGCHLD, so a dying child wakes it.
18	 */
19	int init_main(void)
20	{
21		char *name;
22	
23		for (;;) {
24			pause();
25			while ((name = next_creator()) != NULL) {
26				if (fork() == 0)
27					execlp(name, name, (char *)NULL);
28			}
29			while (waitpid(-1, NULL, WNOHANG) > 0)
30				;
31		}
32	}
33	
34	/* User space: the loop of one creator process. */
35	int creator_main(void)
36	{
37		struct action act;
38	
39		for (;;) {
40			if (!next_action(&act)) {
41				pause();
42				continue;
43			}
44			syscall(SYS_kthdemo_action, &act);
45		}
46	}
47	
48	/* Kernel side: the demo module runs one action on behalf of the creator. */
49	static long kthdemo_action(struct action *act)
50	{
51		struct task_struct *task;
52	
53		switch (act->op) {
54		case KTHREAD_RUN:
55			task = kthread_run(act->threadfn, act->data, act->namefmt, act->index);
56			break;
57		case KTHREAD_RUN_ON_CPU:
58			task = kthread_create_on_cpu(act->threadfn, act->data, act->cpu, act->namefmt);
59			if (!IS_ERR(task))
60				wake_up_process(task);
61			break;
62		case KTHREAD_CREATE:
63			task = kthread_create(act->threadfn, act->data, act->namefmt, act->index);
64			break;
65		case KTHREAD_CREATE_ON_CPU:
66			task = kthread_create_on_cpu(act->threadfn, act->data, act->cpu, act->namefmt);
67			break;
68		case WAKE_UP_PROCESS:
69			return wake_up_process(act->task);
70		case KTHREAD_BIND:
71			kthread_bind(act->task, act->cpu);
72			return 0;
73		case KTHREAD_PARK:
74			return kthread_park(act->task);
75		case KTHREAD_UNPARK:
76			kthread_unpark(act->task);
77			return 0;
78		case KTHREAD_STOP:
79			return kthread_stop(act->task);
80		default:
81			return -EINVAL;
82		}
83		if (IS_ERR(task))
84			return PTR_ERR(task);
85		act->task = task;
86		return 0;
87	}
