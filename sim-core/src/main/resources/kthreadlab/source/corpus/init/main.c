# file: init/main.c
# version: v5.15.100
# checked: zcjie1/linux-5.15.100@1f75f488444a40a101f70c7fe9928286d7e63787 (two owner end-of-line comments in rest_init removed), seed post (rest_init fragment)
# license: GPL-2.0 (Linux kernel; excerpts, each line keeps its line number in the original file)
1	// SPDX-License-Identifier: GPL-2.0-only
2	/*
3	 *  linux/init/main.c
4	 *
5	 *  Copyright (C) 1991, 1992  Linus Torvalds
6	 *
7	 *  GK 2/5/95  -  Changed to support mounting root fs via NFS
8	 *  Added initrd & change_root: Werner Almesberger & Hans Lermen, Feb '96
9	 *  Moan early if gcc is old, avoiding bogus kernels - Paul Gortmaker, May '96
10	 *  Simplified starting of init:  Michael A. Griffith <grif@acm.org>
11	 */
679	/*
680	 * We need to finalize in a non-__init function or else race conditions
681	 * between the root thread and the init thread may cause start_kernel to
682	 * be reaped by free_initmem before the root thread has proceeded to
683	 * cpu_idle.
684	 *
685	 * gcc-3.4 accidentally inlines this function, so use noinline.
686	 */
687	
688	static __initdata DECLARE_COMPLETION(kthreadd_done);
689	
690	noinline void __ref rest_init(void)
691	{
692		struct task_struct *tsk;
693		int pid;
694	
695		rcu_scheduler_starting();
696		/*
697		 * We need to spawn init first so that it obtains pid 1, however
698		 * the init task will end up wanting to create kthreads, which, if
699		 * we schedule it before we create kthreadd, will OOPS.
700		 */
701		pid = kernel_thread(kernel_init, NULL, CLONE_FS);
702		/*
703		 * Pin init on the boot CPU. Task migration is not properly working
704		 * until sched_init_smp() has been run. It will set the allowed
705		 * CPUs for init to the non isolated CPUs.
706		 */
707		rcu_read_lock();
708		tsk = find_task_by_pid_ns(pid, &init_pid_ns);
709		tsk->flags |= PF_NO_SETAFFINITY;
710		set_cpus_allowed_ptr(tsk, cpumask_of(smp_processor_id()));
711		rcu_read_unlock();
712	
713		numa_default_policy();
714		pid = kernel_thread(kthreadd, NULL, CLONE_FS | CLONE_FILES);
715		rcu_read_lock();
716		kthreadd_task = find_task_by_pid_ns(pid, &init_pid_ns);
717		rcu_read_unlock();
718	
719		/*
720		 * Enable might_sleep() and smp_processor_id() checks.
721		 * They cannot be enabled earlier because with CONFIG_PREEMPTION=y
722		 * kernel_thread() would trigger might_sleep() splats. With
723		 * CONFIG_PREEMPT_VOLUNTARY=y the init task might have scheduled
724		 * already, but it's stuck on the kthreadd_done completion.
725		 */
726		system_state = SYSTEM_SCHEDULING;
727	
728		complete(&kthreadd_done);
729	
730		/*
731		 * The boot idle thread must execute schedule()
732		 * at least once to get things moving:
733		 */
734		schedule_preempt_disabled();
735		/* Call into cpu_idle with preempt disabled */
736		cpu_startup_entry(CPUHP_ONLINE);
737	}
