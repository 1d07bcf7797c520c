# file: kernel/kthread.c
# version: v5.15.100
# checked: zcjie1/linux-5.15.100@5382e6c4f584d95b3e19d44f55c3f8ff62e487eb (owner end-of-line comment in kthreadd removed), wangshuai199398/linux-5-15@4d674a6833729b300d5ea1b4d3e9b68a44e824fc (5.15.178: identical up to line 236; kthread_park/kthread_stop/create_kthread text identical), seed post (kthreadd, create_kthread, kthread)
# license: GPL-2.0 (Linux kernel; excerpts, each line keeps its line number in the original file)
# note: line numbers agree with v5.15 (set_kthread_struct at 96 in 5.15 debug info; v5.14 patch hunk anchors); the v5.15 tag text of these functions is expected identical
1	// SPDX-License-Identifier: GPL-2.0-only
2	/* Kernel thread helper functions.
3	 *   Copyright (C) 2004 IBM Corporation, Rusty Russell.
4	 *   Copyright (C) 2009 Red Hat, Inc.
5	 *
6	 * Creation is done via kthreadd, so that we get a clean environment
7	 * even if we're invoked from userspace (think modprobe, hotplug cpu,
8	 * etc.).
9	 */
34	static DEFINE_SPINLOCK(kthread_create_lock);
35	static LIST_HEAD(kthread_create_list);
36	struct task_struct *kthreadd_task;
38	struct kthread_create_info
39	{
40		/* Information passed to kthread() from kthreadd. */
41		int (*threadfn)(void *data);
42		void *data;
43		int node;
44	
45		/* Result passed back to kthread_create() from kthreadd. */
46		struct task_struct *result;
47		struct completion *done;
48	
49		struct list_head list;
50	};
52	struct kthread {
53		unsigned long flags;
54		unsigned int cpu;
55		int (*threadfn)(void *);
56		void *data;
57		mm_segment_t oldfs;
58		struct completion parked;
59		struct completion exited;
60	#ifdef CONFIG_BLK_CGROUP
61		struct cgroup_subsys_state *blkcg_css;
62	#endif
63	};
65	enum KTHREAD_BITS {
66		KTHREAD_IS_PER_CPU = 0,
67		KTHREAD_SHOULD_STOP,
68		KTHREAD_SHOULD_PARK,
69	};
71	static inline struct kthread *to_kthread(struct task_struct *k)
72	{
73		WARN_ON(!(k->flags & PF_KTHREAD));
74		return (__force void *)k->set_child_tid;
75	}
96	void set_kthread_struct(struct task_struct *p)
97	{
98		struct kthread *kthread;
99	
100		if (__to_kthread(p))
101			return;
102	
103		kthread = kzalloc(sizeof(*kthread), GFP_KERNEL);
104		/*
105		 * We abuse ->set_child_tid to avoid the new member and because it
106		 * can't be wrongly copied by copy_process(). We also rely on fact
107		 * that the caller can't exec, so PF_KTHREAD can't be cleared.
108		 */
109		p->set_child_tid = (__force void __user *)kthread;
110	}
134	bool kthread_should_stop(void)
135	{
136		return test_bit(KTHREAD_SHOULD_STOP, &to_kthread(current)->flags);
137	}
140	bool __kthread_should_park(struct task_struct *k)
141	{
142		return test_bit(KTHREAD_SHOULD_PARK, &to_kthread(k)->flags);
143	}
157	bool kthread_should_park(void)
158	{
159		return __kthread_should_park(current);
160	}
236	static void __kthread_parkme(struct kthread *self)
237	{
238		for (;;) {
239			/*
240			 * TASK_PARKED is a special state; we must serialize against
241			 * possible pending wakeups to avoid store-store collisions on
242			 * task->state.
243			 *
244			 * Such a collision might possibly result in the task state
245			 * changin from TASK_PARKED and us failing the
246			 * wait_task_inactive() in kthread_park().
247			 */
248			set_special_state(TASK_PARKED);
249			if (!test_bit(KTHREAD_SHOULD_PARK, &self->flags))
250				break;
251	
252			/*
253			 * Thread is going to call schedule(), do not preempt it,
254			 * or the caller of kthread_park() may spend more time in
255			 * wait_task_inactive().
256			 */
257			preempt_disable();
258			complete(&self->parked);
259			schedule_preempt_disabled();
260			preempt_enable();
261		}
262		__set_current_state(TASK_RUNNING);
263	}
265	void kthread_parkme(void)
266	{
267		__kthread_parkme(to_kthread(current));
268	}
271	static int kthread(void *_create)
272	{
273		/* Copy data: it's on kthread's stack */
274		struct kthread_create_info *create = _create;
275		int (*threadfn)(void *data) = create->threadfn;
276		void *data = create->data;
277		struct completion *done;
278		struct kthread *self;
279		int ret;
280	
281		set_kthread_struct(current);
282		self = to_kthread(current);
283	
284		/* If user was SIGKILLed, I release the structure. */
285		done = xchg(&create->done, NULL);
286		if (!done) {
287			kfree(create);
288			do_exit(-EINTR);
289		}
290	
291		if (!self) {
292			create->result = ERR_PTR(-ENOMEM);
293			complete(done);
294			do_exit(-ENOMEM);
295		}
296	
297		self->threadfn = threadfn;
298		self->data = data;
299		init_completion(&self->exited);
300		init_completion(&self->parked);
301		current->vfork_done = &self->exited;
302	
303		/* OK, tell user we're spawned, wait for stop or wakeup */
304		__set_current_state(TASK_UNINTERRUPTIBLE);
305		create->result = current;
306		/*
307		 * Thread is going to call schedule(), do not preempt it,
308		 * or the creator may spend more time in wait_task_inactive().
309		 */
310		preempt_disable();
311		complete(done);
312		schedule_preempt_disabled();
313		preempt_enable();
314	
315		ret = -EINTR;
316		if (!test_bit(KTHREAD_SHOULD_STOP, &self->flags)) {
317			cgroup_kthread_ready();
318			__kthread_parkme(self);
319			ret = threadfn(data);
320		}
321		do_exit(ret);
322	}
334	static void create_kthread(struct kthread_create_info *create)
335	{
336		int pid;
337	
338	#ifdef CONFIG_NUMA
339		current->pref_node_fork = create->node;
340	#endif
341		/* We want our own signal handler (we take no signals by default). */
342		pid = kernel_thread(kthread, create, CLONE_FS | CLONE_FILES | SIGCHLD);
343		if (pid < 0) {
344			/* If user was SIGKILLed, I release the structure. */
345			struct completion *done = xchg(&create->done, NULL);
346	
347			if (!done) {
348				kfree(create);
349				return;
350			}
351			create->result = ERR_PTR(pid);
352			complete(done);
353		}
354	}
356	static __printf(4, 0)
357	struct task_struct *__kthread_create_on_node(int (*threadfn)(void *data),
358							    void *data, int node,
359							    const char namefmt[],
360							    va_list args)
361	{
362		DECLARE_COMPLETION_ONSTACK(done);
363		struct task_struct *task;
364		struct kthread_create_info *create = kmalloc(sizeof(*create),
365							     GFP_KERNEL);
366	
367		if (!create)
368			return ERR_PTR(-ENOMEM);
369		create->threadfn = threadfn;
370		create->data = data;
371		create->node = node;
372		create->done = &done;
373	
374		spin_lock(&kthread_create_lock);
375		list_add_tail(&create->list, &kthread_create_list);
376		spin_unlock(&kthread_create_lock);
377	
378		wake_up_process(kthreadd_task);
379		/*
380		 * Wait for completion in killable state, for I might be chosen by
381		 * the OOM killer while kthreadd is trying to allocate memory for
382		 * new kernel thread.
383		 */
384		if (unlikely(wait_for_completion_killable(&done))) {
385			/*
386			 * If I was SIGKILLed before kthreadd (or new kernel thread)
387			 * calls complete(), leave the cleanup of this structure to
388			 * that thread.
389			 */
390			if (xchg(&create->done, NULL))
391				return ERR_PTR(-EINTR);
392			/*
393			 * kthreadd (or new kernel thread) will call complete()
394			 * shortly.
395			 */
396			wait_for_completion(&done);
397		}
398		task = create->result;
399		if (!IS_ERR(task)) {
400			static const struct sched_param param = { .sched_priority = 0 };
401			char name[TASK_COMM_LEN];
402	
403			/*
404			 * task is already visible to other tasks, so updating
405			 * COMM must be protected.
406			 */
407			vsnprintf(name, sizeof(name), namefmt, args);
408			set_task_comm(task, name);
409			/*
410			 * root may have changed our (kthreadd's) priority or CPU mask.
411			 * The kernel thread should not inherit these properties.
412			 */
413			sched_setscheduler_nocheck(task, SCHED_NORMAL, &param);
414			set_cpus_allowed_ptr(task,
415					     housekeeping_cpumask(HK_FLAG_KTHREAD));
416		}
417		kfree(create);
418		return task;
419	}
444	struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
445						   void *data, int node,
446						   const char namefmt[],
447						   ...)
448	{
449		struct task_struct *task;
450		va_list args;
451	
452		va_start(args, namefmt);
453		task = __kthread_create_on_node(threadfn, data, node, namefmt, args);
454		va_end(args);
455	
456		return task;
457	}
460	static void __kthread_bind_mask(struct task_struct *p, const struct cpumask *mask, unsigned int state)
461	{
462		unsigned long flags;
463	
464		if (!wait_task_inactive(p, state)) {
465			WARN_ON(1);
466			return;
467		}
468	
469		/* It's safe because the task is inactive. */
470		raw_spin_lock_irqsave(&p->pi_lock, flags);
471		do_set_cpus_allowed(p, mask);
472		p->flags |= PF_NO_SETAFFINITY;
473		raw_spin_unlock_irqrestore(&p->pi_lock, flags);
474	}
476	static void __kthread_bind(struct task_struct *p, unsigned int cpu, unsigned int state)
477	{
478		__kthread_bind_mask(p, cpumask_of(cpu), state);
479	}
495	void kthread_bind(struct task_struct *p, unsigned int cpu)
496	{
497		__kthread_bind(p, cpu, TASK_UNINTERRUPTIBLE);
498	}
511	struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
512						  void *data, unsigned int cpu,
513						  const char *namefmt)
514	{
515		struct task_struct *p;
516	
517		p = kthread_create_on_node(threadfn, data, cpu_to_node(cpu), namefmt,
518					   cpu);
519		if (IS_ERR(p))
520			return p;
521		kthread_bind(p, cpu);
522		/* CPU hotplug need to bind once again when unparking the thread. */
523		to_kthread(p)->cpu = cpu;
524		return p;
525	}
561	void kthread_unpark(struct task_struct *k)
562	{
563		struct kthread *kthread = to_kthread(k);
564	
565		/*
566		 * Newly created kthread was parked when the CPU was offline.
567		 * The binding was lost and we need to set it again.
568		 */
569		if (test_bit(KTHREAD_IS_PER_CPU, &kthread->flags))
570			__kthread_bind(k, kthread->cpu, TASK_PARKED);
571	
572		clear_bit(KTHREAD_SHOULD_PARK, &kthread->flags);
573		/*
574		 * __kthread_parkme() will either see !SHOULD_PARK or get the wakeup.
575		 */
576		wake_up_state(k, TASK_PARKED);
577	}
592	int kthread_park(struct task_struct *k)
593	{
594		struct kthread *kthread = to_kthread(k);
595	
596		if (WARN_ON(k->flags & PF_EXITING))
597			return -ENOSYS;
598	
599		if (WARN_ON_ONCE(test_bit(KTHREAD_SHOULD_PARK, &kthread->flags)))
600			return -EBUSY;
601	
602		set_bit(KTHREAD_SHOULD_PARK, &kthread->flags);
603		if (k != current) {
604			wake_up_process(k);
605			/*
606			 * Wait for __kthread_parkme() to complete(), this means we
607			 * _will_ have TASK_PARKED and are about to call schedule().
608			 */
609			wait_for_completion(&kthread->parked);
610			/*
611			 * Now wait for that schedule() to complete and the task to
612			 * get scheduled out.
613			 */
614			WARN_ON_ONCE(!wait_task_inactive(k, TASK_PARKED));
615		}
616	
617		return 0;
618	}
636	int kthread_stop(struct task_struct *k)
637	{
638		struct kthread *kthread;
639		int ret;
640	
641		trace_sched_kthread_stop(k);
642	
643		get_task_struct(k);
644		kthread = to_kthread(k);
645		set_bit(KTHREAD_SHOULD_STOP, &kthread->flags);
646		kthread_unpark(k);
647		wake_up_process(k);
648		wait_for_completion(&kthread->exited);
649		ret = k->exit_code;
650		put_task_struct(k);
651	
652		trace_sched_kthread_stop_ret(ret);
653		return ret;
654	}
657	int kthreadd(void *unused)
658	{
659		struct task_struct *tsk = current;
660	
661		/* Setup a clean context for our children to inherit. */
662		set_task_comm(tsk, "kthreadd");
663		ignore_signals(tsk);
664		set_cpus_allowed_ptr(tsk, housekeeping_cpumask(HK_FLAG_KTHREAD));
665		set_mems_allowed(node_states[N_MEMORY]);
666	
667		current->flags |= PF_NOFREEZE;
668		cgroup_init_kthreadd();
669	
670		for (;;) {
671			set_current_state(TASK_INTERRUPTIBLE);
672			if (list_empty(&kthread_create_list))
673				schedule();
674			__set_current_state(TASK_RUNNING);
675	
676			spin_lock(&kthread_create_lock);
677			while (!list_empty(&kthread_create_list)) {
678				struct kthread_create_info *create;
679	
680				create = list_entry(kthread_create_list.next,
681						    struct kthread_create_info, list);
682				list_del_init(&create->list);
683				spin_unlock(&kthread_create_lock);
684	
685				create_kthread(create);
686	
687				spin_lock(&kthread_create_lock);
688			}
689			spin_unlock(&kthread_create_lock);
690		}
691	
692		return 0;
693	}
