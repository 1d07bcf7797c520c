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
1501	static int __ref kernel_init(void *unused)
1502	{
1503		int ret;
1504	
1505		/*
1506		 * Wait until kthreadd is all set-up.
1507		 */
1508		wait_for_completion(&kthreadd_done);
1509	
1510		kernel_init_freeable();
1511		/* need to finish all async __init code before freeing the memory */
1512		async_synchronize_full();
1513		kprobe_free_init_mem();
1514		ftrace_free_init_mem();
1515		kgdb_free_init_mem();
1516		exit_boot_config();
1517		free_initmem();
1518		mark_readonly();
1519	
1520		/*
1521		 * Kernel mappings are now finalized - update the userspace page-table
1522		 * to finalize PTI.
1523		 */
1524		pti_finalize();
1525	
1526		system_state = SYSTEM_RUNNING;
1527		numa_default_policy();
1528	
1529		rcu_end_inkernel_boot();
1530	
1531		do_sysctl_args();
1532	
1533		if (ramdisk_execute_command) {
1534			ret = run_init_process(ramdisk_execute_command);
1535			if (!ret)
1536				return 0;
1537			pr_err("Failed to execute %s (error %d)\n",
1538			       ramdisk_execute_command, ret);
1539		}
1540	
1541		/*
1542		 * We try each of these until one succeeds.
1543		 *
1544		 * The Bourne shell can be used instead of init if we are
1545		 * trying to recover a really broken machine.
1546		 */
1547		if (execute_command) {
1548			ret = run_init_process(execute_command);
1549			if (!ret)
1550				return 0;
1551			panic("Requested init %s failed (error %d).",
1552			      execute_command, ret);
1553		}
1554	
1555		if (CONFIG_DEFAULT_INIT[0] != '\0') {
1556			ret = run_init_process(CONFIG_DEFAULT_INIT);
1557			if (ret)
1558				pr_err("Default init %s failed (error %d)\n",
1559				       CONFIG_DEFAULT_INIT, ret);
1560			else
1561				return 0;
1562		}
1563	
1564		if (!try_to_run_init_process("/sbin/init") ||
1565		    !try_to_run_init_process("/etc/init") ||
1566		    !try_to_run_init_process("/bin/init") ||
1567		    !try_to_run_init_process("/bin/sh"))
1568			return 0;
1569	
1570		panic("No working init found.  Try passing init= option to kernel. "
1571		      "See Linux Documentation/admin-guide/init.rst for guidance.");
1572	}
1589	static noinline void __init kernel_init_freeable(void)
1590	{
1591		/* Now the scheduler is fully set up and can do blocking allocations */
1592		gfp_allowed_mask = __GFP_BITS_MASK;
1593	
1594		/*
1595		 * init can allocate pages on any node
1596		 */
1597		set_mems_allowed(node_states[N_MEMORY]);
1598	
1599		cad_pid = get_pid(task_pid(current));
1600	
1601		smp_prepare_cpus(setup_max_cpus);
1602	
1603		workqueue_init();
1604	
1605		init_mm_internals();
1606	
1607		rcu_init_tasks_generic();
1608		do_pre_smp_initcalls();
1609		lockup_detector_init();
1610	
1611		smp_init();
1612		sched_init_smp();
1613	
1614		padata_init();
1615		page_alloc_init_late();
1616		/* Initialize page ext after all struct pages are initialized. */
1617		page_ext_init();
1618	
1619		do_basic_setup();
1620	
1621		kunit_run_all_tests();
1622	
1623		wait_for_initramfs();
1624		console_on_rootfs();
1625	
1626		/*
1627		 * check if there is an early userspace init.  If yes, let it do all
1628		 * the work
1629		 */
1630		if (init_eaccess(ramdisk_execute_command) != 0) {
1631			ramdisk_execute_command = NULL;
1632			prepare_namespace();
1633		}
1634	
1635		/*
1636		 * Ok, we have completed the initial bootup, and
1637		 * we're essentially up and running. Get rid of the
1638		 * initmem segments and start the user-mode stuff..
1639		 *
1640		 * rootfs is available now, try loading the public keys
1641		 * and default modules
1642		 */
1643	
1644		integrity_load_keys();
1645	}
