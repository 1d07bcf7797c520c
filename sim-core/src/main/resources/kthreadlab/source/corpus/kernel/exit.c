# file: kernel/exit.c
# version: v5.15.167 (a 5.15.y stable release; see note)
# checked: derrickgreenspan/PMO-for-Linux-5.15.167@4f565287961cadacfc8735c20f5bc7305fda9ec3 (linux-5.15.167-PMO/kernel/exit.c; the owner's PMO additions removed before counting: one #include line plus the blank line after it at the top, and in do_exit a 7-line block plus the braces it needed around "if (tsk->mm)"), unifreq/linux-5.15.y@a1046fb570d87066bcf14172c200084d0a580361 (5.15.186: exit_notify and do_exit identical except that 5.15.186 moves perf_event_exit_task() in front of exit_mm()), unifreq/linux-5.15.y@579ee23d21672c6ee8897835fa948ccc6c676b55 (5.15.213: lines 1-553 identical apart from three later changes: __exit_signal smp_store_release, a vendor lru_gen line, exit_mm user_dumpable)
# license: GPL-2.0 (Linux kernel; excerpts, each line keeps its line number in the original file)
# note: #include <linux/sysfs.h> (line 67) and the oops_limit/oops_count block (lines 73-118) came to 5.15.y with the oops-limit backports, so in v5.15.0 every line from line 67 on is lower; the excerpted function bodies were not compared with v5.15.0 itself
1	// SPDX-License-Identifier: GPL-2.0-only
2	/*
3	 *  linux/kernel/exit.c
4	 *
5	 *  Copyright (C) 1991, 1992  Linus Torvalds
6	 */
229	void release_task(struct task_struct *p)
230	{
231		struct task_struct *leader;
232		struct pid *thread_pid;
233		int zap_leader;
234	repeat:
235		/* don't need to get the RCU readlock here - the process is dead and
236		 * can't be modifying its own credentials. But shut RCU-lockdep up */
237		rcu_read_lock();
238		dec_rlimit_ucounts(task_ucounts(p), UCOUNT_RLIMIT_NPROC, 1);
239		rcu_read_unlock();
240	
241		cgroup_release(p);
242	
243		write_lock_irq(&tasklist_lock);
244		ptrace_release_task(p);
245		thread_pid = get_pid(p->thread_pid);
246		__exit_signal(p);
247	
248		/*
249		 * If we are the last non-leader member of the thread
250		 * group, and the leader is zombie, then notify the
251		 * group leader's parent process. (if it wants notification.)
252		 */
253		zap_leader = 0;
254		leader = p->group_leader;
255		if (leader != p && thread_group_empty(leader)
256				&& leader->exit_state == EXIT_ZOMBIE) {
257			/*
258			 * If we were the last child thread and the leader has
259			 * exited already, and the leader's parent ignores SIGCHLD,
260			 * then we are the one who should release the leader.
261			 */
262			zap_leader = do_notify_parent(leader, leader->exit_signal);
263			if (zap_leader)
264				leader->exit_state = EXIT_DEAD;
265		}
266	
267		write_unlock_irq(&tasklist_lock);
268		seccomp_filter_release(p);
269		proc_flush_pid(thread_pid);
270		put_pid(thread_pid);
271		release_thread(p);
272		put_task_struct_rcu_user(p);
273	
274		p = leader;
275		if (unlikely(zap_leader))
276			goto repeat;
277	}
479	/*
480	 * Turn us into a lazy TLB process if we
481	 * aren't already..
482	 */
483	static void exit_mm(void)
484	{
485		struct mm_struct *mm = current->mm;
486		struct core_state *core_state;
487	
488		exit_mm_release(current, mm);
489		if (!mm)
490			return;
491		sync_mm_rss(mm);
492		/*
493		 * Serialize with any possible pending coredump.
494		 * We must hold mmap_lock around checking core_state
495		 * and clearing tsk->mm.  The core-inducing thread
496		 * will increment ->nr_threads for each thread in the
497		 * group with ->mm != NULL.
498		 */
499		mmap_read_lock(mm);
500		core_state = mm->core_state;
501		if (core_state) {
502			struct core_thread self;
503	
504			mmap_read_unlock(mm);
505	
506			self.task = current;
507			if (self.task->flags & PF_SIGNALED)
508				self.next = xchg(&core_state->dumper.next, &self);
509			else
510				self.task = NULL;
511			/*
512			 * Implies mb(), the result of xchg() must be visible
513			 * to core_state->dumper.
514			 */
515			if (atomic_dec_and_test(&core_state->nr_threads))
516				complete(&core_state->startup);
517	
518			for (;;) {
519				set_current_state(TASK_UNINTERRUPTIBLE);
520				if (!self.task) /* see coredump_finish() */
521					break;
522				freezable_schedule();
523			}
524			__set_current_state(TASK_RUNNING);
525			mmap_read_lock(mm);
526		}
527		mmgrab(mm);
528		BUG_ON(mm != current->active_mm);
529		/* more a memory barrier than a real lock */
530		task_lock(current);
531		/*
532		 * When a thread stops operating on an address space, the loop
533		 * in membarrier_private_expedited() may not observe that
534		 * tsk->mm, and the loop in membarrier_global_expedited() may
535		 * not observe a MEMBARRIER_STATE_GLOBAL_EXPEDITED
536		 * rq->membarrier_state, so those would not issue an IPI.
537		 * Membarrier requires a memory barrier after accessing
538		 * user-space memory, before clearing tsk->mm or the
539		 * rq->membarrier_state.
540		 */
541		smp_mb__after_spinlock();
542		local_irq_disable();
543		current->mm = NULL;
544		membarrier_update_current_mm(NULL);
545		enter_lazy_tlb(mm, current);
546		local_irq_enable();
547		task_unlock(current);
548		mmap_read_unlock(mm);
549		mm_update_next_owner(mm);
550		mmput(mm);
551		if (test_thread_flag(TIF_MEMDIE))
552			exit_oom_victim();
553	}
706	/*
707	 * Send signals to all our closest relatives so that they know
708	 * to properly mourn us..
709	 */
710	static void exit_notify(struct task_struct *tsk, int group_dead)
711	{
712		bool autoreap;
713		struct task_struct *p, *n;
714		LIST_HEAD(dead);
715	
716		write_lock_irq(&tasklist_lock);
717		forget_original_parent(tsk, &dead);
718	
719		if (group_dead)
720			kill_orphaned_pgrp(tsk->group_leader, NULL);
721	
722		tsk->exit_state = EXIT_ZOMBIE;
723		if (unlikely(tsk->ptrace)) {
724			int sig = thread_group_leader(tsk) &&
725					thread_group_empty(tsk) &&
726					!ptrace_reparented(tsk) ?
727				tsk->exit_signal : SIGCHLD;
728			autoreap = do_notify_parent(tsk, sig);
729		} else if (thread_group_leader(tsk)) {
730			autoreap = thread_group_empty(tsk) &&
731				do_notify_parent(tsk, tsk->exit_signal);
732		} else {
733			autoreap = true;
734		}
735	
736		if (autoreap) {
737			tsk->exit_state = EXIT_DEAD;
738			list_add(&tsk->ptrace_entry, &dead);
739		}
740	
741		/* mt-exec, de_thread() is waiting for group leader */
742		if (unlikely(tsk->signal->notify_count < 0))
743			wake_up_process(tsk->signal->group_exit_task);
744		write_unlock_irq(&tasklist_lock);
745	
746		list_for_each_entry_safe(p, n, &dead, ptrace_entry) {
747			list_del_init(&p->ptrace_entry);
748			release_task(p);
749		}
750	}
776	void __noreturn do_exit(long code)
777	{
778		struct task_struct *tsk = current;
779		int group_dead;
780	
781		/*
782		 * We can get here from a kernel oops, sometimes with preemption off.
783		 * Start by checking for critical errors.
784		 * Then fix up important state like USER_DS and preemption.
785		 * Then do everything else.
786		 */
787	
788		WARN_ON(blk_needs_flush_plug(tsk));
789	
790		if (unlikely(in_interrupt()))
791			panic("Aiee, killing interrupt handler!");
792		if (unlikely(!tsk->pid))
793			panic("Attempted to kill the idle task!");
794	
795		/*
796		 * If do_exit is called because this processes oopsed, it's possible
797		 * that get_fs() was left as KERNEL_DS, so reset it to USER_DS before
798		 * continuing. Amongst other possible reasons, this is to prevent
799		 * mm_release()->clear_child_tid() from writing to a user-controlled
800		 * kernel address.
801		 */
802		force_uaccess_begin();
803	
804		if (unlikely(in_atomic())) {
805			pr_info("note: %s[%d] exited with preempt_count %d\n",
806				current->comm, task_pid_nr(current),
807				preempt_count());
808			preempt_count_set(PREEMPT_ENABLED);
809		}
810	
811		profile_task_exit(tsk);
812		kcov_task_exit(tsk);
813	
814		ptrace_event(PTRACE_EVENT_EXIT, code);
815	
816		validate_creds_for_do_exit(tsk);
817	
818		/*
819		 * We're taking recursive faults here in do_exit. Safest is to just
820		 * leave this task alone and wait for reboot.
821		 */
822		if (unlikely(tsk->flags & PF_EXITING)) {
823			pr_alert("Fixing recursive fault but reboot is needed!\n");
824			futex_exit_recursive(tsk);
825			set_current_state(TASK_UNINTERRUPTIBLE);
826			schedule();
827		}
828	
829		io_uring_files_cancel();
830		exit_signals(tsk);  /* sets PF_EXITING */
831	
832		/* sync mm's RSS info before statistics gathering */
833		if (tsk->mm)
834			sync_mm_rss(tsk->mm);
835		acct_update_integrals(tsk);
836		group_dead = atomic_dec_and_test(&tsk->signal->live);
837		if (group_dead) {
838			/*
839			 * If the last thread of global init has exited, panic
840			 * immediately to get a useable coredump.
841			 */
842			if (unlikely(is_global_init(tsk)))
843				panic("Attempted to kill init! exitcode=0x%08x\n",
844					tsk->signal->group_exit_code ?: (int)code);
845	
846	#ifdef CONFIG_POSIX_TIMERS
847			hrtimer_cancel(&tsk->signal->real_timer);
848			exit_itimers(tsk);
849	#endif
850			if (tsk->mm)
851				setmax_mm_hiwater_rss(&tsk->signal->maxrss, tsk->mm);
852		}
853		acct_collect(code, group_dead);
854		if (group_dead)
855			tty_audit_exit();
856		audit_free(tsk);
857	
858		tsk->exit_code = code;
859		taskstats_exit(tsk, group_dead);
860	
861		exit_mm();
862	
863		if (group_dead)
864			acct_process();
865		trace_sched_process_exit(tsk);
866	
867		exit_sem(tsk);
868		exit_shm(tsk);
869		exit_files(tsk);
870		exit_fs(tsk);
871		if (group_dead)
872			disassociate_ctty(1);
873		exit_task_namespaces(tsk);
874		exit_task_work(tsk);
875		exit_thread(tsk);
876	
877		/*
878		 * Flush inherited counters to the parent - before the parent
879		 * gets woken up by child-exit notifications.
880		 *
881		 * because of cgroup mode, must be called before cgroup_exit()
882		 */
883		perf_event_exit_task(tsk);
884	
885		sched_autogroup_exit_task(tsk);
886		cgroup_exit(tsk);
887	
888		/*
889		 * FIXME: do that only when needed, using sched_exit tracepoint
890		 */
891		flush_ptrace_hw_breakpoint(tsk);
892	
893		exit_tasks_rcu_start();
894		exit_notify(tsk, group_dead);
895		proc_exit_connector(tsk);
896		mpol_put_task_policy(tsk);
897	#ifdef CONFIG_FUTEX
898		if (unlikely(current->pi_state_cache))
899			kfree(current->pi_state_cache);
900	#endif
901		/*
902		 * Make sure we are holding no locks:
903		 */
904		debug_check_no_locks_held();
905	
906		if (tsk->io_context)
907			exit_io_context(tsk);
908	
909		if (tsk->splice_pipe)
910			free_pipe_info(tsk->splice_pipe);
911	
912		if (tsk->task_frag.page)
913			put_page(tsk->task_frag.page);
914	
915		validate_creds_for_do_exit(tsk);
916	
917		check_stack_usage();
918		preempt_disable();
919		if (tsk->nr_dirtied)
920			__this_cpu_add(dirty_throttle_leaks, tsk->nr_dirtied);
921		exit_rcu();
922		exit_tasks_rcu_finish();
923	
924		lockdep_free_task(tsk);
925		do_task_dead();
926	}
927	EXPORT_SYMBOL_GPL(do_exit);
