# file: kernel/sched/core.c
# version: v5.15.100 (the 5.15.y stable release; v5.15.0 itself could not be read, see the notes)
# checked: zcjie1/linux-5.15.100@0ccebedef24313f865e5f51b81c380f25a22bbca (63 lines its owner added removed, inline owner comments stripped and the owner's edit of schedule() undone, before counting; all the removals checked against the unifreq text), unifreq/linux-5.15.y@234b9cd63629c9e90934f24ec3734063e05d23f3 (a later 5.15.y: same text in every excerpt except the lines named below)
# license: GPL-2.0 (Linux kernel; excerpts, each line keeps its line number in the original file)
# note: sched_fork is the 5.15.y form: the stable backport of "sched: Fix yet more sched_fork() races" moved the pi_lock / __set_task_cpu / task_fork steps that v5.15.0 did inside sched_fork into sched_cgroup_fork (shown too), which copy_process calls after cgroup_can_fork
# note: later 5.15.y releases (as in the unifreq copy) add "if (task_on_rq_migrating(p)) flags |= ENQUEUE_MIGRATED;" to activate_task and "&& !irqs_disabled()" to __cond_resched; v5.15.100 has neither
1	// SPDX-License-Identifier: GPL-2.0-only
2	/*
3	 *  kernel/sched/core.c
4	 *
5	 *  Core kernel scheduler code and related syscalls
6	 *
7	 *  Copyright (C) 1991-2002  Linus Torvalds
8	 */
955	/*
956	 * resched_curr - mark rq's current task 'to be rescheduled now'.
957	 *
958	 * On UP this means the setting of the need_resched flag, on SMP it
959	 * might also involve a cross-CPU call to trigger the scheduler on
960	 * the target CPU.
961	 */
962	void resched_curr(struct rq *rq)
963	{
964		struct task_struct *curr = rq->curr;
965		int cpu;
966	
967		lockdep_assert_rq_held(rq);
968	
969		if (test_tsk_need_resched(curr))
970			return;
971	
972		cpu = cpu_of(rq);
973	
974		if (cpu == smp_processor_id()) {
975			set_tsk_need_resched(curr);
976			set_preempt_need_resched();
977			return;
978		}
979	
980		if (set_nr_and_not_polling(curr))
981			smp_send_reschedule(cpu);
982		else
983			trace_sched_wake_idle_without_ipi(cpu);
984	}
2000	void activate_task(struct rq *rq, struct task_struct *p, int flags)
2001	{
2002		enqueue_task(rq, p, flags);
2003	
2004		p->on_rq = TASK_ON_RQ_QUEUED;
2005	}
2007	void deactivate_task(struct rq *rq, struct task_struct *p, int flags)
2008	{
2009		p->on_rq = (flags & DEQUEUE_SLEEP) ? 0 : TASK_ON_RQ_MIGRATING;
2010	
2011		dequeue_task(rq, p, flags);
2012	}
2091	void check_preempt_curr(struct rq *rq, struct task_struct *p, int flags)
2092	{
2093		if (p->sched_class == rq->curr->sched_class)
2094			rq->curr->sched_class->check_preempt_curr(rq, p, flags);
2095		else if (p->sched_class > rq->curr->sched_class)
2096			resched_curr(rq);
2097	
2098		/*
2099		 * A queue event has occurred, and we're going to schedule.  In
2100		 * this case, we can save a useless back to back clock update.
2101		 */
2102		if (task_on_rq_queued(rq->curr) && test_tsk_need_resched(rq->curr))
2103			rq_clock_skip_update(rq);
2104	}
3191	/*
3192	 * wait_task_inactive - wait for a thread to unschedule.
3193	 *
3194	 * If @match_state is nonzero, it's the @p->state value just checked and
3195	 * not expected to change.  If it changes, i.e. @p might have woken up,
3196	 * then return zero.  When we succeed in waiting for @p to be off its CPU,
3197	 * we return a positive number (its total switch count).  If a second call
3198	 * a short while later returns the same number, the caller can be sure that
3199	 * @p has remained unscheduled the whole time.
3200	 *
3201	 * The caller must ensure that the task *will* unschedule sometime soon,
3202	 * else this function might spin for a *long* time. This function can't
3203	 * be called with interrupts off, or it may introduce deadlock with
3204	 * smp_call_function() if an IPI is sent by the same process we are
3205	 * waiting to become inactive.
3206	 */
3207	unsigned long wait_task_inactive(struct task_struct *p, unsigned int match_state)
3208	{
3209		int running, queued;
3210		struct rq_flags rf;
3211		unsigned long ncsw;
3212		struct rq *rq;
3213	
3214		for (;;) {
3215			/*
3216			 * We do the initial early heuristics without holding
3217			 * any task-queue locks at all. We'll only try to get
3218			 * the runqueue lock when things look like they will
3219			 * work out!
3220			 */
3221			rq = task_rq(p);
3222	
3223			/*
3224			 * If the task is actively running on another CPU
3225			 * still, just relax and busy-wait without holding
3226			 * any locks.
3227			 *
3228			 * NOTE! Since we don't hold any locks, it's not
3229			 * even sure that "rq" stays as the right runqueue!
3230			 * But we don't care, since "task_running()" will
3231			 * return false if the runqueue has changed and p
3232			 * is actually now running somewhere else!
3233			 */
3234			while (task_running(rq, p)) {
3235				if (match_state && unlikely(READ_ONCE(p->__state) != match_state))
3236					return 0;
3237				cpu_relax();
3238			}
3239	
3240			/*
3241			 * Ok, time to look more closely! We need the rq
3242			 * lock now, to be *sure*. If we're wrong, we'll
3243			 * just go back and repeat.
3244			 */
3245			rq = task_rq_lock(p, &rf);
3246			trace_sched_wait_task(p);
3247			running = task_running(rq, p);
3248			queued = task_on_rq_queued(p);
3249			ncsw = 0;
3250			if (!match_state || READ_ONCE(p->__state) == match_state)
3251				ncsw = p->nvcsw | LONG_MIN; /* sets MSB */
3252			task_rq_unlock(rq, p, &rf);
3253	
3254			/*
3255			 * If it changed from the expected state, bail out now.
3256			 */
3257			if (unlikely(!ncsw))
3258				break;
3259	
3260			/*
3261			 * Was it really running after all now that we
3262			 * checked with the proper locks actually held?
3263			 *
3264			 * Oops. Go back and try again..
3265			 */
3266			if (unlikely(running)) {
3267				cpu_relax();
3268				continue;
3269			}
3270	
3271			/*
3272			 * It's not enough that it's not actively running,
3273			 * it must be off the runqueue _entirely_, and not
3274			 * preempted!
3275			 *
3276			 * So if it was still runnable (but just not actively
3277			 * running right now), it's preempted, and we should
3278			 * yield - it could be a while.
3279			 */
3280			if (unlikely(queued)) {
3281				ktime_t to = NSEC_PER_SEC / HZ;
3282	
3283				set_current_state(TASK_UNINTERRUPTIBLE);
3284				schedule_hrtimeout(&to, HRTIMER_MODE_REL);
3285				continue;
3286			}
3287	
3288			/*
3289			 * Ahh, all good. It wasn't running, and it wasn't
3290			 * runnable, which means that it will never become
3291			 * running in the future either. We're all done!
3292			 */
3293			break;
3294		}
3295	
3296		return ncsw;
3297	}
3611	/*
3612	 * Consider @p being inside a wait loop:
3613	 *
3614	 *   for (;;) {
3615	 *      set_current_state(TASK_UNINTERRUPTIBLE);
3616	 *
3617	 *      if (CONDITION)
3618	 *         break;
3619	 *
3620	 *      schedule();
3621	 *   }
3622	 *   __set_current_state(TASK_RUNNING);
3623	 *
3624	 * between set_current_state() and schedule(). In this case @p is still
3625	 * runnable, so all that needs doing is change p->state back to TASK_RUNNING in
3626	 * an atomic manner.
3627	 *
3628	 * By taking task_rq(p)->lock we serialize against schedule(), if @p->on_rq
3629	 * then schedule() must still happen and p->state can be changed to
3630	 * TASK_RUNNING. Otherwise we lost the race, schedule() has happened, and we
3631	 * need to do a full wakeup with enqueue.
3632	 *
3633	 * Returns: %true when the wakeup is done,
3634	 *          %false otherwise.
3635	 */
3636	static int ttwu_runnable(struct task_struct *p, int wake_flags)
3637	{
3638		struct rq_flags rf;
3639		struct rq *rq;
3640		int ret = 0;
3641	
3642		rq = __task_rq_lock(p, &rf);
3643		if (task_on_rq_queued(p)) {
3644			/* check_preempt_curr() may use rq clock */
3645			update_rq_clock(rq);
3646			ttwu_do_wakeup(rq, p, wake_flags, &rf);
3647			ret = 1;
3648		}
3649		__task_rq_unlock(rq, &rf);
3650	
3651		return ret;
3652	}
3820	/*
3821	 * Invoked from try_to_wake_up() to check whether the task can be woken up.
3822	 *
3823	 * The caller holds p::pi_lock if p != current or has preemption
3824	 * disabled when p == current.
3825	 *
3826	 * The rules of PREEMPT_RT saved_state:
3827	 *
3828	 *   The related locking code always holds p::pi_lock when updating
3829	 *   p::saved_state, which means the code is fully serialized in both cases.
3830	 *
3831	 *   The lock wait and lock wakeups happen via TASK_RTLOCK_WAIT. No other
3832	 *   bits set. This allows to distinguish all wakeup scenarios.
3833	 */
3834	static __always_inline
3835	bool ttwu_state_match(struct task_struct *p, unsigned int state, int *success)
3836	{
3837		if (IS_ENABLED(CONFIG_DEBUG_PREEMPT)) {
3838			WARN_ON_ONCE((state & TASK_RTLOCK_WAIT) &&
3839				     state != TASK_RTLOCK_WAIT);
3840		}
3841	
3842		if (READ_ONCE(p->__state) & state) {
3843			*success = 1;
3844			return true;
3845		}
3846	
3847	#ifdef CONFIG_PREEMPT_RT
3848		/*
3849		 * Saved state preserves the task state across blocking on
3850		 * an RT lock.  If the state matches, set p::saved_state to
3851		 * TASK_RUNNING, but do not wake the task because it waits
3852		 * for a lock wakeup. Also indicate success because from
3853		 * the regular waker's point of view this has succeeded.
3854		 *
3855		 * After acquiring the lock the task will restore p::__state
3856		 * from p::saved_state which ensures that the regular
3857		 * wakeup is not lost. The restore will also set
3858		 * p::saved_state to TASK_RUNNING so any further tests will
3859		 * not result in false positives vs. @success
3860		 */
3861		if (p->saved_state & state) {
3862			p->saved_state = TASK_RUNNING;
3863			*success = 1;
3864		}
3865	#endif
3866		return false;
3867	}
3952	/**
3953	 * try_to_wake_up - wake up a thread
3954	 * @p: the thread to be awakened
3955	 * @state: the mask of task states that can be woken
3956	 * @wake_flags: wake modifier flags (WF_*)
3957	 *
3958	 * Conceptually does:
3959	 *
3960	 *   If (@state & @p->state) @p->state = TASK_RUNNING.
3961	 *
3962	 * If the task was not queued/runnable, also place it back on a runqueue.
3963	 *
3964	 * This function is atomic against schedule() which would dequeue the task.
3965	 *
3966	 * It issues a full memory barrier before accessing @p->state, see the comment
3967	 * with set_current_state().
3968	 *
3969	 * Uses p->pi_lock to serialize against concurrent wake-ups.
3970	 *
3971	 * Relies on p->pi_lock stabilizing:
3972	 *  - p->sched_class
3973	 *  - p->cpus_ptr
3974	 *  - p->sched_task_group
3975	 * in order to do migration, see its use of select_task_rq()/set_task_cpu().
3976	 *
3977	 * Tries really hard to only take one task_rq(p)->lock for performance.
3978	 * Takes rq->lock in:
3979	 *  - ttwu_runnable()    -- old rq, unavoidable, see comment there;
3980	 *  - ttwu_queue()       -- new rq, for enqueue of the task;
3981	 *  - psi_ttwu_dequeue() -- much sadness :-( accounting will kill us.
3982	 *
3983	 * As a consequence we race really badly with just about everything. See the
3984	 * many memory barriers and their comments for details.
3985	 *
3986	 * Return: %true if @p->state changes (an actual wakeup was done),
3987	 *	   %false otherwise.
3988	 */
3989	static int
3990	try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
3991	{
3992		unsigned long flags;
3993		int cpu, success = 0;
3994	
3995		preempt_disable();
3996		if (p == current) {
3997			/*
3998			 * We're waking current, this means 'p->on_rq' and 'task_cpu(p)
3999			 * == smp_processor_id()'. Together this means we can special
4000			 * case the whole 'p->on_rq && ttwu_runnable()' case below
4001			 * without taking any locks.
4002			 *
4003			 * In particular:
4004			 *  - we rely on Program-Order guarantees for all the ordering,
4005			 *  - we're serialized against set_special_state() by virtue of
4006			 *    it disabling IRQs (this allows not taking ->pi_lock).
4007			 */
4008			if (!ttwu_state_match(p, state, &success))
4009				goto out;
4010	
4011			trace_sched_waking(p);
4012			WRITE_ONCE(p->__state, TASK_RUNNING);
4013			trace_sched_wakeup(p);
4014			goto out;
4015		}
4016	
4017		/*
4018		 * If we are going to wake up a thread waiting for CONDITION we
4019		 * need to ensure that CONDITION=1 done by the caller can not be
4020		 * reordered with p->state check below. This pairs with smp_store_mb()
4021		 * in set_current_state() that the waiting thread does.
4022		 */
4023		raw_spin_lock_irqsave(&p->pi_lock, flags);
4024		smp_mb__after_spinlock();
4025		if (!ttwu_state_match(p, state, &success))
4026			goto unlock;
4027	
4028		trace_sched_waking(p);
4029	
4030		/*
4031		 * Ensure we load p->on_rq _after_ p->state, otherwise it would
4032		 * be possible to, falsely, observe p->on_rq == 0 and get stuck
4033		 * in smp_cond_load_acquire() below.
4034		 *
4035		 * sched_ttwu_pending()			try_to_wake_up()
4036		 *   STORE p->on_rq = 1			  LOAD p->state
4037		 *   UNLOCK rq->lock
4038		 *
4039		 * __schedule() (switch to task 'p')
4040		 *   LOCK rq->lock			  smp_rmb();
4041		 *   smp_mb__after_spinlock();
4042		 *   UNLOCK rq->lock
4043		 *
4044		 * [task p]
4045		 *   STORE p->state = UNINTERRUPTIBLE	  LOAD p->on_rq
4046		 *
4047		 * Pairs with the LOCK+smp_mb__after_spinlock() on rq->lock in
4048		 * __schedule().  See the comment for smp_mb__after_spinlock().
4049		 *
4050		 * A similar smb_rmb() lives in try_invoke_on_locked_down_task().
4051		 */
4052		smp_rmb();
4053		if (READ_ONCE(p->on_rq) && ttwu_runnable(p, wake_flags))
4054			goto unlock;
4055	
4056	#ifdef CONFIG_SMP
4057		/*
4058		 * Ensure we load p->on_cpu _after_ p->on_rq, otherwise it would be
4059		 * possible to, falsely, observe p->on_cpu == 0.
4060		 *
4061		 * One must be running (->on_cpu == 1) in order to remove oneself
4062		 * from the runqueue.
4063		 *
4064		 * __schedule() (switch to task 'p')	try_to_wake_up()
4065		 *   STORE p->on_cpu = 1		  LOAD p->on_rq
4066		 *   UNLOCK rq->lock
4067		 *
4068		 * __schedule() (put 'p' to sleep)
4069		 *   LOCK rq->lock			  smp_rmb();
4070		 *   smp_mb__after_spinlock();
4071		 *   STORE p->on_rq = 0			  LOAD p->on_cpu
4072		 *
4073		 * Pairs with the LOCK+smp_mb__after_spinlock() on rq->lock in
4074		 * __schedule().  See the comment for smp_mb__after_spinlock().
4075		 *
4076		 * Form a control-dep-acquire with p->on_rq == 0 above, to ensure
4077		 * schedule()'s deactivate_task() has 'happened' and p will no longer
4078		 * care about it's own p->state. See the comment in __schedule().
4079		 */
4080		smp_acquire__after_ctrl_dep();
4081	
4082		/*
4083		 * We're doing the wakeup (@success == 1), they did a dequeue (p->on_rq
4084		 * == 0), which means we need to do an enqueue, change p->state to
4085		 * TASK_WAKING such that we can unlock p->pi_lock before doing the
4086		 * enqueue, such as ttwu_queue_wakelist().
4087		 */
4088		WRITE_ONCE(p->__state, TASK_WAKING);
4089	
4090		/*
4091		 * If the owning (remote) CPU is still in the middle of schedule() with
4092		 * this task as prev, considering queueing p on the remote CPUs wake_list
4093		 * which potentially sends an IPI instead of spinning on p->on_cpu to
4094		 * let the waker make forward progress. This is safe because IRQs are
4095		 * disabled and the IPI will deliver after on_cpu is cleared.
4096		 *
4097		 * Ensure we load task_cpu(p) after p->on_cpu:
4098		 *
4099		 * set_task_cpu(p, cpu);
4100		 *   STORE p->cpu = @cpu
4101		 * __schedule() (switch to task 'p')
4102		 *   LOCK rq->lock
4103		 *   smp_mb__after_spin_lock()		smp_cond_load_acquire(&p->on_cpu)
4104		 *   STORE p->on_cpu = 1		LOAD p->cpu
4105		 *
4106		 * to ensure we observe the correct CPU on which the task is currently
4107		 * scheduling.
4108		 */
4109		if (smp_load_acquire(&p->on_cpu) &&
4110		    ttwu_queue_wakelist(p, task_cpu(p), wake_flags))
4111			goto unlock;
4112	
4113		/*
4114		 * If the owning (remote) CPU is still in the middle of schedule() with
4115		 * this task as prev, wait until it's done referencing the task.
4116		 *
4117		 * Pairs with the smp_store_release() in finish_task().
4118		 *
4119		 * This ensures that tasks getting woken will be fully ordered against
4120		 * their previous state and preserve Program Order.
4121		 */
4122		smp_cond_load_acquire(&p->on_cpu, !VAL);
4123	
4124		cpu = select_task_rq(p, p->wake_cpu, wake_flags | WF_TTWU);
4125		if (task_cpu(p) != cpu) {
4126			if (p->in_iowait) {
4127				delayacct_blkio_end(p);
4128				atomic_dec(&task_rq(p)->nr_iowait);
4129			}
4130	
4131			wake_flags |= WF_MIGRATED;
4132			psi_ttwu_dequeue(p);
4133			set_task_cpu(p, cpu);
4134		}
4135	#else
4136		cpu = task_cpu(p);
4137	#endif /* CONFIG_SMP */
4138	
4139		ttwu_queue(p, cpu, wake_flags);
4140	unlock:
4141		raw_spin_unlock_irqrestore(&p->pi_lock, flags);
4142	out:
4143		if (success)
4144			ttwu_stat(p, task_cpu(p), wake_flags);
4145		preempt_enable();
4146	
4147		return success;
4148	}
4195	/**
4196	 * wake_up_process - Wake up a specific process
4197	 * @p: The process to be woken up.
4198	 *
4199	 * Attempt to wake up the nominated process and move it to the set of runnable
4200	 * processes.
4201	 *
4202	 * Return: 1 if the process was woken up, 0 if it was already running.
4203	 *
4204	 * This function executes a full memory barrier before accessing the task state.
4205	 */
4206	int wake_up_process(struct task_struct *p)
4207	{
4208		return try_to_wake_up(p, TASK_NORMAL, 0);
4209	}
4210	EXPORT_SYMBOL(wake_up_process);
4212	int wake_up_state(struct task_struct *p, unsigned int state)
4213	{
4214		return try_to_wake_up(p, state, 0);
4215	}
4368	/*
4369	 * fork()/clone()-time setup:
4370	 */
4371	int sched_fork(unsigned long clone_flags, struct task_struct *p)
4372	{
4373		__sched_fork(clone_flags, p);
4374		/*
4375		 * We mark the process as NEW here. This guarantees that
4376		 * nobody will actually run it, and a signal or other external
4377		 * event cannot wake it up and insert it on the runqueue either.
4378		 */
4379		p->__state = TASK_NEW;
4380	
4381		/*
4382		 * Make sure we do not leak PI boosting priority to the child.
4383		 */
4384		p->prio = current->normal_prio;
4385	
4386		uclamp_fork(p);
4387	
4388		/*
4389		 * Revert to default priority/policy on fork if requested.
4390		 */
4391		if (unlikely(p->sched_reset_on_fork)) {
4392			if (task_has_dl_policy(p) || task_has_rt_policy(p)) {
4393				p->policy = SCHED_NORMAL;
4394				p->static_prio = NICE_TO_PRIO(0);
4395				p->rt_priority = 0;
4396			} else if (PRIO_TO_NICE(p->static_prio) < 0)
4397				p->static_prio = NICE_TO_PRIO(0);
4398	
4399			p->prio = p->normal_prio = p->static_prio;
4400			set_load_weight(p, false);
4401	
4402			/*
4403			 * We don't need the reset flag anymore after the fork. It has
4404			 * fulfilled its duty:
4405			 */
4406			p->sched_reset_on_fork = 0;
4407		}
4408	
4409		if (dl_prio(p->prio))
4410			return -EAGAIN;
4411		else if (rt_prio(p->prio))
4412			p->sched_class = &rt_sched_class;
4413		else
4414			p->sched_class = &fair_sched_class;
4415	
4416		init_entity_runnable_average(&p->se);
4417	
4418	
4419	#ifdef CONFIG_SCHED_INFO
4420		if (likely(sched_info_on()))
4421			memset(&p->sched_info, 0, sizeof(p->sched_info));
4422	#endif
4423	#if defined(CONFIG_SMP)
4424		p->on_cpu = 0;
4425	#endif
4426		init_task_preempt_count(p);
4427	#ifdef CONFIG_SMP
4428		plist_node_init(&p->pushable_tasks, MAX_PRIO);
4429		RB_CLEAR_NODE(&p->pushable_dl_tasks);
4430	#endif
4431		return 0;
4432	}
4434	void sched_cgroup_fork(struct task_struct *p, struct kernel_clone_args *kargs)
4435	{
4436		unsigned long flags;
4437	
4438		/*
4439		 * Because we're not yet on the pid-hash, p->pi_lock isn't strictly
4440		 * required yet, but lockdep gets upset if rules are violated.
4441		 */
4442		raw_spin_lock_irqsave(&p->pi_lock, flags);
4443	#ifdef CONFIG_CGROUP_SCHED
4444		if (1) {
4445			struct task_group *tg;
4446			tg = container_of(kargs->cset->subsys[cpu_cgrp_id],
4447					  struct task_group, css);
4448			tg = autogroup_task_group(p, tg);
4449			p->sched_task_group = tg;
4450		}
4451	#endif
4452		rseq_migrate(p);
4453		/*
4454		 * We're setting the CPU for the first time, we don't migrate,
4455		 * so use __set_task_cpu().
4456		 */
4457		__set_task_cpu(p, smp_processor_id());
4458		if (p->sched_class->task_fork)
4459			p->sched_class->task_fork(p);
4460		raw_spin_unlock_irqrestore(&p->pi_lock, flags);
4461	}
4484	/*
4485	 * wake_up_new_task - wake up a newly created task for the first time.
4486	 *
4487	 * This function will do some initial scheduler statistics housekeeping
4488	 * that must be done for every newly created context, then puts the task
4489	 * on the runqueue and wakes it.
4490	 */
4491	void wake_up_new_task(struct task_struct *p)
4492	{
4493		struct rq_flags rf;
4494		struct rq *rq;
4495	
4496		raw_spin_lock_irqsave(&p->pi_lock, rf.flags);
4497		WRITE_ONCE(p->__state, TASK_RUNNING);
4498	#ifdef CONFIG_SMP
4499		/*
4500		 * Fork balancing, do it here and not earlier because:
4501		 *  - cpus_ptr can change in the fork path
4502		 *  - any previously selected CPU might disappear through hotplug
4503		 *
4504		 * Use __set_task_cpu() to avoid calling sched_class::migrate_task_rq,
4505		 * as we're not fully set-up yet.
4506		 */
4507		p->recent_used_cpu = task_cpu(p);
4508		rseq_migrate(p);
4509		__set_task_cpu(p, select_task_rq(p, task_cpu(p), WF_FORK));
4510	#endif
4511		rq = __task_rq_lock(p, &rf);
4512		update_rq_clock(rq);
4513		post_init_entity_util_avg(p);
4514	
4515		activate_task(rq, p, ENQUEUE_NOCLOCK);
4516		trace_sched_wakeup_new(p);
4517		check_preempt_curr(rq, p, WF_FORK);
4518	#ifdef CONFIG_SMP
4519		if (p->sched_class->task_woken) {
4520			/*
4521			 * Nothing relies on rq->lock after this, so it's fine to
4522			 * drop it.
4523			 */
4524			rq_unpin_lock(rq, &rf);
4525			p->sched_class->task_woken(rq, p);
4526			rq_repin_lock(rq, &rf);
4527		}
4528	#endif
4529		task_rq_unlock(rq, p, &rf);
4530	}
4943	/**
4944	 * schedule_tail - first thing a freshly forked thread must call.
4945	 * @prev: the thread we just switched away from.
4946	 */
4947	asmlinkage __visible void schedule_tail(struct task_struct *prev)
4948		__releases(rq->lock)
4949	{
4950		/*
4951		 * New tasks start with FORK_PREEMPT_COUNT, see there and
4952		 * finish_task_switch() for details.
4953		 *
4954		 * finish_task_switch() will drop rq->lock() and lower preempt_count
4955		 * and the preempt_enable() will end up enabling preemption (on
4956		 * PREEMPT_COUNT kernels).
4957		 */
4958	
4959		finish_task_switch(prev);
4960		preempt_enable();
4961	
4962		if (current->set_child_tid)
4963			put_user(task_pid_vnr(current), current->set_child_tid);
4964	
4965		calculate_sigpending();
4966	}
5273	/*
5274	 * This function gets called by the timer code, with HZ frequency.
5275	 * We call it with interrupts disabled.
5276	 */
5277	void scheduler_tick(void)
5278	{
5279		int cpu = smp_processor_id();
5280		struct rq *rq = cpu_rq(cpu);
5281		struct task_struct *curr = rq->curr;
5282		struct rq_flags rf;
5283		unsigned long thermal_pressure;
5284		u64 resched_latency;
5285	
5286		arch_scale_freq_tick();
5287		sched_clock_tick();
5288	
5289		rq_lock(rq, &rf);
5290	
5291		update_rq_clock(rq);
5292		thermal_pressure = arch_scale_thermal_pressure(cpu_of(rq));
5293		update_thermal_load_avg(rq_clock_thermal(rq), rq, thermal_pressure);
5294		curr->sched_class->task_tick(rq, curr, 0);
5295		if (sched_feat(LATENCY_WARN))
5296			resched_latency = cpu_resched_latency(rq);
5297		calc_global_load_tick(rq);
5298	
5299		rq_unlock(rq, &rf);
5300	
5301		if (sched_feat(LATENCY_WARN) && resched_latency)
5302			resched_latency_warn(cpu, resched_latency);
5303	
5304		perf_event_task_tick();
5305	
5306	#ifdef CONFIG_SMP
5307		rq->idle_balance = idle_cpu(cpu);
5308		trigger_load_balance(rq);
5309	#endif
5310	}
5569	/*
5570	 * Various schedule()-time debugging checks and statistics:
5571	 */
5572	static inline void schedule_debug(struct task_struct *prev, bool preempt)
5573	{
5574	#ifdef CONFIG_SCHED_STACK_END_CHECK
5575		if (task_stack_end_corrupted(prev))
5576			panic("corrupted stack end detected inside scheduler\n");
5577	
5578		if (task_scs_end_corrupted(prev))
5579			panic("corrupted shadow stack detected inside scheduler\n");
5580	#endif
5581	
5582	#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
5583		if (!preempt && READ_ONCE(prev->__state) && prev->non_block_count) {
5584			printk(KERN_ERR "BUG: scheduling in a non-blocking section: %s/%d/%i\n",
5585				prev->comm, prev->pid, prev->non_block_count);
5586			dump_stack();
5587			add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
5588		}
5589	#endif
5590	
5591		if (unlikely(in_atomic_preempt_off())) {
5592			__schedule_bug(prev);
5593			preempt_count_set(PREEMPT_DISABLED);
5594		}
5595		rcu_sleep_check();
5596		SCHED_WARN_ON(ct_state() == CONTEXT_USER);
5597	
5598		profile_hit(SCHED_PROFILING, __builtin_return_address(0));
5599	
5600		schedstat_inc(this_rq()->sched_count);
5601	}
6190	/*
6191	 * Constants for the sched_mode argument of __schedule().
6192	 *
6193	 * The mode argument allows RT enabled kernels to differentiate a
6194	 * preemption from blocking on an 'sleeping' spin/rwlock. Note that
6195	 * SM_MASK_PREEMPT for !RT has all bits set, which allows the compiler to
6196	 * optimize the AND operation out and just check for zero.
6197	 */
6198	#define SM_NONE			0x0
6199	#define SM_PREEMPT		0x1
6200	#define SM_RTLOCK_WAIT		0x2
6201	
6202	#ifndef CONFIG_PREEMPT_RT
6203	# define SM_MASK_PREEMPT	(~0U)
6204	#else
6205	# define SM_MASK_PREEMPT	SM_PREEMPT
6206	#endif
6208	/*
6209	 * __schedule() is the main scheduler function.
6210	 *
6211	 * The main means of driving the scheduler and thus entering this function are:
6212	 *
6213	 *   1. Explicit blocking: mutex, semaphore, waitqueue, etc.
6214	 *
6215	 *   2. TIF_NEED_RESCHED flag is checked on interrupt and userspace return
6216	 *      paths. For example, see arch/x86/entry_64.S.
6217	 *
6218	 *      To drive preemption between tasks, the scheduler sets the flag in timer
6219	 *      interrupt handler scheduler_tick().
6220	 *
6221	 *   3. Wakeups don't really cause entry into schedule(). They add a
6222	 *      task to the run-queue and that's it.
6223	 *
6224	 *      Now, if the new task added to the run-queue preempts the current
6225	 *      task, then the wakeup sets TIF_NEED_RESCHED and schedule() gets
6226	 *      called on the nearest possible occasion:
6227	 *
6228	 *       - If the kernel is preemptible (CONFIG_PREEMPTION=y):
6229	 *
6230	 *         - in syscall or exception context, at the next outmost
6231	 *           preempt_enable(). (this might be as soon as the wake_up()'s
6232	 *           spin_unlock()!)
6233	 *
6234	 *         - in IRQ context, return from interrupt-handler to
6235	 *           preemptible context
6236	 *
6237	 *       - If the kernel is not preemptible (CONFIG_PREEMPTION is not set)
6238	 *         then at the next:
6239	 *
6240	 *          - cond_resched() call
6241	 *          - explicit schedule() call
6242	 *          - return from syscall or exception to user-space
6243	 *          - return from interrupt-handler to user-space
6244	 *
6245	 * WARNING: must be called with preemption disabled!
6246	 */
6247	static void __sched notrace __schedule(unsigned int sched_mode)
6248	{
6249		struct task_struct *prev, *next;
6250		unsigned long *switch_count;
6251		unsigned long prev_state;
6252		struct rq_flags rf;
6253		struct rq *rq;
6254		int cpu;
6255	
6256		cpu = smp_processor_id();
6257		rq = cpu_rq(cpu);
6258		prev = rq->curr;
6259	
6260		schedule_debug(prev, !!sched_mode);
6261	
6262		if (sched_feat(HRTICK) || sched_feat(HRTICK_DL))
6263			hrtick_clear(rq);
6264	
6265		local_irq_disable();
6266		rcu_note_context_switch(!!sched_mode);
6267	
6268		/*
6269		 * Make sure that signal_pending_state()->signal_pending() below
6270		 * can't be reordered with __set_current_state(TASK_INTERRUPTIBLE)
6271		 * done by the caller to avoid the race with signal_wake_up():
6272		 *
6273		 * __set_current_state(@state)		signal_wake_up()
6274		 * schedule()				  set_tsk_thread_flag(p, TIF_SIGPENDING)
6275		 *					  wake_up_state(p, state)
6276		 *   LOCK rq->lock			    LOCK p->pi_state
6277		 *   smp_mb__after_spinlock()		    smp_mb__after_spinlock()
6278		 *     if (signal_pending_state())	    if (p->state & @state)
6279		 *
6280		 * Also, the membarrier system call requires a full memory barrier
6281		 * after coming from user-space, before storing to rq->curr.
6282		 */
6283		rq_lock(rq, &rf);
6284		smp_mb__after_spinlock();
6285	
6286		/* Promote REQ to ACT */
6287		rq->clock_update_flags <<= 1;
6288		update_rq_clock(rq);
6289	
6290		switch_count = &prev->nivcsw;
6291	
6292		/*
6293		 * We must load prev->state once (task_struct::state is volatile), such
6294		 * that:
6295		 *
6296		 *  - we form a control dependency vs deactivate_task() below.
6297		 *  - ptrace_{,un}freeze_traced() can change ->state underneath us.
6298		 */
6299		prev_state = READ_ONCE(prev->__state);
6300		if (!(sched_mode & SM_MASK_PREEMPT) && prev_state) {
6301			if (signal_pending_state(prev_state, prev)) {
6302				WRITE_ONCE(prev->__state, TASK_RUNNING);
6303			} else {
6304				prev->sched_contributes_to_load =
6305					(prev_state & TASK_UNINTERRUPTIBLE) &&
6306					!(prev_state & TASK_NOLOAD) &&
6307					!(prev->flags & PF_FROZEN);
6308	
6309				if (prev->sched_contributes_to_load)
6310					rq->nr_uninterruptible++;
6311	
6312				/*
6313				 * __schedule()			ttwu()
6314				 *   prev_state = prev->state;    if (p->on_rq && ...)
6315				 *   if (prev_state)		    goto out;
6316				 *     p->on_rq = 0;		  smp_acquire__after_ctrl_dep();
6317				 *				  p->state = TASK_WAKING
6318				 *
6319				 * Where __schedule() and ttwu() have matching control dependencies.
6320				 *
6321				 * After this, schedule() must not care about p->state any more.
6322				 */
6323				deactivate_task(rq, prev, DEQUEUE_SLEEP | DEQUEUE_NOCLOCK);
6324	
6325				if (prev->in_iowait) {
6326					atomic_inc(&rq->nr_iowait);
6327					delayacct_blkio_start();
6328				}
6329			}
6330			switch_count = &prev->nvcsw;
6331		}
6332	
6333		next = pick_next_task(rq, prev, &rf);
6334		clear_tsk_need_resched(prev);
6335		clear_preempt_need_resched();
6336	#ifdef CONFIG_SCHED_DEBUG
6337		rq->last_seen_need_resched_ns = 0;
6338	#endif
6339	
6340		if (likely(prev != next)) {
6341			rq->nr_switches++;
6342			/*
6343			 * RCU users of rcu_dereference(rq->curr) may not see
6344			 * changes to task_struct made by pick_next_task().
6345			 */
6346			RCU_INIT_POINTER(rq->curr, next);
6347			/*
6348			 * The membarrier system call requires each architecture
6349			 * to have a full memory barrier after updating
6350			 * rq->curr, before returning to user-space.
6351			 *
6352			 * Here are the schemes providing that barrier on the
6353			 * various architectures:
6354			 * - mm ? switch_mm() : mmdrop() for x86, s390, sparc, PowerPC.
6355			 *   switch_mm() rely on membarrier_arch_switch_mm() on PowerPC.
6356			 * - finish_lock_switch() for weakly-ordered
6357			 *   architectures where spin_unlock is a full barrier,
6358			 * - switch_to() for arm64 (weakly-ordered, spin_unlock
6359			 *   is a RELEASE barrier),
6360			 */
6361			++*switch_count;
6362	
6363			migrate_disable_switch(rq, prev);
6364			psi_sched_switch(prev, next, !task_on_rq_queued(prev));
6365	
6366			trace_sched_switch(sched_mode & SM_MASK_PREEMPT, prev, next);
6367	
6368			/* Also unlocks the rq: */
6369			rq = context_switch(rq, prev, next, &rf);
6370		} else {
6371			rq->clock_update_flags &= ~(RQCF_ACT_SKIP|RQCF_REQ_SKIP);
6372	
6373			rq_unpin_lock(rq, &rf);
6374			__balance_callbacks(rq);
6375			raw_spin_rq_unlock_irq(rq);
6376		}
6377	}
6379	void __noreturn do_task_dead(void)
6380	{
6381		/* Causes final put_task_struct in finish_task_switch(): */
6382		set_special_state(TASK_DEAD);
6383	
6384		/* Tell freezer to ignore us: */
6385		current->flags |= PF_NOFREEZE;
6386	
6387		__schedule(SM_NONE);
6388		BUG();
6389	
6390		/* Avoid "noreturn function does return" - but don't continue if BUG() is a NOP: */
6391		for (;;)
6392			cpu_relax();
6393	}
6395	static inline void sched_submit_work(struct task_struct *tsk)
6396	{
6397		unsigned int task_flags;
6398	
6399		if (task_is_running(tsk))
6400			return;
6401	
6402		task_flags = tsk->flags;
6403		/*
6404		 * If a worker went to sleep, notify and ask workqueue whether
6405		 * it wants to wake up a task to maintain concurrency.
6406		 * As this function is called inside the schedule() context,
6407		 * we disable preemption to avoid it calling schedule() again
6408		 * in the possible wakeup of a kworker and because wq_worker_sleeping()
6409		 * requires it.
6410		 */
6411		if (task_flags & (PF_WQ_WORKER | PF_IO_WORKER)) {
6412			preempt_disable();
6413			if (task_flags & PF_WQ_WORKER)
6414				wq_worker_sleeping(tsk);
6415			else
6416				io_wq_worker_sleeping(tsk);
6417			preempt_enable_no_resched();
6418		}
6419	
6420		/*
6421		 * spinlock and rwlock must not flush block requests.  This will
6422		 * deadlock if the callback attempts to acquire a lock which is
6423		 * already acquired.
6424		 */
6425		SCHED_WARN_ON(current->__state & TASK_RTLOCK_WAIT);
6426	
6427		/*
6428		 * If we are going to sleep and we have plugged IO queued,
6429		 * make sure to submit it to avoid deadlocks.
6430		 */
6431		if (blk_needs_flush_plug(tsk))
6432			blk_schedule_flush_plug(tsk);
6433	}
6435	static void sched_update_worker(struct task_struct *tsk)
6436	{
6437		if (tsk->flags & (PF_WQ_WORKER | PF_IO_WORKER)) {
6438			if (tsk->flags & PF_WQ_WORKER)
6439				wq_worker_running(tsk);
6440			else
6441				io_wq_worker_running(tsk);
6442		}
6443	}
6445	asmlinkage __visible void __sched schedule(void)
6446	{
6447		struct task_struct *tsk = current;
6448	
6449		sched_submit_work(tsk);
6450		do {
6451			preempt_disable();
6452			__schedule(SM_NONE);
6453			sched_preempt_enable_no_resched();
6454		} while (need_resched());
6455		sched_update_worker(tsk);
6456	}
6457	EXPORT_SYMBOL(schedule);
6459	/*
6460	 * synchronize_rcu_tasks() makes sure that no task is stuck in preempted
6461	 * state (have scheduled out non-voluntarily) by making sure that all
6462	 * tasks have either left the run queue or have gone into user space.
6463	 * As idle tasks do not do either, they must not ever be preempted
6464	 * (schedule out non-voluntarily).
6465	 *
6466	 * schedule_idle() is similar to schedule_preempt_disable() except that it
6467	 * never enables preemption because it does not call sched_submit_work().
6468	 */
6469	void __sched schedule_idle(void)
6470	{
6471		/*
6472		 * As this skips calling sched_submit_work(), which the idle task does
6473		 * regardless because that function is a nop when the task is in a
6474		 * TASK_RUNNING state, make sure this isn't used someplace that the
6475		 * current task can be in any other state. Note, idle is always in the
6476		 * TASK_RUNNING state.
6477		 */
6478		WARN_ON_ONCE(current->__state);
6479		do {
6480			__schedule(SM_NONE);
6481		} while (need_resched());
6482	}
6503	/**
6504	 * schedule_preempt_disabled - called with preemption disabled
6505	 *
6506	 * Returns with preemption disabled. Note: preempt_count must be 1
6507	 */
6508	void __sched schedule_preempt_disabled(void)
6509	{
6510		sched_preempt_enable_no_resched();
6511		schedule();
6512		preempt_disable();
6513	}
6527	static void __sched notrace preempt_schedule_common(void)
6528	{
6529		do {
6530			/*
6531			 * Because the function tracer can trace preempt_count_sub()
6532			 * and it also uses preempt_enable/disable_notrace(), if
6533			 * NEED_RESCHED is set, the preempt_enable_notrace() called
6534			 * by the function tracer will call this function again and
6535			 * cause infinite recursion.
6536			 *
6537			 * Preemption must be disabled here before the function
6538			 * tracer can trace. Break up preempt_disable() into two
6539			 * calls. One to disable preemption without fear of being
6540			 * traced. The other to still record the preemption latency,
6541			 * which can also be traced by the function tracer.
6542			 */
6543			preempt_disable_notrace();
6544			preempt_latency_start(1);
6545			__schedule(SM_PREEMPT);
6546			preempt_latency_stop(1);
6547			preempt_enable_no_resched_notrace();
6548	
6549			/*
6550			 * Check again in case we missed a preemption opportunity
6551			 * between schedule and now.
6552			 */
6553		} while (need_resched());
6554	}
6556	#ifdef CONFIG_PREEMPTION
6557	/*
6558	 * This is the entry point to schedule() from in-kernel preemption
6559	 * off of preempt_enable.
6560	 */
6561	asmlinkage __visible void __sched notrace preempt_schedule(void)
6562	{
6563		/*
6564		 * If there is a non-zero preempt_count or interrupts are disabled,
6565		 * we do not want to preempt the current task. Just return..
6566		 */
6567		if (likely(!preemptible()))
6568			return;
6569	
6570		preempt_schedule_common();
6571	}
6572	NOKPROBE_SYMBOL(preempt_schedule);
6573	EXPORT_SYMBOL(preempt_schedule);
6755	/*
6756	 * This is the entry point to schedule() from kernel preemption
6757	 * off of irq context.
6758	 * Note, that this is called and return with irqs disabled. This will
6759	 * protect us against recursive calling from irq.
6760	 */
6761	asmlinkage __visible void __sched preempt_schedule_irq(void)
6762	{
6763		enum ctx_state prev_state;
6764	
6765		/* Catch callers which need to be fixed */
6766		BUG_ON(preempt_count() || !irqs_disabled());
6767	
6768		prev_state = exception_enter();
6769	
6770		do {
6771			preempt_disable();
6772			local_irq_enable();
6773			__schedule(SM_PREEMPT);
6774			local_irq_disable();
6775			sched_preempt_enable_no_resched();
6776		} while (need_resched());
6777	
6778		exception_exit(prev_state);
6779	}
8233	#if !defined(CONFIG_PREEMPTION) || defined(CONFIG_PREEMPT_DYNAMIC)
8234	int __sched __cond_resched(void)
8235	{
8236		if (should_resched(0)) {
8237			preempt_schedule_common();
8238			return 1;
8239		}
8240		/*
8241		 * In preemptible kernels, ->rcu_read_lock_nesting tells the tick
8242		 * whether the current CPU is in an RCU read-side critical section,
8243		 * so the tick can report quiescent states even for CPUs looping
8244		 * in kernel context.  In contrast, in non-preemptible kernels,
8245		 * RCU readers leave no in-memory hints, which means that CPU-bound
8246		 * processes executing in kernel context might never report an
8247		 * RCU quiescent state.  Therefore, the following code causes
8248		 * cond_resched() to report a quiescent state, but only when RCU
8249		 * is in urgent need of one.
8250		 */
8251	#ifndef CONFIG_PREEMPT_RCU
8252		rcu_all_qs();
8253	#endif
8254		return 0;
8255	}
8256	EXPORT_SYMBOL(__cond_resched);
8257	#endif
