# file: kernel/fork.c
# version: v5.15.100
# checked: zcjie1/linux-5.15.100@5382e6c4f584d95b3e19d44f55c3f8ff62e487eb (one owner comment line removed before counting), unifreq/linux-5.15.y@34a39eae0865e62de24d89682cea386ecdb8bfab (same text in copy_process, kernel_clone apart from its vendor lru_gen lines, kernel_thread), seed post (kernel_thread, kernel_clone)
# license: GPL-2.0 (Linux kernel; excerpts, each line keeps its line number in the original file)
# note: copy_process here includes the 5.15.y stable backport sched_cgroup_fork(p, args) (not in v5.15.0), so lines after it are those of v5.15.100, not v5.15
1	// SPDX-License-Identifier: GPL-2.0-only
2	/*
3	 *  linux/kernel/fork.c
4	 *
5	 *  Copyright (C) 1991, 1992  Linus Torvalds
6	 */
1339	static void complete_vfork_done(struct task_struct *tsk)
1340	{
1341		struct completion *vfork;
1342	
1343		task_lock(tsk);
1344		vfork = tsk->vfork_done;
1345		if (likely(vfork)) {
1346			tsk->vfork_done = NULL;
1347			complete(vfork);
1348		}
1349		task_unlock(tsk);
1350	}
1373	/* Please note the differences between mmput and mm_release.
1374	 * mmput is called whenever we stop holding onto a mm_struct,
1375	 * error success whatever.
1376	 *
1377	 * mm_release is called after a mm_struct has been removed
1378	 * from the current process.
1379	 *
1380	 * This difference is important for error handling, when we
1381	 * only half set up a mm_struct for a new process and need to restore
1382	 * the old one.  Because we mmput the new mm_struct before
1383	 * restoring the old one. . .
1384	 * Eric Biederman 10 January 1998
1385	 */
1386	static void mm_release(struct task_struct *tsk, struct mm_struct *mm)
1387	{
1388		uprobe_free_utask(tsk);
1389	
1390		/* Get rid of any cached register state */
1391		deactivate_mm(tsk, mm);
1392	
1393		/*
1394		 * Signal userspace if we're not exiting with a core dump
1395		 * because we want to leave the value intact for debugging
1396		 * purposes.
1397		 */
1398		if (tsk->clear_child_tid) {
1399			if (!(tsk->signal->flags & SIGNAL_GROUP_COREDUMP) &&
1400			    atomic_read(&mm->mm_users) > 1) {
1401				/*
1402				 * We don't check the error code - if userspace has
1403				 * not set up a proper pointer then tough luck.
1404				 */
1405				put_user(0, tsk->clear_child_tid);
1406				do_futex(tsk->clear_child_tid, FUTEX_WAKE,
1407						1, NULL, NULL, 0, 0);
1408			}
1409			tsk->clear_child_tid = NULL;
1410		}
1411	
1412		/*
1413		 * All done, finally we can wake up parent and return this mm to him.
1414		 * Also kthread_stop() uses this completion for synchronization.
1415		 */
1416		if (tsk->vfork_done)
1417			complete_vfork_done(tsk);
1418	}
1420	void exit_mm_release(struct task_struct *tsk, struct mm_struct *mm)
1421	{
1422		futex_exit_release(tsk);
1423		mm_release(tsk, mm);
1424	}
1934	static __latent_entropy struct task_struct *copy_process(
1935						struct pid *pid,
1936						int trace,
1937						int node,
1938						struct kernel_clone_args *args)
1939	{
1940		int pidfd = -1, retval;
1941		struct task_struct *p;
1942		struct multiprocess_signals delayed;
1943		struct file *pidfile = NULL;
1944		u64 clone_flags = args->flags;
1945		struct nsproxy *nsp = current->nsproxy;
1946	
2025		retval = -ERESTARTNOINTR;
2026		if (task_sigpending(current))
2027			goto fork_out;
2028	
2029		retval = -ENOMEM;
2030		p = dup_task_struct(current, node);
2031		if (!p)
2032			goto fork_out;
2074		/*
2075		 * If multiple threads are within copy_process(), then this check
2076		 * triggers too late. This doesn't hurt, the check is only there
2077		 * to stop root fork bombs.
2078		 */
2079		retval = -EAGAIN;
2080		if (data_race(nr_threads >= max_threads))
2081			goto bad_fork_cleanup_count;
2167		/* Perform scheduler related setup. Assign this task to a CPU. */
2168		retval = sched_fork(clone_flags, p);
2169		if (retval)
2170			goto bad_fork_cleanup_policy;
2207		retval = copy_thread(clone_flags, args->stack, args->stack_size, p, args->tls);
2208		if (retval)
2209			goto bad_fork_cleanup_io;
2210	
2211		stackleak_task_init(p);
2212	
2213		if (pid != &init_struct_pid) {
2214			pid = alloc_pid(p->nsproxy->pid_ns_for_children, args->set_tid,
2215					args->set_tid_size);
2216			if (IS_ERR(pid)) {
2217				retval = PTR_ERR(pid);
2218				goto bad_fork_cleanup_thread;
2219			}
2220		}
2292	
2293		/*
2294		 * Ensure that the cgroup subsystem policies allow the new process to be
2295		 * forked. It should be noted that the new process's css_set can be changed
2296		 * between here and cgroup_post_fork() if an organisation operation is in
2297		 * progress.
2298		 */
2299		retval = cgroup_can_fork(p, args);
2300		if (retval)
2301			goto bad_fork_put_pidfd;
2303		/*
2304		 * Now that the cgroups are pinned, re-clone the parent cgroup and put
2305		 * the new task on the correct runqueue. All this *before* the task
2306		 * becomes visible.
2307		 *
2308		 * This isn't part of ->can_fork() because while the re-cloning is
2309		 * cgroup specific, it unconditionally needs to place the task on a
2310		 * runqueue.
2311		 */
2312		sched_cgroup_fork(p, args);
2325		/*
2326		 * Make it visible to the rest of the system, but dont wake it up yet.
2327		 * Need tasklist lock for parent etc handling!
2328		 */
2329		write_lock_irq(&tasklist_lock);
2330	
2331		/* CLONE_PARENT re-uses the old parent */
2332		if (clone_flags & (CLONE_PARENT|CLONE_THREAD)) {
2333			p->real_parent = current->real_parent;
2334			p->parent_exec_id = current->parent_exec_id;
2335			if (clone_flags & CLONE_THREAD)
2336				p->exit_signal = -1;
2337			else
2338				p->exit_signal = current->group_leader->exit_signal;
2339		} else {
2340			p->real_parent = current;
2341			p->parent_exec_id = current->self_exec_id;
2342			p->exit_signal = args->exit_signal;
2343		}
2344	
2345		klp_copy_process(p);
2346	
2347		sched_core_fork(p);
2348	
2349		spin_lock(&current->sighand->siglock);
2350	
2351		rseq_fork(p, clone_flags);
2352	
2353		/* Don't start children in a dying pid namespace */
2354		if (unlikely(!(ns_of_pid(pid)->pid_allocated & PIDNS_ADDING))) {
2355			retval = -ENOMEM;
2356			goto bad_fork_cancel_cgroup;
2357		}
2358	
2359		/* Let kill terminate clone/fork in the middle */
2360		if (fatal_signal_pending(current)) {
2361			retval = -EINTR;
2362			goto bad_fork_cancel_cgroup;
2363		}
2364	
2365		/* No more failure paths after this point. */
2366	
2367		/*
2368		 * Copy seccomp details explicitly here, in case they were changed
2369		 * before holding sighand lock.
2370		 */
2371		copy_seccomp(p);
2372	
2373		init_task_pid_links(p);
2374		if (likely(p->pid)) {
2375			ptrace_init_task(p, (clone_flags & CLONE_PTRACE) || trace);
2376	
2377			init_task_pid(p, PIDTYPE_PID, pid);
2378			if (thread_group_leader(p)) {
2379				init_task_pid(p, PIDTYPE_TGID, pid);
2380				init_task_pid(p, PIDTYPE_PGID, task_pgrp(current));
2381				init_task_pid(p, PIDTYPE_SID, task_session(current));
2382	
2383				if (is_child_reaper(pid)) {
2384					ns_of_pid(pid)->child_reaper = p;
2385					p->signal->flags |= SIGNAL_UNKILLABLE;
2386				}
2387				p->signal->shared_pending.signal = delayed.signal;
2388				p->signal->tty = tty_kref_get(current->signal->tty);
2389				/*
2390				 * Inherit has_child_subreaper flag under the same
2391				 * tasklist_lock with adding child to the process tree
2392				 * for propagate_has_child_subreaper optimization.
2393				 */
2394				p->signal->has_child_subreaper = p->real_parent->signal->has_child_subreaper ||
2395								 p->real_parent->signal->is_child_subreaper;
2396				list_add_tail(&p->sibling, &p->real_parent->children);
2397				list_add_tail_rcu(&p->tasks, &init_task.tasks);
2398				attach_pid(p, PIDTYPE_TGID);
2399				attach_pid(p, PIDTYPE_PGID);
2400				attach_pid(p, PIDTYPE_SID);
2401				__this_cpu_inc(process_counts);
2402			} else {
2403				current->signal->nr_threads++;
2404				atomic_inc(&current->signal->live);
2405				refcount_inc(&current->signal->sigcnt);
2406				task_join_group_stop(p);
2407				list_add_tail_rcu(&p->thread_group,
2408						  &p->group_leader->thread_group);
2409				list_add_tail_rcu(&p->thread_node,
2410						  &p->signal->thread_head);
2411			}
2412			attach_pid(p, PIDTYPE_PID);
2413			nr_threads++;
2414		}
2415		total_forks++;
2416		hlist_del_init(&delayed.node);
2417		spin_unlock(&current->sighand->siglock);
2418		syscall_tracepoint_update(p);
2419		write_unlock_irq(&tasklist_lock);
2420	
2421		if (pidfile)
2422			fd_install(pidfd, pidfile);
2423	
2424		proc_fork_connector(p);
2425		sched_post_fork(p);
2426		cgroup_post_fork(p, args);
2427		perf_event_fork(p);
2428	
2429		trace_task_newtask(p, clone_flags);
2430		uprobe_copy_process(p, clone_flags);
2431	
2432		copy_oom_score_adj(clone_flags, p);
2433	
2434		return p;
2497	}
2552	/*
2553	 *  Ok, this is the main fork-routine.
2554	 *
2555	 * It copies the process, and if successful kick-starts
2556	 * it and waits for it to finish using the VM if required.
2557	 *
2558	 * args->exit_signal is expected to be checked for sanity by the caller.
2559	 */
2560	pid_t kernel_clone(struct kernel_clone_args *args)
2561	{
2562		u64 clone_flags = args->flags;
2563		struct completion vfork;
2564		struct pid *pid;
2565		struct task_struct *p;
2566		int trace = 0;
2567		pid_t nr;
2568	
2569		/*
2570		 * For legacy clone() calls, CLONE_PIDFD uses the parent_tid argument
2571		 * to return the pidfd. Hence, CLONE_PIDFD and CLONE_PARENT_SETTID are
2572		 * mutually exclusive. With clone3() CLONE_PIDFD has grown a separate
2573		 * field in struct clone_args and it still doesn't make sense to have
2574		 * them both point at the same memory location. Performing this check
2575		 * here has the advantage that we don't need to have a separate helper
2576		 * to check for legacy clone().
2577		 */
2578		if ((args->flags & CLONE_PIDFD) &&
2579		    (args->flags & CLONE_PARENT_SETTID) &&
2580		    (args->pidfd == args->parent_tid))
2581			return -EINVAL;
2582	
2583		/*
2584		 * Determine whether and which event to report to ptracer.  When
2585		 * called from kernel_thread or CLONE_UNTRACED is explicitly
2586		 * requested, no event is reported; otherwise, report if the event
2587		 * for the type of forking is enabled.
2588		 */
2589		if (!(clone_flags & CLONE_UNTRACED)) {
2590			if (clone_flags & CLONE_VFORK)
2591				trace = PTRACE_EVENT_VFORK;
2592			else if (args->exit_signal != SIGCHLD)
2593				trace = PTRACE_EVENT_CLONE;
2594			else
2595				trace = PTRACE_EVENT_FORK;
2596	
2597			if (likely(!ptrace_event_enabled(current, trace)))
2598				trace = 0;
2599		}
2600	
2601		p = copy_process(NULL, trace, NUMA_NO_NODE, args);
2602		add_latent_entropy();
2603	
2604		if (IS_ERR(p))
2605			return PTR_ERR(p);
2606	
2607		/*
2608		 * Do this prior waking up the new thread - the thread pointer
2609		 * might get invalid after that point, if the thread exits quickly.
2610		 */
2611		trace_sched_process_fork(current, p);
2612	
2613		pid = get_task_pid(p, PIDTYPE_PID);
2614		nr = pid_vnr(pid);
2615	
2616		if (clone_flags & CLONE_PARENT_SETTID)
2617			put_user(nr, args->parent_tid);
2618	
2619		if (clone_flags & CLONE_VFORK) {
2620			p->vfork_done = &vfork;
2621			init_completion(&vfork);
2622			get_task_struct(p);
2623		}
2624	
2625		wake_up_new_task(p);
2626	
2627		/* forking complete and child started to run, tell ptracer */
2628		if (unlikely(trace))
2629			ptrace_event_pid(trace, pid);
2630	
2631		if (clone_flags & CLONE_VFORK) {
2632			if (!wait_for_vfork_done(p, &vfork))
2633				ptrace_event_pid(PTRACE_EVENT_VFORK_DONE, pid);
2634		}
2635	
2636		put_pid(pid);
2637		return nr;
2638	}
2640	/*
2641	 * Create a kernel thread.
2642	 */
2643	pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
2644	{
2645		struct kernel_clone_args args = {
2646			.flags		= ((lower_32_bits(flags) | CLONE_VM |
2647					    CLONE_UNTRACED) & ~CSIGNAL),
2648			.exit_signal	= (lower_32_bits(flags) & CSIGNAL),
2649			.stack		= (unsigned long)fn,
2650			.stack_size	= (unsigned long)arg,
2651		};
2652	
2653		return kernel_clone(&args);
2654	}
