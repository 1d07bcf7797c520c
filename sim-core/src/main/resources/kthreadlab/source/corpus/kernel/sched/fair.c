# file: kernel/sched/fair.c
# version: v5.15.100
# checked: zcjie1/linux-5.15.100@780bd996f3fdc45fc5343823ecb4042f7fcf09e3 (its owner's added Chinese comments removed before counting: 4 lines in the __sched_period comment, 1 line above place_entity, 3 lines in pick_next_task_fair, plus end-of-line comments), wangshuai199398/linux-5-15@736d2693effe99602190cc1776f4a9eabcb53d1e (a later 5.15.y: lines 1-634 identical; tunables, __sched_period, sched_slice, sched_vslice, dequeue_entity, check_preempt_tick, pick_next_entity, entity_tick, wakeup_gran, wakeup_preempt_entity, check_preempt_wakeup, task_fork_fair identical), Han-fangyuan/linux-5.15-TPP@b114bc7118fd90f61891d824e1fa668d7e513dcf (a v5.15-based tree, reformatted: same statements in update_curr, place_entity, enqueue_entity)
# license: GPL-2.0 (Linux kernel; excerpts, each line keeps its line number in the original file)
# note: line numbers are those of v5.15.100: from about line 4200 on, 5.15.y stable backports (util_fits_cpu/task_fits_cpu before place_entity, SIS_UTIL and update_idle_cpu_scan before task_fork_fair) shift them against v5.15.0, whose text of these functions is the same
# note: later 5.15.y (e.g. the wangshuai copy) changed place_entity (entity_is_long_sleeper), enqueue_entity (exec_start = 0 on ENQUEUE_MIGRATED) and update_curr (5.16-style schedstats); the text here is the 5.15.100 one
1	// SPDX-License-Identifier: GPL-2.0
2	/*
3	 * Completely Fair Scheduling (CFS) Class (SCHED_NORMAL/SCHED_BATCH)
4	 *
5	 *  Copyright (C) 2007 Red Hat, Inc., Ingo Molnar <mingo@redhat.com>
6	 *
7	 *  Interactivity improvements by Mike Galbraith
8	 *  (C) 2007 Mike Galbraith <efault@gmx.de>
9	 *
10	 *  Various enhancements by Dmitry Adamushko.
11	 *  (C) 2007 Dmitry Adamushko <dmitry.adamushko@gmail.com>
12	 *
13	 *  Group scheduling enhancements by Srivatsa Vaddagiri
14	 *  Copyright IBM Corporation, 2007
15	 *  Author: Srivatsa Vaddagiri <vatsa@linux.vnet.ibm.com>
16	 *
17	 *  Scaled math optimizations by Thomas Gleixner
18	 *  Copyright (C) 2007, Thomas Gleixner <tglx@linutronix.de>
19	 *
20	 *  Adaptive scheduling granularity, math enhancements by Peter Zijlstra
21	 *  Copyright (C) 2007 Red Hat, Inc., Peter Zijlstra
22	 */
23	#include "sched.h"
25	/*
26	 * Targeted preemption latency for CPU-bound tasks:
27	 *
28	 * NOTE: this latency value is not the same as the concept of
29	 * 'timeslice length' - timeslices in CFS are of variable length
30	 * and have no persistent notion like in traditional, time-slice
31	 * based scheduling concepts.
32	 *
33	 * (to see the precise effective timeslice length of your workload,
34	 *  run vmstat and monitor the context-switches (cs) field)
35	 *
36	 * (default: 6ms * (1 + ilog(ncpus)), units: nanoseconds)
37	 */
38	unsigned int sysctl_sched_latency			= 6000000ULL;
39	static unsigned int normalized_sysctl_sched_latency	= 6000000ULL;
40	
41	/*
42	 * The initial- and re-scaling of tunables is configurable
43	 *
44	 * Options are:
45	 *
46	 *   SCHED_TUNABLESCALING_NONE - unscaled, always *1
47	 *   SCHED_TUNABLESCALING_LOG - scaled logarithmical, *1+ilog(ncpus)
48	 *   SCHED_TUNABLESCALING_LINEAR - scaled linear, *ncpus
49	 *
50	 * (default SCHED_TUNABLESCALING_LOG = *(1+ilog(ncpus))
51	 */
52	unsigned int sysctl_sched_tunable_scaling = SCHED_TUNABLESCALING_LOG;
53	
54	/*
55	 * Minimal preemption granularity for CPU-bound tasks:
56	 *
57	 * (default: 0.75 msec * (1 + ilog(ncpus)), units: nanoseconds)
58	 */
59	unsigned int sysctl_sched_min_granularity			= 750000ULL;
60	static unsigned int normalized_sysctl_sched_min_granularity	= 750000ULL;
61	
62	/*
63	 * This value is kept at sysctl_sched_latency/sysctl_sched_min_granularity
64	 */
65	static unsigned int sched_nr_latency = 8;
66	
67	/*
68	 * After fork, child runs first. If set to 0 (default) then
69	 * parent will (try to) run first.
70	 */
71	unsigned int sysctl_sched_child_runs_first __read_mostly;
72	
73	/*
74	 * SCHED_OTHER wake-up granularity.
75	 *
76	 * This option delays the preemption effects of decoupled workloads
77	 * and reduces their over-scheduling. Synchronous workloads will still
78	 * have immediate wakeup/sleep latencies.
79	 *
80	 * (default: 1 msec * (1 + ilog(ncpus)), units: nanoseconds)
81	 */
82	unsigned int sysctl_sched_wakeup_granularity			= 1000000UL;
83	static unsigned int normalized_sysctl_sched_wakeup_granularity	= 1000000UL;
157	/*
158	 * Increase the granularity value when there are more CPUs,
159	 * because with more CPUs the 'effective latency' as visible
160	 * to users decreases. But the relationship is not linear,
161	 * so pick a second-best guess by going with the log2 of the
162	 * number of CPUs.
163	 *
164	 * This idea comes from the SD scheduler of Con Kolivas:
165	 */
166	static unsigned int get_update_sysctl_factor(void)
167	{
168		unsigned int cpus = min_t(unsigned int, num_online_cpus(), 8);
169		unsigned int factor;
170	
171		switch (sysctl_sched_tunable_scaling) {
172		case SCHED_TUNABLESCALING_NONE:
173			factor = 1;
174			break;
175		case SCHED_TUNABLESCALING_LINEAR:
176			factor = cpus;
177			break;
178		case SCHED_TUNABLESCALING_LOG:
179		default:
180			factor = 1 + ilog2(cpus);
181			break;
182		}
183	
184		return factor;
185	}
186	
187	static void update_sysctl(void)
188	{
189		unsigned int factor = get_update_sysctl_factor();
190	
191	#define SET_SYSCTL(name) \
192		(sysctl_##name = (factor) * normalized_sysctl_##name)
193		SET_SYSCTL(sched_min_granularity);
194		SET_SYSCTL(sched_latency);
195		SET_SYSCTL(sched_wakeup_granularity);
196	#undef SET_SYSCTL
197	}
198	
199	void __init sched_init_granularity(void)
200	{
201		update_sysctl();
202	}
512	static inline u64 max_vruntime(u64 max_vruntime, u64 vruntime)
513	{
514		s64 delta = (s64)(vruntime - max_vruntime);
515		if (delta > 0)
516			max_vruntime = vruntime;
517	
518		return max_vruntime;
519	}
520	
521	static inline u64 min_vruntime(u64 min_vruntime, u64 vruntime)
522	{
523		s64 delta = (s64)(vruntime - min_vruntime);
524		if (delta < 0)
525			min_vruntime = vruntime;
526	
527		return min_vruntime;
528	}
529	
530	static inline bool entity_before(struct sched_entity *a,
531					struct sched_entity *b)
532	{
533		return (s64)(a->vruntime - b->vruntime) < 0;
534	}
539	static void update_min_vruntime(struct cfs_rq *cfs_rq)
540	{
541		struct sched_entity *curr = cfs_rq->curr;
542		struct rb_node *leftmost = rb_first_cached(&cfs_rq->tasks_timeline);
543	
544		u64 vruntime = cfs_rq->min_vruntime;
545	
546		if (curr) {
547			if (curr->on_rq)
548				vruntime = curr->vruntime;
549			else
550				curr = NULL;
551		}
552	
553		if (leftmost) { /* non-empty tree */
554			struct sched_entity *se = __node_2_se(leftmost);
555	
556			if (!curr)
557				vruntime = se->vruntime;
558			else
559				vruntime = min_vruntime(vruntime, se->vruntime);
560		}
561	
562		/* ensure we never gain time by being placed backwards. */
563		cfs_rq->min_vruntime = max_vruntime(cfs_rq->min_vruntime, vruntime);
564	#ifndef CONFIG_64BIT
565		smp_wmb();
566		cfs_rq->min_vruntime_copy = cfs_rq->min_vruntime;
567	#endif
568	}
588	struct sched_entity *__pick_first_entity(struct cfs_rq *cfs_rq)
589	{
590		struct rb_node *left = rb_first_cached(&cfs_rq->tasks_timeline);
591	
592		if (!left)
593			return NULL;
594	
595		return __node_2_se(left);
596	}
641	/*
642	 * delta /= w
643	 */
644	static inline u64 calc_delta_fair(u64 delta, struct sched_entity *se)
645	{
646		if (unlikely(se->load.weight != NICE_0_LOAD))
647			delta = __calc_delta(delta, NICE_0_LOAD, &se->load);
648	
649		return delta;
650	}
652	/*
653	 * The idea is to set a period in which each task runs once.
654	 *
655	 * When there are too many tasks (sched_nr_latency) we have to stretch
656	 * this period because otherwise the slices get too small.
657	 *
658	 * p = (nr <= nl) ? l : l*nr/nl
659	 */
660	static u64 __sched_period(unsigned long nr_running)
661	{
662		if (unlikely(nr_running > sched_nr_latency))
663			return nr_running * sysctl_sched_min_granularity;
664		else
665			return sysctl_sched_latency;
666	}
667	
668	/*
669	 * We calculate the wall-time slice from the period by taking a part
670	 * proportional to the weight.
671	 *
672	 * s = p*P[w/rw]
673	 */
674	static u64 sched_slice(struct cfs_rq *cfs_rq, struct sched_entity *se)
675	{
676		unsigned int nr_running = cfs_rq->nr_running;
677		u64 slice;
678	
679		if (sched_feat(ALT_PERIOD))
680			nr_running = rq_of(cfs_rq)->cfs.h_nr_running;
681	
682		slice = __sched_period(nr_running + !se->on_rq);
683	
684		for_each_sched_entity(se) {
685			struct load_weight *load;
686			struct load_weight lw;
687	
688			cfs_rq = cfs_rq_of(se);
689			load = &cfs_rq->load;
690	
691			if (unlikely(!se->on_rq)) {
692				lw = cfs_rq->load;
693	
694				update_load_add(&lw, se->load.weight);
695				load = &lw;
696			}
697			slice = __calc_delta(slice, se->load.weight, load);
698		}
699	
700		if (sched_feat(BASE_SLICE))
701			slice = max(slice, (u64)sysctl_sched_min_granularity);
702	
703		return slice;
704	}
705	
706	/*
707	 * We calculate the vruntime slice of a to-be-inserted task.
708	 *
709	 * vs = s/w
710	 */
711	static u64 sched_vslice(struct cfs_rq *cfs_rq, struct sched_entity *se)
712	{
713		return calc_delta_fair(sched_slice(cfs_rq, se), se);
714	}
822	/*
823	 * Update the current task's runtime statistics.
824	 */
825	static void update_curr(struct cfs_rq *cfs_rq)
826	{
827		struct sched_entity *curr = cfs_rq->curr;
828		u64 now = rq_clock_task(rq_of(cfs_rq));
829		u64 delta_exec;
830	
831		if (unlikely(!curr))
832			return;
833	
834		delta_exec = now - curr->exec_start;
835		if (unlikely((s64)delta_exec <= 0))
836			return;
837	
838		curr->exec_start = now;
839	
840		schedstat_set(curr->statistics.exec_max,
841			      max(delta_exec, curr->statistics.exec_max));
842	
843		curr->sum_exec_runtime += delta_exec;
844		schedstat_add(cfs_rq->exec_clock, delta_exec);
845	
846		curr->vruntime += calc_delta_fair(delta_exec, curr);
847		update_min_vruntime(cfs_rq);
848	
849		if (entity_is_task(curr)) {
850			struct task_struct *curtask = task_of(curr);
851	
852			trace_sched_stat_runtime(curtask, delta_exec, curr->vruntime);
853			cgroup_account_cputime(curtask, delta_exec);
854			account_group_exec_runtime(curtask, delta_exec);
855		}
856	
857		account_cfs_rq_runtime(cfs_rq, delta_exec);
858	}
4330	static void
4331	place_entity(struct cfs_rq *cfs_rq, struct sched_entity *se, int initial)
4332	{
4333		u64 vruntime = cfs_rq->min_vruntime;
4334	
4335		/*
4336		 * The 'current' period is already promised to the current tasks,
4337		 * however the extra weight of the new task will slow them down a
4338		 * little, place the new task so that it fits in the slot that
4339		 * stays open at the end.
4340		 */
4341		if (initial && sched_feat(START_DEBIT))
4342			vruntime += sched_vslice(cfs_rq, se);
4343	
4344		/* sleeps up to a single latency don't count. */
4345		if (!initial) {
4346			unsigned long thresh = sysctl_sched_latency;
4347	
4348			/*
4349			 * Halve their sleep time's effect, to allow
4350			 * for a gentler effect of sleepers:
4351			 */
4352			if (sched_feat(GENTLE_FAIR_SLEEPERS))
4353				thresh >>= 1;
4354	
4355			vruntime -= thresh;
4356		}
4357	
4358		/* ensure we never gain time by being placed backwards. */
4359		se->vruntime = max_vruntime(se->vruntime, vruntime);
4360	}
4386	/*
4387	 * MIGRATION
4388	 *
4389	 *	dequeue
4390	 *	  update_curr()
4391	 *	    update_min_vruntime()
4392	 *	  vruntime -= min_vruntime
4393	 *
4394	 *	enqueue
4395	 *	  update_curr()
4396	 *	    update_min_vruntime()
4397	 *	  vruntime += min_vruntime
4398	 *
4399	 * this way the vruntime transition between RQs is done when both
4400	 * min_vruntime are up-to-date.
4401	 *
4402	 * WAKEUP (remote)
4403	 *
4404	 *	->migrate_task_rq_fair() (p->state == TASK_WAKING)
4405	 *	  vruntime -= min_vruntime
4406	 *
4407	 *	enqueue
4408	 *	  update_curr()
4409	 *	    update_min_vruntime()
4410	 *	  vruntime += min_vruntime
4411	 *
4412	 * this way we don't have the most up-to-date min_vruntime on the originating
4413	 * CPU and an up-to-date min_vruntime on the destination CPU.
4414	 */
4415	
4416	static void
4417	enqueue_entity(struct cfs_rq *cfs_rq, struct sched_entity *se, int flags)
4418	{
4419		bool renorm = !(flags & ENQUEUE_WAKEUP) || (flags & ENQUEUE_MIGRATED);
4420		bool curr = cfs_rq->curr == se;
4421	
4422		/*
4423		 * If we're the current task, we must renormalise before calling
4424		 * update_curr().
4425		 */
4426		if (renorm && curr)
4427			se->vruntime += cfs_rq->min_vruntime;
4428	
4429		update_curr(cfs_rq);
4430	
4431		/*
4432		 * Otherwise, renormalise after, such that we're placed at the current
4433		 * moment in time, instead of some random moment in the past. Being
4434		 * placed in the past could significantly boost this task to the
4435		 * fairness detriment of existing tasks.
4436		 */
4437		if (renorm && !curr)
4438			se->vruntime += cfs_rq->min_vruntime;
4439	
4440		/*
4441		 * When enqueuing a sched_entity, we must:
4442		 *   - Update loads to have both entity and cfs_rq synced with now.
4443		 *   - Add its load to cfs_rq->runnable_avg
4444		 *   - For group_entity, update its weight to reflect the new share of
4445		 *     its group cfs_rq
4446		 *   - Add its new weight to cfs_rq->load.weight
4447		 */
4448		update_load_avg(cfs_rq, se, UPDATE_TG | DO_ATTACH);
4449		se_update_runnable(se);
4450		update_cfs_group(se);
4451		account_entity_enqueue(cfs_rq, se);
4452	
4453		if (flags & ENQUEUE_WAKEUP)
4454			place_entity(cfs_rq, se, 0);
4455	
4456		check_schedstat_required();
4457		update_stats_enqueue(cfs_rq, se, flags);
4458		check_spread(cfs_rq, se);
4459		if (!curr)
4460			__enqueue_entity(cfs_rq, se);
4461		se->on_rq = 1;
4462	
4463		/*
4464		 * When bandwidth control is enabled, cfs might have been removed
4465		 * because of a parent been throttled but cfs->nr_running > 1. Try to
4466		 * add it unconditionally.
4467		 */
4468		if (cfs_rq->nr_running == 1 || cfs_bandwidth_used())
4469			list_add_leaf_cfs_rq(cfs_rq);
4470	
4471		if (cfs_rq->nr_running == 1)
4472			check_enqueue_throttle(cfs_rq);
4473	}
4522	static void
4523	dequeue_entity(struct cfs_rq *cfs_rq, struct sched_entity *se, int flags)
4524	{
4525		/*
4526		 * Update run-time statistics of the 'current'.
4527		 */
4528		update_curr(cfs_rq);
4529	
4530		/*
4531		 * When dequeuing a sched_entity, we must:
4532		 *   - Update loads to have both entity and cfs_rq synced with now.
4533		 *   - Subtract its load from the cfs_rq->runnable_avg.
4534		 *   - Subtract its previous weight from cfs_rq->load.weight.
4535		 *   - For group entity, update its weight to reflect the new share
4536		 *     of its group cfs_rq.
4537		 */
4538		update_load_avg(cfs_rq, se, UPDATE_TG);
4539		se_update_runnable(se);
4540	
4541		update_stats_dequeue(cfs_rq, se, flags);
4542	
4543		clear_buddies(cfs_rq, se);
4544	
4545		if (se != cfs_rq->curr)
4546			__dequeue_entity(cfs_rq, se);
4547		se->on_rq = 0;
4548		account_entity_dequeue(cfs_rq, se);
4549	
4550		/*
4551		 * Normalize after update_curr(); which will also have moved
4552		 * min_vruntime if @se is the one holding it back. But before doing
4553		 * update_min_vruntime() again, which will discount @se's position and
4554		 * can move min_vruntime forward still more.
4555		 */
4556		if (!(flags & DEQUEUE_SLEEP))
4557			se->vruntime -= cfs_rq->min_vruntime;
4558	
4559		/* return excess runtime on last dequeue */
4560		return_cfs_rq_runtime(cfs_rq);
4561	
4562		update_cfs_group(se);
4563	
4564		/*
4565		 * Now advance min_vruntime if @se was the entity holding it back,
4566		 * except when: DEQUEUE_SAVE && !DEQUEUE_MOVE, in this case we'll be
4567		 * put back on, and if we advance min_vruntime, we'll be placed back
4568		 * further than we started -- ie. we'll be penalized.
4569		 */
4570		if ((flags & (DEQUEUE_SAVE | DEQUEUE_MOVE)) != DEQUEUE_SAVE)
4571			update_min_vruntime(cfs_rq);
4572	}
4574	/*
4575	 * Preempt the current task with a newly woken task if needed:
4576	 */
4577	static void
4578	check_preempt_tick(struct cfs_rq *cfs_rq, struct sched_entity *curr)
4579	{
4580		unsigned long ideal_runtime, delta_exec;
4581		struct sched_entity *se;
4582		s64 delta;
4583	
4584		ideal_runtime = sched_slice(cfs_rq, curr);
4585		delta_exec = curr->sum_exec_runtime - curr->prev_sum_exec_runtime;
4586		if (delta_exec > ideal_runtime) {
4587			resched_curr(rq_of(cfs_rq));
4588			/*
4589			 * The current task ran long enough, ensure it doesn't get
4590			 * re-elected due to buddy favours.
4591			 */
4592			clear_buddies(cfs_rq, curr);
4593			return;
4594		}
4595	
4596		/*
4597		 * Ensure that a task that missed wakeup preemption by a
4598		 * narrow margin doesn't have to wait for a full slice.
4599		 * This also mitigates buddy induced latencies under load.
4600		 */
4601		if (delta_exec < sysctl_sched_min_granularity)
4602			return;
4603	
4604		se = __pick_first_entity(cfs_rq);
4605		delta = curr->vruntime - se->vruntime;
4606	
4607		if (delta < 0)
4608			return;
4609	
4610		if (delta > ideal_runtime)
4611			resched_curr(rq_of(cfs_rq));
4612	}
4652	/*
4653	 * Pick the next process, keeping these things in mind, in this order:
4654	 * 1) keep things fair between processes/task groups
4655	 * 2) pick the "next" process, since someone really wants that to run
4656	 * 3) pick the "last" process, for cache locality
4657	 * 4) do not run the "skip" process, if something else is available
4658	 */
4659	static struct sched_entity *
4660	pick_next_entity(struct cfs_rq *cfs_rq, struct sched_entity *curr)
4661	{
4662		struct sched_entity *left = __pick_first_entity(cfs_rq);
4663		struct sched_entity *se;
4664	
4665		/*
4666		 * If curr is set we have to see if its left of the leftmost entity
4667		 * still in the tree, provided there was anything in the tree at all.
4668		 */
4669		if (!left || (curr && entity_before(curr, left)))
4670			left = curr;
4671	
4672		se = left; /* ideally we run the leftmost entity */
4673	
4674		/*
4675		 * Avoid running the skip buddy, if running something else can
4676		 * be done without getting too unfair.
4677		 */
4678		if (cfs_rq->skip && cfs_rq->skip == se) {
4679			struct sched_entity *second;
4680	
4681			if (se == curr) {
4682				second = __pick_first_entity(cfs_rq);
4683			} else {
4684				second = __pick_next_entity(se);
4685				if (!second || (curr && entity_before(curr, second)))
4686					second = curr;
4687			}
4688	
4689			if (second && wakeup_preempt_entity(second, left) < 1)
4690				se = second;
4691		}
4692	
4693		if (cfs_rq->next && wakeup_preempt_entity(cfs_rq->next, left) < 1) {
4694			/*
4695			 * Someone really wants this to run. If it's not unfair, run it.
4696			 */
4697			se = cfs_rq->next;
4698		} else if (cfs_rq->last && wakeup_preempt_entity(cfs_rq->last, left) < 1) {
4699			/*
4700			 * Prefer last buddy, try to return the CPU to a preempted task.
4701			 */
4702			se = cfs_rq->last;
4703		}
4704	
4705		return se;
4706	}
4734	static void
4735	entity_tick(struct cfs_rq *cfs_rq, struct sched_entity *curr, int queued)
4736	{
4737		/*
4738		 * Update run-time statistics of the 'current'.
4739		 */
4740		update_curr(cfs_rq);
4741	
4742		/*
4743		 * Ensure that runnable average is periodically updated.
4744		 */
4745		update_load_avg(cfs_rq, curr, UPDATE_TG);
4746		update_cfs_group(curr);
4747	
4748	#ifdef CONFIG_SCHED_HRTICK
4749		/*
4750		 * queued ticks are scheduled to match the slice, so don't bother
4751		 * validating it and just reschedule.
4752		 */
4753		if (queued) {
4754			resched_curr(rq_of(cfs_rq));
4755			return;
4756		}
4757		/*
4758		 * don't let the period tick interfere with the hrtick preemption
4759		 */
4760		if (!sched_feat(DOUBLE_TICK) &&
4761				hrtimer_active(&rq_of(cfs_rq)->hrtick_timer))
4762			return;
4763	#endif
4764	
4765		if (cfs_rq->nr_running > 1)
4766			check_preempt_tick(cfs_rq, curr);
4767	}
7203	static unsigned long wakeup_gran(struct sched_entity *se)
7204	{
7205		unsigned long gran = sysctl_sched_wakeup_granularity;
7206	
7207		/*
7208		 * Since its curr running now, convert the gran from real-time
7209		 * to virtual-time in his units.
7210		 *
7211		 * By using 'se' instead of 'curr' we penalize light tasks, so
7212		 * they get preempted easier. That is, if 'se' < 'curr' then
7213		 * the resulting gran will be larger, therefore penalizing the
7214		 * lighter, if otoh 'se' > 'curr' then the resulting gran will
7215		 * be smaller, again penalizing the lighter task.
7216		 *
7217		 * This is especially important for buddies when the leftmost
7218		 * task is higher priority than the buddy.
7219		 */
7220		return calc_delta_fair(gran, se);
7221	}
7222	
7223	/*
7224	 * Should 'se' preempt 'curr'.
7225	 *
7226	 *             |s1
7227	 *        |s2
7228	 *   |s3
7229	 *         g
7230	 *      |<--->|c
7231	 *
7232	 *  w(c, s1) = -1
7233	 *  w(c, s2) =  0
7234	 *  w(c, s3) =  1
7235	 *
7236	 */
7237	static int
7238	wakeup_preempt_entity(struct sched_entity *curr, struct sched_entity *se)
7239	{
7240		s64 gran, vdiff = curr->vruntime - se->vruntime;
7241	
7242		if (vdiff <= 0)
7243			return -1;
7244	
7245		gran = wakeup_gran(se);
7246		if (vdiff > gran)
7247			return 1;
7248	
7249		return 0;
7250	}
7280	/*
7281	 * Preempt the current task with a newly woken task if needed:
7282	 */
7283	static void check_preempt_wakeup(struct rq *rq, struct task_struct *p, int wake_flags)
7284	{
7285		struct task_struct *curr = rq->curr;
7286		struct sched_entity *se = &curr->se, *pse = &p->se;
7287		struct cfs_rq *cfs_rq = task_cfs_rq(curr);
7288		int scale = cfs_rq->nr_running >= sched_nr_latency;
7289		int next_buddy_marked = 0;
7290		int cse_is_idle, pse_is_idle;
7291	
7292		if (unlikely(se == pse))
7293			return;
7294	
7295		/*
7296		 * This is possible from callers such as attach_tasks(), in which we
7297		 * unconditionally check_preempt_curr() after an enqueue (which may have
7298		 * lead to a throttle).  This both saves work and prevents false
7299		 * next-buddy nomination below.
7300		 */
7301		if (unlikely(throttled_hierarchy(cfs_rq_of(pse))))
7302			return;
7303	
7304		if (sched_feat(NEXT_BUDDY) && scale && !(wake_flags & WF_FORK)) {
7305			set_next_buddy(pse);
7306			next_buddy_marked = 1;
7307		}
7308	
7309		/*
7310		 * We can come here with TIF_NEED_RESCHED already set from new task
7311		 * wake up path.
7312		 *
7313		 * Note: this also catches the edge-case of curr being in a throttled
7314		 * group (e.g. via set_curr_task), since update_curr() (in the
7315		 * enqueue of curr) will have resulted in resched being set.  This
7316		 * prevents us from potentially nominating it as a false LAST_BUDDY
7317		 * below.
7318		 */
7319		if (test_tsk_need_resched(curr))
7320			return;
7321	
7322		/* Idle tasks are by definition preempted by non-idle tasks. */
7323		if (unlikely(task_has_idle_policy(curr)) &&
7324		    likely(!task_has_idle_policy(p)))
7325			goto preempt;
7326	
7327		/*
7328		 * Batch and idle tasks do not preempt non-idle tasks (their preemption
7329		 * is driven by the tick):
7330		 */
7331		if (unlikely(p->policy != SCHED_NORMAL) || !sched_feat(WAKEUP_PREEMPTION))
7332			return;
7333	
7334		find_matching_se(&se, &pse);
7335		BUG_ON(!pse);
7336	
7337		cse_is_idle = se_is_idle(se);
7338		pse_is_idle = se_is_idle(pse);
7339	
7340		/*
7341		 * Preempt an idle group in favor of a non-idle group (and don't preempt
7342		 * in the inverse case).
7343		 */
7344		if (cse_is_idle && !pse_is_idle)
7345			goto preempt;
7346		if (cse_is_idle != pse_is_idle)
7347			return;
7348	
7349		update_curr(cfs_rq_of(se));
7350		if (wakeup_preempt_entity(se, pse) == 1) {
7351			/*
7352			 * Bias pick_next to pick the sched entity that is
7353			 * triggering this preemption.
7354			 */
7355			if (!next_buddy_marked)
7356				set_next_buddy(pse);
7357			goto preempt;
7358		}
7359	
7360		return;
7361	
7362	preempt:
7363		resched_curr(rq);
7364		/*
7365		 * Only set the backward buddy when the current task is still
7366		 * on the rq. This can happen when a wakeup gets interleaved
7367		 * with schedule on the ->pre_schedule() or idle_balance()
7368		 * point, either of which can * drop the rq lock.
7369		 *
7370		 * Also, during early boot the idle thread is in the fair class,
7371		 * for obvious reasons its a bad idea to schedule back to it.
7372		 */
7373		if (unlikely(!se->on_rq || curr == rq->idle))
7374			return;
7375	
7376		if (sched_feat(LAST_BUDDY) && scale && entity_is_task(se))
7377			set_last_buddy(se);
7378	}
11316	/*
11317	 * called on fork with the child task as argument from the parent's context
11318	 *  - child not yet on the tasklist
11319	 *  - preemption disabled
11320	 */
11321	static void task_fork_fair(struct task_struct *p)
11322	{
11323		struct cfs_rq *cfs_rq;
11324		struct sched_entity *se = &p->se, *curr;
11325		struct rq *rq = this_rq();
11326		struct rq_flags rf;
11327	
11328		rq_lock(rq, &rf);
11329		update_rq_clock(rq);
11330	
11331		cfs_rq = task_cfs_rq(current);
11332		curr = cfs_rq->curr;
11333		if (curr) {
11334			update_curr(cfs_rq);
11335			se->vruntime = curr->vruntime;
11336		}
11337		place_entity(cfs_rq, se, 1);
11338	
11339		if (sysctl_sched_child_runs_first && curr && entity_before(curr, se)) {
11340			/*
11341			 * Upon rescheduling, sched_class::put_prev_task() will place
11342			 * 'current' within the tree based on its new key value.
11343			 */
11344			swap(curr->vruntime, se->vruntime);
11345			resched_curr(rq);
11346		}
11347	
11348		se->vruntime -= cfs_rq->min_vruntime;
11349		rq_unlock(rq, &rf);
11350	}
