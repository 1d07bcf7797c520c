# file: kernel/workqueue.c
# version: v5.15.178 (a 5.15.y stable release; no readable v5.15.100 copy, see the notes)
# checked: wangshuai199398/linux-5-15@16d247da775629b203ec50f2c1cd38cbf892ff7c (kernel/workqueue.c, read whole, 173,928 characters, each page checked by length; its owner's edits are in workqueue_sysfs_register only: a 15-line kernel-doc comment rewritten as 12 Chinese lines and one debug pr_info line added; the original comment's 15 lines were read from another copy (find_string id 12037159974), so lines after it are the copy's +3, and after the pr_info +2)
# license: GPL-2.0 (Linux kernel; excerpts, each line keeps its line number in the original file)
# note: 5.15.y stable backports after v5.15.100 touch this file (create_worker and worker_thread use ida_alloc/ida_free, __queue_work calls debug_work_activate just before insert_work); line numbers and text are those of v5.15.178, the concurrency-management logic the simulator follows is the same
1	// SPDX-License-Identifier: GPL-2.0-only
2	/*
3	 * kernel/workqueue.c - generic async execution with shared worker pool
4	 *
5	 * Copyright (C) 2002		Ingo Molnar
6	 *
7	 *   Derived from the taskqueue/keventd code by:
8	 *     David Woodhouse <dwmw2@infradead.org>
9	 *     Andrew Morton
10	 *     Kai Petzke <wpp@marie.physik.tu-berlin.de>
11	 *     Theodore Ts'o <tytso@mit.edu>
12	 *
13	 * Made to use alloc_percpu by Christoph Lameter.
14	 *
15	 * Copyright (C) 2010		SUSE Linux Products GmbH
16	 * Copyright (C) 2010		Tejun Heo <tj@kernel.org>
17	 *
18	 * This is the generic async execution mechanism.  Work items as are
19	 * executed in process context.  The worker pool is shared and
20	 * automatically managed.  There are two worker pools for each CPU (one for
21	 * normal work items and the other for high priority ones) and some extra
22	 * pools for workqueues which are not bound to any specific CPU - the
23	 * number of these backing pools is dynamic.
24	 *
25	 * Please read Documentation/core-api/workqueue.rst for details.
26	 */
148	struct worker_pool {
149		raw_spinlock_t		lock;		/* the pool lock */
150		int			cpu;		/* I: the associated cpu */
151		int			node;		/* I: the associated node ID */
152		int			id;		/* I: pool ID */
153		unsigned int		flags;		/* X: flags */
154	
155		unsigned long		watchdog_ts;	/* L: watchdog timestamp */
156	
157		struct list_head	worklist;	/* L: list of pending works */
158	
159		int			nr_workers;	/* L: total number of workers */
160		int			nr_idle;	/* L: currently idle workers */
161	
162		struct list_head	idle_list;	/* X: list of idle workers */
163		struct timer_list	idle_timer;	/* L: worker idle timeout */
164		struct timer_list	mayday_timer;	/* L: SOS timer for workers */
165	
166		/* a workers is either on busy_hash or idle_list, or the manager */
167		DECLARE_HASHTABLE(busy_hash, BUSY_WORKER_HASH_ORDER);
168							/* L: hash of busy workers */
169	
170		struct worker		*manager;	/* L: purely informational */
171		struct list_head	workers;	/* A: attached workers */
172		struct completion	*detach_completion; /* all workers detached */
173	
174		struct ida		worker_ida;	/* worker IDs for task name */
175	
176		struct workqueue_attrs	*attrs;		/* I: worker attributes */
177		struct hlist_node	hash_node;	/* PL: unbound_pool_hash node */
178		int			refcnt;		/* PL: refcnt for unbound pools */
179	
180		/*
181		 * The current concurrency level.  As it's likely to be accessed
182		 * from other CPUs during try_to_wake_up(), put it in a separate
183		 * cacheline.
184		 */
185		atomic_t		nr_running ____cacheline_aligned_in_smp;
186	
187		/*
188		 * Destruction of pool is RCU protected to allow dereferences
189		 * from get_work_pool().
190		 */
191		struct rcu_head		rcu;
192	} ____cacheline_aligned_in_smp;
785	static bool __need_more_worker(struct worker_pool *pool)
786	{
787		return !atomic_read(&pool->nr_running);
788	}
798	static bool need_more_worker(struct worker_pool *pool)
799	{
800		return !list_empty(&pool->worklist) && __need_more_worker(pool);
801	}
803	/* Can I start working?  Called from busy but !running workers. */
804	static bool may_start_working(struct worker_pool *pool)
805	{
806		return pool->nr_idle;
807	}
809	/* Do I need to keep working?  Called from currently running workers. */
810	static bool keep_working(struct worker_pool *pool)
811	{
812		return !list_empty(&pool->worklist) &&
813			atomic_read(&pool->nr_running) <= 1;
814	}
816	/* Do we need a new worker?  Called from manager. */
817	static bool need_to_create_worker(struct worker_pool *pool)
818	{
819		return need_more_worker(pool) && !may_start_working(pool);
820	}
822	/* Do we have too many workers and should some go away? */
823	static bool too_many_workers(struct worker_pool *pool)
824	{
825		bool managing = pool->flags & POOL_MANAGER_ACTIVE;
826		int nr_idle = pool->nr_idle + managing; /* manager is considered idle */
827		int nr_busy = pool->nr_workers - nr_idle;
828	
829		return nr_idle > 2 && (nr_idle - 2) * MAX_IDLE_WORKERS_RATIO >= nr_busy;
830	}
836	/* Return the first idle worker.  Safe with preemption disabled */
837	static struct worker *first_idle_worker(struct worker_pool *pool)
838	{
839		if (unlikely(list_empty(&pool->idle_list)))
840			return NULL;
841	
842		return list_first_entry(&pool->idle_list, struct worker, entry);
843	}
854	static void wake_up_worker(struct worker_pool *pool)
855	{
856		struct worker *worker = first_idle_worker(pool);
857	
858		if (likely(worker))
859			wake_up_process(worker->task);
860	}
868	void wq_worker_running(struct task_struct *task)
869	{
870		struct worker *worker = kthread_data(task);
871	
872		if (!worker->sleeping)
873			return;
874	
875		/*
876		 * If preempted by unbind_workers() between the WORKER_NOT_RUNNING check
877		 * and the nr_running increment below, we may ruin the nr_running reset
878		 * and leave with an unexpected pool->nr_running == 1 on the newly unbound
879		 * pool. Protect against such race.
880		 */
881		preempt_disable();
882		if (!(worker->flags & WORKER_NOT_RUNNING))
883			atomic_inc(&worker->pool->nr_running);
884		preempt_enable();
885		worker->sleeping = 0;
886	}
896	void wq_worker_sleeping(struct task_struct *task)
897	{
898		struct worker *next, *worker = kthread_data(task);
899		struct worker_pool *pool;
900	
901		/*
902		 * Rescuers, which may not have all the fields set up like normal
903		 * workers, also reach here, let's not access anything before
904		 * checking NOT_RUNNING.
905		 */
906		if (worker->flags & WORKER_NOT_RUNNING)
907			return;
908	
909		pool = worker->pool;
910	
911		/* Return if preempted before wq_worker_running() was reached */
912		if (worker->sleeping)
913			return;
914	
915		worker->sleeping = 1;
916		raw_spin_lock_irq(&pool->lock);
917	
918		/*
919		 * The counterpart of the following dec_and_test, implied mb,
920		 * worklist not empty test sequence is in insert_work().
921		 * Please read comment there.
922		 *
923		 * NOT_RUNNING is clear.  This means that we're bound to and
924		 * running on the local cpu w/ rq lock held and preemption
925		 * disabled, which in turn means that none else could be
926		 * manipulating idle_list, so dereferencing idle_list without pool
927		 * lock is safe.
928		 */
929		if (atomic_dec_and_test(&pool->nr_running) &&
930		    !list_empty(&pool->worklist)) {
931			next = first_idle_worker(pool);
932			if (next)
933				wake_up_process(next->task);
934		}
935		raw_spin_unlock_irq(&pool->lock);
936	}
979	static inline void worker_set_flags(struct worker *worker, unsigned int flags)
980	{
981		struct worker_pool *pool = worker->pool;
982	
983		WARN_ON_ONCE(worker->task != current);
984	
985		/* If transitioning into NOT_RUNNING, adjust nr_running. */
986		if ((flags & WORKER_NOT_RUNNING) &&
987		    !(worker->flags & WORKER_NOT_RUNNING)) {
988			atomic_dec(&pool->nr_running);
989		}
990	
991		worker->flags |= flags;
992	}
1004	static inline void worker_clr_flags(struct worker *worker, unsigned int flags)
1005	{
1006		struct worker_pool *pool = worker->pool;
1007		unsigned int oflags = worker->flags;
1008	
1009		WARN_ON_ONCE(worker->task != current);
1010	
1011		worker->flags &= ~flags;
1012	
1013		/*
1014		 * If transitioning out of NOT_RUNNING, increment nr_running.  Note
1015		 * that the nested NOT_RUNNING is not a noop.  NOT_RUNNING is mask
1016		 * of multiple flags, not a single flag.
1017		 */
1018		if ((flags & WORKER_NOT_RUNNING) && (oflags & WORKER_NOT_RUNNING))
1019			if (!(worker->flags & WORKER_NOT_RUNNING))
1020				atomic_inc(&pool->nr_running);
1021	}
1360	static void insert_work(struct pool_workqueue *pwq, struct work_struct *work,
1361				struct list_head *head, unsigned int extra_flags)
1362	{
1363		struct worker_pool *pool = pwq->pool;
1364	
1365		/* record the work call stack in order to print it in KASAN reports */
1366		kasan_record_aux_stack(work);
1367	
1368		/* we own @work, set data and link */
1369		set_work_pwq(work, pwq, extra_flags);
1370		list_add_tail(&work->entry, head);
1371		get_pwq(pwq);
1372	
1373		/*
1374		 * Ensure either wq_worker_sleeping() sees the above
1375		 * list_add_tail() or we see zero nr_running to avoid workers lying
1376		 * around lazily while there are works to be processed.
1377		 */
1378		smp_mb();
1379	
1380		if (__need_more_worker(pool))
1381			wake_up_worker(pool);
1382	}
1433	static void __queue_work(int cpu, struct workqueue_struct *wq,
1434				 struct work_struct *work)
1435	{
1436		struct pool_workqueue *pwq;
1437		struct worker_pool *last_pool;
1438		struct list_head *worklist;
1439		unsigned int work_flags;
1440		unsigned int req_cpu = cpu;
1441	
1442		/*
1443		 * While a work item is PENDING && off queue, a task trying to
1444		 * steal the PENDING will busy-loop waiting for it to either get
1445		 * queued or lose PENDING.  Grabbing PENDING and queueing should
1446		 * happen with IRQ disabled.
1447		 */
1448		lockdep_assert_irqs_disabled();
1449	
1450	
1451		/* if draining, only works from the same workqueue are allowed */
1452		if (unlikely(wq->flags & __WQ_DRAINING) &&
1453		    WARN_ON_ONCE(!is_chained_work(wq)))
1454			return;
1455		rcu_read_lock();
1456	retry:
1457		/* pwq which will be used unless @work is executing elsewhere */
1458		if (wq->flags & WQ_UNBOUND) {
1459			if (req_cpu == WORK_CPU_UNBOUND)
1460				cpu = wq_select_unbound_cpu(raw_smp_processor_id());
1461			pwq = unbound_pwq_by_node(wq, cpu_to_node(cpu));
1462		} else {
1463			if (req_cpu == WORK_CPU_UNBOUND)
1464				cpu = raw_smp_processor_id();
1465			pwq = per_cpu_ptr(wq->cpu_pwqs, cpu);
1466		}
1467	
1468		/*
1469		 * If @work was previously on a different pool, it might still be
1470		 * running there, in which case the work needs to be queued on that
1471		 * pool to guarantee non-reentrancy.
1472		 */
1473		last_pool = get_work_pool(work);
1474		if (last_pool && last_pool != pwq->pool) {
1475			struct worker *worker;
1476	
1477			raw_spin_lock(&last_pool->lock);
1478	
1479			worker = find_worker_executing_work(last_pool, work);
1480	
1481			if (worker && worker->current_pwq->wq == wq) {
1482				pwq = worker->current_pwq;
1483			} else {
1484				/* meh... not running there, queue here */
1485				raw_spin_unlock(&last_pool->lock);
1486				raw_spin_lock(&pwq->pool->lock);
1487			}
1488		} else {
1489			raw_spin_lock(&pwq->pool->lock);
1490		}
1491	
1492		/*
1493		 * pwq is determined and locked.  For unbound pools, we could have
1494		 * raced with pwq release and it could already be dead.  If its
1495		 * refcnt is zero, repeat pwq selection.  Note that pwqs never die
1496		 * without another pwq replacing it in the numa_pwq_tbl or while
1497		 * work items are executing on it, so the retrying is guaranteed to
1498		 * make forward-progress.
1499		 */
1500		if (unlikely(!pwq->refcnt)) {
1501			if (wq->flags & WQ_UNBOUND) {
1502				raw_spin_unlock(&pwq->pool->lock);
1503				cpu_relax();
1504				goto retry;
1505			}
1506			/* oops */
1507			WARN_ONCE(true, "workqueue: per-cpu pwq for %s on cpu%d has 0 refcnt",
1508				  wq->name, cpu);
1509		}
1510	
1511		/* pwq determined, queue */
1512		trace_workqueue_queue_work(req_cpu, pwq, work);
1513	
1514		if (WARN_ON(!list_empty(&work->entry)))
1515			goto out;
1516	
1517		pwq->nr_in_flight[pwq->work_color]++;
1518		work_flags = work_color_to_flags(pwq->work_color);
1519	
1520		if (likely(pwq->nr_active < pwq->max_active)) {
1521			trace_workqueue_activate_work(work);
1522			pwq->nr_active++;
1523			worklist = &pwq->pool->worklist;
1524			if (list_empty(worklist))
1525				pwq->pool->watchdog_ts = jiffies;
1526		} else {
1527			work_flags |= WORK_STRUCT_INACTIVE;
1528			worklist = &pwq->inactive_works;
1529		}
1530	
1531		debug_work_activate(work);
1532		insert_work(pwq, work, worklist, work_flags);
1533	
1534	out:
1535		raw_spin_unlock(&pwq->pool->lock);
1536		rcu_read_unlock();
1537	}
1550	bool queue_work_on(int cpu, struct workqueue_struct *wq,
1551			   struct work_struct *work)
1552	{
1553		bool ret = false;
1554		unsigned long flags;
1555	
1556		local_irq_save(flags);
1557	
1558		if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
1559			__queue_work(cpu, wq, work);
1560			ret = true;
1561		}
1562	
1563		local_irq_restore(flags);
1564		return ret;
1565	}
1806	static void worker_enter_idle(struct worker *worker)
1807	{
1808		struct worker_pool *pool = worker->pool;
1809	
1810		if (WARN_ON_ONCE(worker->flags & WORKER_IDLE) ||
1811		    WARN_ON_ONCE(!list_empty(&worker->entry) &&
1812				 (worker->hentry.next || worker->hentry.pprev)))
1813			return;
1814	
1815		/* can't use worker_set_flags(), also called from create_worker() */
1816		worker->flags |= WORKER_IDLE;
1817		pool->nr_idle++;
1818		worker->last_active = jiffies;
1819	
1820		/* idle_list is LIFO */
1821		list_add(&worker->entry, &pool->idle_list);
1822	
1823		if (too_many_workers(pool) && !timer_pending(&pool->idle_timer))
1824			mod_timer(&pool->idle_timer, jiffies + IDLE_WORKER_TIMEOUT);
1825	
1826		/*
1827		 * Sanity check nr_running.  Because unbind_workers() releases
1828		 * pool->lock between setting %WORKER_UNBOUND and zapping
1829		 * nr_running, the warning may trigger spuriously.  Check iff
1830		 * unbind is not in progress.
1831		 */
1832		WARN_ON_ONCE(!(pool->flags & POOL_DISASSOCIATED) &&
1833			     pool->nr_workers == pool->nr_idle &&
1834			     atomic_read(&pool->nr_running));
1835	}
1846	static void worker_leave_idle(struct worker *worker)
1847	{
1848		struct worker_pool *pool = worker->pool;
1849	
1850		if (WARN_ON_ONCE(!(worker->flags & WORKER_IDLE)))
1851			return;
1852		worker_clr_flags(worker, WORKER_IDLE);
1853		pool->nr_idle--;
1854		list_del_init(&worker->entry);
1855	}
1857	static struct worker *alloc_worker(int node)
1858	{
1859		struct worker *worker;
1860	
1861		worker = kzalloc_node(sizeof(*worker), GFP_KERNEL, node);
1862		if (worker) {
1863			INIT_LIST_HEAD(&worker->entry);
1864			INIT_LIST_HEAD(&worker->scheduled);
1865			INIT_LIST_HEAD(&worker->node);
1866			/* on creation a worker is in !idle && prep state */
1867			worker->flags = WORKER_PREP;
1868		}
1869		return worker;
1870	}
1881	static void worker_attach_to_pool(struct worker *worker,
1882					   struct worker_pool *pool)
1883	{
1884		mutex_lock(&wq_pool_attach_mutex);
1885	
1886		/*
1887		 * The wq_pool_attach_mutex ensures %POOL_DISASSOCIATED remains
1888		 * stable across this function.  See the comments above the flag
1889		 * definition for details.
1890		 */
1891		if (pool->flags & POOL_DISASSOCIATED)
1892			worker->flags |= WORKER_UNBOUND;
1893		else
1894			kthread_set_per_cpu(worker->task, pool->cpu);
1895	
1896		if (worker->rescue_wq)
1897			set_cpus_allowed_ptr(worker->task, pool->attrs->cpumask);
1898	
1899		list_add_tail(&worker->node, &pool->workers);
1900		worker->pool = pool;
1901	
1902		mutex_unlock(&wq_pool_attach_mutex);
1903	}
1913	static void worker_detach_from_pool(struct worker *worker)
1914	{
1915		struct worker_pool *pool = worker->pool;
1916		struct completion *detach_completion = NULL;
1917	
1918		mutex_lock(&wq_pool_attach_mutex);
1919	
1920		kthread_set_per_cpu(worker->task, -1);
1921		list_del(&worker->node);
1922		worker->pool = NULL;
1923	
1924		if (list_empty(&pool->workers))
1925			detach_completion = pool->detach_completion;
1926		mutex_unlock(&wq_pool_attach_mutex);
1927	
1928		/* clear leftover flags without pool->lock after it is detached */
1929		worker->flags &= ~(WORKER_UNBOUND | WORKER_REBOUND);
1930	
1931		if (detach_completion)
1932			complete(detach_completion);
1933	}
1947	static struct worker *create_worker(struct worker_pool *pool)
1948	{
1949		struct worker *worker;
1950		int id;
1951		char id_buf[16];
1952	
1953		/* ID is needed to determine kthread name */
1954		id = ida_alloc(&pool->worker_ida, GFP_KERNEL);
1955		if (id < 0)
1956			return NULL;
1957	
1958		worker = alloc_worker(pool->node);
1959		if (!worker)
1960			goto fail;
1961	
1962		worker->id = id;
1963	
1964		if (pool->cpu >= 0)
1965			snprintf(id_buf, sizeof(id_buf), "%d:%d%s", pool->cpu, id,
1966				 pool->attrs->nice < 0  ? "H" : "");
1967		else
1968			snprintf(id_buf, sizeof(id_buf), "u%d:%d", pool->id, id);
1969	
1970		worker->task = kthread_create_on_node(worker_thread, worker, pool->node,
1971						      "kworker/%s", id_buf);
1972		if (IS_ERR(worker->task))
1973			goto fail;
1974	
1975		set_user_nice(worker->task, pool->attrs->nice);
1976		kthread_bind_mask(worker->task, pool->attrs->cpumask);
1977	
1978		/* successful, attach the worker to the pool */
1979		worker_attach_to_pool(worker, pool);
1980	
1981		/* start the newly created worker */
1982		raw_spin_lock_irq(&pool->lock);
1983		worker->pool->nr_workers++;
1984		worker_enter_idle(worker);
1985		wake_up_process(worker->task);
1986		raw_spin_unlock_irq(&pool->lock);
1987	
1988		return worker;
1989	
1990	fail:
1991		ida_free(&pool->worker_ida, id);
1992		kfree(worker);
1993		return NULL;
1994	}
2006	static void destroy_worker(struct worker *worker)
2007	{
2008		struct worker_pool *pool = worker->pool;
2009	
2010		lockdep_assert_held(&pool->lock);
2011	
2012		/* sanity check frenzy */
2013		if (WARN_ON(worker->current_work) ||
2014		    WARN_ON(!list_empty(&worker->scheduled)) ||
2015		    WARN_ON(!(worker->flags & WORKER_IDLE)))
2016			return;
2017	
2018		pool->nr_workers--;
2019		pool->nr_idle--;
2020	
2021		list_del_init(&worker->entry);
2022		worker->flags |= WORKER_DIE;
2023		wake_up_process(worker->task);
2024	}
2026	static void idle_worker_timeout(struct timer_list *t)
2027	{
2028		struct worker_pool *pool = from_timer(pool, t, idle_timer);
2029	
2030		raw_spin_lock_irq(&pool->lock);
2031	
2032		while (too_many_workers(pool)) {
2033			struct worker *worker;
2034			unsigned long expires;
2035	
2036			/* idle_list is kept in LIFO order, check the last one */
2037			worker = list_entry(pool->idle_list.prev, struct worker, entry);
2038			expires = worker->last_active + IDLE_WORKER_TIMEOUT;
2039	
2040			if (time_before(jiffies, expires)) {
2041				mod_timer(&pool->idle_timer, expires);
2042				break;
2043			}
2044	
2045			destroy_worker(worker);
2046		}
2047	
2048		raw_spin_unlock_irq(&pool->lock);
2049	}
2051	static void send_mayday(struct work_struct *work)
2052	{
2053		struct pool_workqueue *pwq = get_work_pwq(work);
2054		struct workqueue_struct *wq = pwq->wq;
2055	
2056		lockdep_assert_held(&wq_mayday_lock);
2057	
2058		if (!wq->rescuer)
2059			return;
2060	
2061		/* mayday mayday mayday */
2062		if (list_empty(&pwq->mayday_node)) {
2063			/*
2064			 * If @pwq is for an unbound wq, its base ref may be put at
2065			 * any time due to an attribute change.  Pin @pwq until the
2066			 * rescuer is done with it.
2067			 */
2068			get_pwq(pwq);
2069			list_add_tail(&pwq->mayday_node, &wq->maydays);
2070			wake_up_process(wq->rescuer->task);
2071		}
2072	}
2073	
2074	static void pool_mayday_timeout(struct timer_list *t)
2075	{
2076		struct worker_pool *pool = from_timer(pool, t, mayday_timer);
2077		struct work_struct *work;
2078	
2079		raw_spin_lock_irq(&pool->lock);
2080		raw_spin_lock(&wq_mayday_lock);		/* for wq->maydays */
2081	
2082		if (need_to_create_worker(pool)) {
2083			/*
2084			 * We've been trying to create a new worker but
2085			 * haven't been successful.  We might be hitting an
2086			 * allocation deadlock.  Send distress signals to
2087			 * rescuers.
2088			 */
2089			list_for_each_entry(work, &pool->worklist, entry)
2090				send_mayday(work);
2091		}
2092	
2093		raw_spin_unlock(&wq_mayday_lock);
2094		raw_spin_unlock_irq(&pool->lock);
2095	
2096		mod_timer(&pool->mayday_timer, jiffies + MAYDAY_INTERVAL);
2097	}
2117	static void maybe_create_worker(struct worker_pool *pool)
2118	__releases(&pool->lock)
2119	__acquires(&pool->lock)
2120	{
2121	restart:
2122		raw_spin_unlock_irq(&pool->lock);
2123	
2124		/* if we don't make progress in MAYDAY_INITIAL_TIMEOUT, call for help */
2125		mod_timer(&pool->mayday_timer, jiffies + MAYDAY_INITIAL_TIMEOUT);
2126	
2127		while (true) {
2128			if (create_worker(pool) || !need_to_create_worker(pool))
2129				break;
2130	
2131			schedule_timeout_interruptible(CREATE_COOLDOWN);
2132	
2133			if (!need_to_create_worker(pool))
2134				break;
2135		}
2136	
2137		del_timer_sync(&pool->mayday_timer);
2138		raw_spin_lock_irq(&pool->lock);
2139		/*
2140		 * This is necessary even after a new worker was just successfully
2141		 * created as @pool->lock was dropped and the new worker might have
2142		 * already become busy.
2143		 */
2144		if (need_to_create_worker(pool))
2145			goto restart;
2146	}
2170	static bool manage_workers(struct worker *worker)
2171	{
2172		struct worker_pool *pool = worker->pool;
2173	
2174		if (pool->flags & POOL_MANAGER_ACTIVE)
2175			return false;
2176	
2177		pool->flags |= POOL_MANAGER_ACTIVE;
2178		pool->manager = worker;
2179	
2180		maybe_create_worker(pool);
2181	
2182		pool->manager = NULL;
2183		pool->flags &= ~POOL_MANAGER_ACTIVE;
2184		rcuwait_wake_up(&manager_wait);
2185		return true;
2186	}
2202	static void process_one_work(struct worker *worker, struct work_struct *work)
2203	__releases(&pool->lock)
2204	__acquires(&pool->lock)
2205	{
2206		struct pool_workqueue *pwq = get_work_pwq(work);
2207		struct worker_pool *pool = worker->pool;
2208		bool cpu_intensive = pwq->wq->flags & WQ_CPU_INTENSIVE;
2209		unsigned long work_data;
2210		struct worker *collision;
2211	#ifdef CONFIG_LOCKDEP
2212		/*
2213		 * It is permissible to free the struct work_struct from
2214		 * inside the function that is called from it, this we need to
2215		 * take into account for lockdep too.  To avoid bogus "held
2216		 * lock freed" warnings as well as problems when looking into
2217		 * work->lockdep_map, make a copy and use that here.
2218		 */
2219		struct lockdep_map lockdep_map;
2220	
2221		lockdep_copy_map(&lockdep_map, &work->lockdep_map);
2222	#endif
2223		/* ensure we're on the correct CPU */
2224		WARN_ON_ONCE(!(pool->flags & POOL_DISASSOCIATED) &&
2225			     raw_smp_processor_id() != pool->cpu);
2226	
2227		/*
2228		 * A single work shouldn't be executed concurrently by
2229		 * multiple workers on a single cpu.  Check whether anyone is
2230		 * already processing the work.  If so, defer the work to the
2231		 * currently executing one.
2232		 */
2233		collision = find_worker_executing_work(pool, work);
2234		if (unlikely(collision)) {
2235			move_linked_works(work, &collision->scheduled, NULL);
2236			return;
2237		}
2238	
2239		/* claim and dequeue */
2240		debug_work_deactivate(work);
2241		hash_add(pool->busy_hash, &worker->hentry, (unsigned long)work);
2242		worker->current_work = work;
2243		worker->current_func = work->func;
2244		worker->current_pwq = pwq;
2245		work_data = *work_data_bits(work);
2246		worker->current_color = get_work_color(work_data);
2247	
2248		/*
2249		 * Record wq name for cmdline and debug reporting, may get
2250		 * overridden through set_worker_desc().
2251		 */
2252		strscpy(worker->desc, pwq->wq->name, WORKER_DESC_LEN);
2253	
2254		list_del_init(&work->entry);
2255	
2256		/*
2257		 * CPU intensive works don't participate in concurrency management.
2258		 * They're the scheduler's responsibility.  This takes @worker out
2259		 * of concurrency management and the next code block will chain
2260		 * execution of the pending work items.
2261		 */
2262		if (unlikely(cpu_intensive))
2263			worker_set_flags(worker, WORKER_CPU_INTENSIVE);
2264	
2265		/*
2266		 * Wake up another worker if necessary.  The condition is always
2267		 * false for normal per-cpu workers since nr_running would always
2268		 * be >= 1 at this point.  This is used to chain execution of the
2269		 * pending work items for WORKER_NOT_RUNNING workers such as the
2270		 * UNBOUND and CPU_INTENSIVE ones.
2271		 */
2272		if (need_more_worker(pool))
2273			wake_up_worker(pool);
2274	
2275		/*
2276		 * Record the last pool and clear PENDING which should be the last
2277		 * update to @work.  Also, do this inside @pool->lock so that
2278		 * PENDING and queued state changes happen together while IRQ is
2279		 * disabled.
2280		 */
2281		set_work_pool_and_clear_pending(work, pool->id);
2282	
2283		raw_spin_unlock_irq(&pool->lock);
2284	
2285		lock_map_acquire(&pwq->wq->lockdep_map);
2286		lock_map_acquire(&lockdep_map);
2287		/*
2288		 * Strictly speaking we should mark the invariant state without holding
2289		 * any locks, that is, before these two lock_map_acquire()'s.
2290		 *
2291		 * However, that would result in:
2292		 *
2293		 *   A(W1)
2294		 *   WFC(C)
2295		 *		A(W1)
2296		 *		C(C)
2297		 *
2298		 * Which would create W1->C->W1 dependencies, even though there is no
2299		 * actual deadlock possible. There are two solutions, using a
2300		 * read-recursive acquire on the work(queue) 'locks', but this will then
2301		 * hit the lockdep limitation on recursive locks, or simply discard
2302		 * these locks.
2303		 *
2304		 * AFAICT there is no possible deadlock scenario between the
2305		 * flush_work() and complete() primitives (except for single-threaded
2306		 * workqueues), so hiding them isn't a problem.
2307		 */
2308		lockdep_invariant_state(true);
2309		trace_workqueue_execute_start(work);
2310		worker->current_func(work);
2311		/*
2312		 * While we must be careful to not use "work" after this, the trace
2313		 * point will only record its address.
2314		 */
2315		trace_workqueue_execute_end(work, worker->current_func);
2316		lock_map_release(&lockdep_map);
2317		lock_map_release(&pwq->wq->lockdep_map);
2318	
2319		if (unlikely(in_atomic() || lockdep_depth(current) > 0)) {
2320			pr_err("BUG: workqueue leaked lock or atomic: %s/0x%08x/%d\n"
2321			       "     last function: %ps\n",
2322			       current->comm, preempt_count(), task_pid_nr(current),
2323			       worker->current_func);
2324			debug_show_held_locks(current);
2325			dump_stack();
2326		}
2327	
2328		/*
2329		 * The following prevents a kworker from hogging CPU on !PREEMPTION
2330		 * kernels, where a requeueing work item waiting for something to
2331		 * happen could deadlock with stop_machine as such work item could
2332		 * indefinitely requeue itself while all other CPUs are trapped in
2333		 * stop_machine. At the same time, report a quiescent RCU state so
2334		 * the same condition doesn't freeze RCU.
2335		 */
2336		cond_resched();
2337	
2338		raw_spin_lock_irq(&pool->lock);
2339	
2340		/* clear cpu intensive status */
2341		if (unlikely(cpu_intensive))
2342			worker_clr_flags(worker, WORKER_CPU_INTENSIVE);
2343	
2344		/* tag the worker for identification in schedule() */
2345		worker->last_func = worker->current_func;
2346	
2347		/* we're done with it, release */
2348		hash_del(&worker->hentry);
2349		worker->current_work = NULL;
2350		worker->current_func = NULL;
2351		worker->current_pwq = NULL;
2352		worker->current_color = INT_MAX;
2353		pwq_dec_nr_in_flight(pwq, work_data);
2354	}
2368	static void process_scheduled_works(struct worker *worker)
2369	{
2370		while (!list_empty(&worker->scheduled)) {
2371			struct work_struct *work = list_first_entry(&worker->scheduled,
2372							struct work_struct, entry);
2373			process_one_work(worker, work);
2374		}
2375	}
2377	static void set_pf_worker(bool val)
2378	{
2379		mutex_lock(&wq_pool_attach_mutex);
2380		if (val)
2381			current->flags |= PF_WQ_WORKER;
2382		else
2383			current->flags &= ~PF_WQ_WORKER;
2384		mutex_unlock(&wq_pool_attach_mutex);
2385	}
2399	static int worker_thread(void *__worker)
2400	{
2401		struct worker *worker = __worker;
2402		struct worker_pool *pool = worker->pool;
2403	
2404		/* tell the scheduler that this is a workqueue worker */
2405		set_pf_worker(true);
2406	woke_up:
2407		raw_spin_lock_irq(&pool->lock);
2408	
2409		/* am I supposed to die? */
2410		if (unlikely(worker->flags & WORKER_DIE)) {
2411			raw_spin_unlock_irq(&pool->lock);
2412			WARN_ON_ONCE(!list_empty(&worker->entry));
2413			set_pf_worker(false);
2414	
2415			set_task_comm(worker->task, "kworker/dying");
2416			ida_free(&pool->worker_ida, worker->id);
2417			worker_detach_from_pool(worker);
2418			kfree(worker);
2419			return 0;
2420		}
2421	
2422		worker_leave_idle(worker);
2423	recheck:
2424		/* no more worker necessary? */
2425		if (!need_more_worker(pool))
2426			goto sleep;
2427	
2428		/* do we need to manage? */
2429		if (unlikely(!may_start_working(pool)) && manage_workers(worker))
2430			goto recheck;
2431	
2432		/*
2433		 * ->scheduled list can only be filled while a worker is
2434		 * preparing to process a work or actually processing it.
2435		 * Make sure nobody diddled with it while I was sleeping.
2436		 */
2437		WARN_ON_ONCE(!list_empty(&worker->scheduled));
2438	
2439		/*
2440		 * Finish PREP stage.  We're guaranteed to have at least one idle
2441		 * worker or that someone else has already assumed the manager
2442		 * role.  This is where @worker starts participating in concurrency
2443		 * management if applicable and concurrency management is restored
2444		 * after being rebound.  See rebind_workers() for details.
2445		 */
2446		worker_clr_flags(worker, WORKER_PREP | WORKER_REBOUND);
2447	
2448		do {
2449			struct work_struct *work =
2450				list_first_entry(&pool->worklist,
2451						 struct work_struct, entry);
2452	
2453			pool->watchdog_ts = jiffies;
2454	
2455			if (likely(!(*work_data_bits(work) & WORK_STRUCT_LINKED))) {
2456				/* optimization path, not strictly necessary */
2457				process_one_work(worker, work);
2458				if (unlikely(!list_empty(&worker->scheduled)))
2459					process_scheduled_works(worker);
2460			} else {
2461				move_linked_works(work, &worker->scheduled, NULL);
2462				process_scheduled_works(worker);
2463			}
2464		} while (keep_working(pool));
2465	
2466		worker_set_flags(worker, WORKER_PREP);
2467	sleep:
2468		/*
2469		 * pool->lock is held and there's no work to process and no need to
2470		 * manage, sleep.  Workers are woken up only while holding
2471		 * pool->lock or from local cpu, so setting the current state
2472		 * before releasing pool->lock is enough to prevent losing any
2473		 * event.
2474		 */
2475		worker_enter_idle(worker);
2476		__set_current_state(TASK_IDLE);
2477		raw_spin_unlock_irq(&pool->lock);
2478		schedule();
2479		goto woke_up;
2480	}
2503	static int rescuer_thread(void *__rescuer)
2504	{
2505		struct worker *rescuer = __rescuer;
2506		struct workqueue_struct *wq = rescuer->rescue_wq;
2507		struct list_head *scheduled = &rescuer->scheduled;
2508		bool should_stop;
2509	
2510		set_user_nice(current, RESCUER_NICE_LEVEL);
2511	
2512		/*
2513		 * Mark rescuer as worker too.  As WORKER_PREP is never cleared, it
2514		 * doesn't participate in concurrency management.
2515		 */
2516		set_pf_worker(true);
2517	repeat:
2518		set_current_state(TASK_IDLE);
2519	
2520		/*
2521		 * By the time the rescuer is requested to stop, the workqueue
2522		 * shouldn't have any work pending, but @wq->maydays may still have
2523		 * pwq(s) queued.  This can happen by non-rescuer workers consuming
2524		 * all the work items before the rescuer got to them.  Go through
2525		 * @wq->maydays processing before acting on should_stop so that the
2526		 * list is always empty on exit.
2527		 */
2528		should_stop = kthread_should_stop();
2529	
2530		/* see whether any pwq is asking for help */
2531		raw_spin_lock_irq(&wq_mayday_lock);
2532	
2533		while (!list_empty(&wq->maydays)) {
2534			struct pool_workqueue *pwq = list_first_entry(&wq->maydays,
2535						struct pool_workqueue, mayday_node);
2536			struct worker_pool *pool = pwq->pool;
2537			struct work_struct *work, *n;
2538			bool first = true;
2539	
2540			__set_current_state(TASK_RUNNING);
2541			list_del_init(&pwq->mayday_node);
2542	
2543			raw_spin_unlock_irq(&wq_mayday_lock);
2544	
2545			worker_attach_to_pool(rescuer, pool);
2546	
2547			raw_spin_lock_irq(&pool->lock);
2548	
2549			/*
2550			 * Slurp in all works issued via this workqueue and
2551			 * process'em.
2552			 */
2553			WARN_ON_ONCE(!list_empty(scheduled));
2554			list_for_each_entry_safe(work, n, &pool->worklist, entry) {
2555				if (get_work_pwq(work) == pwq) {
2556					if (first)
2557						pool->watchdog_ts = jiffies;
2558					move_linked_works(work, scheduled, &n);
2559				}
2560				first = false;
2561			}
2562	
2563			if (!list_empty(scheduled)) {
2564				process_scheduled_works(rescuer);
2565	
2566				/*
2567				 * The above execution of rescued work items could
2568				 * have created more to rescue through
2569				 * pwq_activate_first_inactive() or chained
2570				 * queueing.  Let's put @pwq back on mayday list so
2571				 * that such back-to-back work items, which may be
2572				 * being used to relieve memory pressure, don't
2573				 * incur MAYDAY_INTERVAL delay inbetween.
2574				 */
2575				if (pwq->nr_active && need_to_create_worker(pool)) {
2576					raw_spin_lock(&wq_mayday_lock);
2577					/*
2578					 * Queue iff we aren't racing destruction
2579					 * and somebody else hasn't queued it already.
2580					 */
2581					if (wq->rescuer && list_empty(&pwq->mayday_node)) {
2582						get_pwq(pwq);
2583						list_add_tail(&pwq->mayday_node, &wq->maydays);
2584					}
2585					raw_spin_unlock(&wq_mayday_lock);
2586				}
2587			}
2588	
2589			/*
2590			 * Put the reference grabbed by send_mayday().  @pool won't
2591			 * go away while we're still attached to it.
2592			 */
2593			put_pwq(pwq);
2594	
2595			/*
2596			 * Leave this pool.  If need_more_worker() is %true, notify a
2597			 * regular worker; otherwise, we end up with 0 concurrency
2598			 * and stalling the execution.
2599			 */
2600			if (need_more_worker(pool))
2601				wake_up_worker(pool);
2602	
2603			raw_spin_unlock_irq(&pool->lock);
2604	
2605			worker_detach_from_pool(rescuer);
2606	
2607			raw_spin_lock_irq(&wq_mayday_lock);
2608		}
2609	
2610		raw_spin_unlock_irq(&wq_mayday_lock);
2611	
2612		if (should_stop) {
2613			__set_current_state(TASK_RUNNING);
2614			set_pf_worker(false);
2615			return 0;
2616		}
2617	
2618		/* rescuers should never participate in concurrency management */
2619		WARN_ON_ONCE(!(rescuer->flags & WORKER_NOT_RUNNING));
2620		schedule();
2621		goto repeat;
2622	}
2656	struct wq_barrier {
2657		struct work_struct	work;
2658		struct completion	done;
2659		struct task_struct	*task;	/* purely informational */
2660	};
2662	static void wq_barrier_func(struct work_struct *work)
2663	{
2664		struct wq_barrier *barr = container_of(work, struct wq_barrier, work);
2665		complete(&barr->done);
2666	}
2692	static void insert_wq_barrier(struct pool_workqueue *pwq,
2693				      struct wq_barrier *barr,
2694				      struct work_struct *target, struct worker *worker)
2695	{
2696		unsigned int work_flags = 0;
2697		unsigned int work_color;
2698		struct list_head *head;
2699	
2700		/*
2701		 * debugobject calls are safe here even with pool->lock locked
2702		 * as we know for sure that this will not trigger any of the
2703		 * checks and call back into the fixup functions where we
2704		 * might deadlock.
2705		 */
2706		INIT_WORK_ONSTACK(&barr->work, wq_barrier_func);
2707		__set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&barr->work));
2708	
2709		init_completion_map(&barr->done, &target->lockdep_map);
2710	
2711		barr->task = current;
2712	
2713		/* The barrier work item does not participate in pwq->nr_active. */
2714		work_flags |= WORK_STRUCT_INACTIVE;
2715	
2716		/*
2717		 * If @target is currently being executed, schedule the
2718		 * barrier to the worker; otherwise, put it after @target.
2719		 */
2720		if (worker) {
2721			head = worker->scheduled.next;
2722			work_color = worker->current_color;
2723		} else {
2724			unsigned long *bits = work_data_bits(target);
2725	
2726			head = target->entry.next;
2727			/* there can already be other linked works, inherit and set */
2728			work_flags |= *bits & WORK_STRUCT_LINKED;
2729			work_color = get_work_color(*bits);
2730			__set_bit(WORK_STRUCT_LINKED_BIT, bits);
2731		}
2732	
2733		pwq->nr_in_flight[work_color]++;
2734		work_flags |= work_color_to_flags(work_color);
2735	
2736		debug_work_activate(&barr->work);
2737		insert_work(pwq, &barr->work, head, work_flags);
2738	}
3024	static bool start_flush_work(struct work_struct *work, struct wq_barrier *barr,
3025				     bool from_cancel)
3026	{
3027		struct worker *worker = NULL;
3028		struct worker_pool *pool;
3029		struct pool_workqueue *pwq;
3030	
3031		might_sleep();
3032	
3033		rcu_read_lock();
3034		pool = get_work_pool(work);
3035		if (!pool) {
3036			rcu_read_unlock();
3037			return false;
3038		}
3039	
3040		raw_spin_lock_irq(&pool->lock);
3041		/* see the comment in try_to_grab_pending() with the same code */
3042		pwq = get_work_pwq(work);
3043		if (pwq) {
3044			if (unlikely(pwq->pool != pool))
3045				goto already_gone;
3046		} else {
3047			worker = find_worker_executing_work(pool, work);
3048			if (!worker)
3049				goto already_gone;
3050			pwq = worker->current_pwq;
3051		}
3052	
3053		check_flush_dependency(pwq->wq, work);
3054	
3055		insert_wq_barrier(pwq, barr, work, worker);
3056		raw_spin_unlock_irq(&pool->lock);
3057	
3058		/*
3059		 * Force a lock recursion deadlock when using flush_work() inside a
3060		 * single-threaded or rescuer equipped workqueue.
3061		 *
3062		 * For single threaded workqueues the deadlock happens when the work
3063		 * is after the work issuing the flush_work(). For rescuer equipped
3064		 * workqueues the deadlock happens when the rescuer stalls, blocking
3065		 * forward progress.
3066		 */
3067		if (!from_cancel &&
3068		    (pwq->wq->saved_max_active == 1 || pwq->wq->rescuer)) {
3069			lock_map_acquire(&pwq->wq->lockdep_map);
3070			lock_map_release(&pwq->wq->lockdep_map);
3071		}
3072		rcu_read_unlock();
3073		return true;
3074	already_gone:
3075		raw_spin_unlock_irq(&pool->lock);
3076		rcu_read_unlock();
3077		return false;
3078	}
3080	static bool __flush_work(struct work_struct *work, bool from_cancel)
3081	{
3082		struct wq_barrier barr;
3083	
3084		if (WARN_ON(!wq_online))
3085			return false;
3086	
3087		if (WARN_ON(!work->func))
3088			return false;
3089	
3090		lock_map_acquire(&work->lockdep_map);
3091		lock_map_release(&work->lockdep_map);
3092	
3093		if (start_flush_work(work, &barr, from_cancel)) {
3094			wait_for_completion(&barr.done);
3095			destroy_work_on_stack(&barr.work);
3096			return true;
3097		} else {
3098			return false;
3099		}
3100	}
3113	bool flush_work(struct work_struct *work)
3114	{
3115		return __flush_work(work, false);
3116	}
3653	static struct worker_pool *get_unbound_pool(const struct workqueue_attrs *attrs)
3654	{
3655		u32 hash = wqattrs_hash(attrs);
3656		struct worker_pool *pool;
3657		int node;
3658		int target_node = NUMA_NO_NODE;
3659	
3660		lockdep_assert_held(&wq_pool_mutex);
3661	
3662		/* do we already have a matching pool? */
3663		hash_for_each_possible(unbound_pool_hash, pool, hash_node, hash) {
3664			if (wqattrs_equal(pool->attrs, attrs)) {
3665				pool->refcnt++;
3666				return pool;
3667			}
3668		}
3669	
3670		/* if cpumask is contained inside a NUMA node, we belong to that node */
3671		if (wq_numa_enabled) {
3672			for_each_node(node) {
3673				if (cpumask_subset(attrs->cpumask,
3674						   wq_numa_possible_cpumask[node])) {
3675					target_node = node;
3676					break;
3677				}
3678			}
3679		}
3680	
3681		/* nope, create a new one */
3682		pool = kzalloc_node(sizeof(*pool), GFP_KERNEL, target_node);
3683		if (!pool || init_worker_pool(pool) < 0)
3684			goto fail;
3685	
3686		lockdep_set_subclass(&pool->lock, 1);	/* see put_pwq() */
3687		copy_workqueue_attrs(pool->attrs, attrs);
3688		pool->node = target_node;
3689	
3690		/*
3691		 * no_numa isn't a worker_pool attribute, always clear it.  See
3692		 * 'struct workqueue_attrs' comments for detail.
3693		 */
3694		pool->attrs->no_numa = false;
3695	
3696		if (worker_pool_assign_id(pool) < 0)
3697			goto fail;
3698	
3699		/* create and start the initial worker */
3700		if (wq_online && !create_worker(pool))
3701			goto fail;
3702	
3703		/* install */
3704		hash_add(unbound_pool_hash, &pool->hash_node, hash);
3705	
3706		return pool;
3707	fail:
3708		if (pool)
3709			put_unbound_pool(pool);
3710		return NULL;
3711	}
4224	static int alloc_and_link_pwqs(struct workqueue_struct *wq)
4225	{
4226		bool highpri = wq->flags & WQ_HIGHPRI;
4227		int cpu, ret;
4228	
4229		if (!(wq->flags & WQ_UNBOUND)) {
4230			wq->cpu_pwqs = alloc_percpu(struct pool_workqueue);
4231			if (!wq->cpu_pwqs)
4232				return -ENOMEM;
4233	
4234			for_each_possible_cpu(cpu) {
4235				struct pool_workqueue *pwq =
4236					per_cpu_ptr(wq->cpu_pwqs, cpu);
4237				struct worker_pool *cpu_pools =
4238					per_cpu(cpu_worker_pools, cpu);
4239	
4240				init_pwq(pwq, wq, &cpu_pools[highpri]);
4241	
4242				mutex_lock(&wq->mutex);
4243				link_pwq(pwq);
4244				mutex_unlock(&wq->mutex);
4245			}
4246			return 0;
4247		}
4248	
4249		cpus_read_lock();
4250		if (wq->flags & __WQ_ORDERED) {
4251			ret = apply_workqueue_attrs(wq, ordered_wq_attrs[highpri]);
4252			/* there should only be single pwq for ordering guarantee */
4253			WARN(!ret && (wq->pwqs.next != &wq->dfl_pwq->pwqs_node ||
4254				      wq->pwqs.prev != &wq->dfl_pwq->pwqs_node),
4255			     "ordering guarantee broken for workqueue %s\n", wq->name);
4256		} else {
4257			ret = apply_workqueue_attrs(wq, unbound_std_wq_attrs[highpri]);
4258		}
4259		cpus_read_unlock();
4260	
4261		return ret;
4262	}
4280	static int init_rescuer(struct workqueue_struct *wq)
4281	{
4282		struct worker *rescuer;
4283		int ret;
4284	
4285		if (!(wq->flags & WQ_MEM_RECLAIM))
4286			return 0;
4287	
4288		rescuer = alloc_worker(NUMA_NO_NODE);
4289		if (!rescuer)
4290			return -ENOMEM;
4291	
4292		rescuer->rescue_wq = wq;
4293		rescuer->task = kthread_create(rescuer_thread, rescuer, "%s", wq->name);
4294		if (IS_ERR(rescuer->task)) {
4295			ret = PTR_ERR(rescuer->task);
4296			kfree(rescuer);
4297			return ret;
4298		}
4299	
4300		wq->rescuer = rescuer;
4301		kthread_bind_mask(rescuer->task, cpu_possible_mask);
4302		wake_up_process(rescuer->task);
4303	
4304		return 0;
4305	}
4307	__printf(1, 4)
4308	struct workqueue_struct *alloc_workqueue(const char *fmt,
4309						 unsigned int flags,
4310						 int max_active, ...)
4311	{
4312		size_t tbl_size = 0;
4313		va_list args;
4314		struct workqueue_struct *wq;
4315		struct pool_workqueue *pwq;
4316	
4317		/*
4318		 * Unbound && max_active == 1 used to imply ordered, which is no
4319		 * longer the case on NUMA machines due to per-node pools.  While
4320		 * alloc_ordered_workqueue() is the right way to create an ordered
4321		 * workqueue, keep the previous behavior to avoid subtle breakages
4322		 * on NUMA.
4323		 */
4324		if ((flags & WQ_UNBOUND) && max_active == 1)
4325			flags |= __WQ_ORDERED;
4326	
4327		/* see the comment above the definition of WQ_POWER_EFFICIENT */
4328		if ((flags & WQ_POWER_EFFICIENT) && wq_power_efficient)
4329			flags |= WQ_UNBOUND;
4330	
4331		/* allocate wq and format name */
4332		if (flags & WQ_UNBOUND)
4333			tbl_size = nr_node_ids * sizeof(wq->numa_pwq_tbl[0]);
4334	
4335		wq = kzalloc(sizeof(*wq) + tbl_size, GFP_KERNEL);
4336		if (!wq)
4337			return NULL;
4338	
4339		if (flags & WQ_UNBOUND) {
4340			wq->unbound_attrs = alloc_workqueue_attrs();
4341			if (!wq->unbound_attrs)
4342				goto err_free_wq;
4343		}
4344	
4345		va_start(args, max_active);
4346		vsnprintf(wq->name, sizeof(wq->name), fmt, args);
4347		va_end(args);
4348	
4349		max_active = max_active ?: WQ_DFL_ACTIVE;
4350		max_active = wq_clamp_max_active(max_active, flags, wq->name);
4351	
4352		/* init wq */
4353		wq->flags = flags;
4354		wq->saved_max_active = max_active;
4355		mutex_init(&wq->mutex);
4356		atomic_set(&wq->nr_pwqs_to_flush, 0);
4357		INIT_LIST_HEAD(&wq->pwqs);
4358		INIT_LIST_HEAD(&wq->flusher_queue);
4359		INIT_LIST_HEAD(&wq->flusher_overflow);
4360		INIT_LIST_HEAD(&wq->maydays);
4361	
4362		wq_init_lockdep(wq);
4363		INIT_LIST_HEAD(&wq->list);
4364	
4365		if (alloc_and_link_pwqs(wq) < 0)
4366			goto err_unreg_lockdep;
4367	
4368		if (wq_online && init_rescuer(wq) < 0)
4369			goto err_destroy;
4370	
4371		if ((wq->flags & WQ_SYSFS) && workqueue_sysfs_register(wq))
4372			goto err_destroy;
4373	
4374		/*
4375		 * wq_pool_mutex protects global freeze state and workqueues list.
4376		 * Grab it, adjust max_active and add the new @wq to workqueues
4377		 * list.
4378		 */
4379		mutex_lock(&wq_pool_mutex);
4380	
4381		mutex_lock(&wq->mutex);
4382		for_each_pwq(pwq, wq)
4383			pwq_adjust_max_active(pwq);
4384		mutex_unlock(&wq->mutex);
4385	
4386		list_add_tail_rcu(&wq->list, &workqueues);
4387	
4388		mutex_unlock(&wq_pool_mutex);
4389	
4390		return wq;
4391	
4392	err_unreg_lockdep:
4393		wq_unregister_lockdep(wq);
4394		wq_free_lockdep(wq);
4395	err_free_wq:
4396		free_workqueue_attrs(wq->unbound_attrs);
4397		kfree(wq);
4398		return NULL;
4399	err_destroy:
4400		destroy_workqueue(wq);
4401		return NULL;
4402	}
4427	void destroy_workqueue(struct workqueue_struct *wq)
4428	{
4429		struct pool_workqueue *pwq;
4430		int node;
4431	
4432		/*
4433		 * Remove it from sysfs first so that sanity check failure doesn't
4434		 * lead to sysfs name conflicts.
4435		 */
4436		workqueue_sysfs_unregister(wq);
4437	
4438		/* drain it before proceeding with destruction */
4439		drain_workqueue(wq);
4440	
4441		/* kill rescuer, if sanity checks fail, leave it w/o rescuer */
4442		if (wq->rescuer) {
4443			struct worker *rescuer = wq->rescuer;
4444	
4445			/* this prevents new queueing */
4446			raw_spin_lock_irq(&wq_mayday_lock);
4447			wq->rescuer = NULL;
4448			raw_spin_unlock_irq(&wq_mayday_lock);
4449	
4450			/* rescuer will empty maydays list before exiting */
4451			kthread_stop(rescuer->task);
4452			kfree(rescuer);
4453		}
4454	
4455		/*
4456		 * Sanity checks - grab all the locks so that we wait for all
4457		 * in-flight operations which may do put_pwq().
4458		 */
4459		mutex_lock(&wq_pool_mutex);
4460		mutex_lock(&wq->mutex);
4461		for_each_pwq(pwq, wq) {
4462			raw_spin_lock_irq(&pwq->pool->lock);
4463			if (WARN_ON(pwq_busy(pwq))) {
4464				pr_warn("%s: %s has the following busy pwq\n",
4465					__func__, wq->name);
4466				show_pwq(pwq);
4467				raw_spin_unlock_irq(&pwq->pool->lock);
4468				mutex_unlock(&wq->mutex);
4469				mutex_unlock(&wq_pool_mutex);
4470				show_one_workqueue(wq);
4471				return;
4472			}
4473			raw_spin_unlock_irq(&pwq->pool->lock);
4474		}
4475		mutex_unlock(&wq->mutex);
4476	
4477		/*
4478		 * wq list is used to freeze wq, remove from list after
4479		 * flushing is complete in case freeze races us.
4480		 */
4481		list_del_rcu(&wq->list);
4482		mutex_unlock(&wq_pool_mutex);
4483	
4484		if (!(wq->flags & WQ_UNBOUND)) {
4485			wq_unregister_lockdep(wq);
4486			/*
4487			 * The base ref is never dropped on per-cpu pwqs.  Directly
4488			 * schedule RCU free.
4489			 */
4490			call_rcu(&wq->rcu, rcu_free_wq);
4491		} else {
4492			/*
4493			 * We're the sole accessor of @wq at this point.  Directly
4494			 * access numa_pwq_tbl[] and dfl_pwq to put the base refs.
4495			 * @wq will be freed when the last pwq is released.
4496			 */
4497			for_each_node(node) {
4498				pwq = rcu_access_pointer(wq->numa_pwq_tbl[node]);
4499				RCU_INIT_POINTER(wq->numa_pwq_tbl[node], NULL);
4500				put_pwq_unlocked(pwq);
4501			}
4502	
4503			/*
4504			 * Put dfl_pwq.  @wq may be freed any time after dfl_pwq is
4505			 * put.  Don't access it afterwards.
4506			 */
4507			pwq = wq->dfl_pwq;
4508			wq->dfl_pwq = NULL;
4509			put_pwq_unlocked(pwq);
4510		}
4511	}
4937	/* used to show worker information through /proc/PID/{comm,stat,status} */
4938	void wq_worker_comm(char *buf, size_t size, struct task_struct *task)
4939	{
4940		int off;
4941	
4942		/* always show the actual comm */
4943		off = strscpy(buf, task->comm, size);
4944		if (off < 0)
4945			return;
4946	
4947		/* stabilize PF_WQ_WORKER and worker pool association */
4948		mutex_lock(&wq_pool_attach_mutex);
4949	
4950		if (task->flags & PF_WQ_WORKER) {
4951			struct worker *worker = kthread_data(task);
4952			struct worker_pool *pool = worker->pool;
4953	
4954			if (pool) {
4955				raw_spin_lock_irq(&pool->lock);
4956				/*
4957				 * ->desc tracks information (wq name or
4958				 * set_worker_desc()) for the latest execution.  If
4959				 * current, prepend '+', otherwise '-'.
4960				 */
4961				if (worker->desc[0] != '\0') {
4962					if (worker->current_work)
4963						scnprintf(buf + off, size - off, "+%s",
4964							  worker->desc);
4965					else
4966						scnprintf(buf + off, size - off, "-%s",
4967							  worker->desc);
4968				}
4969				raw_spin_unlock_irq(&pool->lock);
4970			}
4971		}
4972	
4973		mutex_unlock(&wq_pool_attach_mutex);
4974	}
5147	int workqueue_prepare_cpu(unsigned int cpu)
5148	{
5149		struct worker_pool *pool;
5150	
5151		for_each_cpu_worker_pool(pool, cpu) {
5152			if (pool->nr_workers)
5153				continue;
5154			if (!create_worker(pool))
5155				return -ENOMEM;
5156		}
5157		return 0;
5158	}
6055	void __init workqueue_init_early(void)
6056	{
6057		int std_nice[NR_STD_WORKER_POOLS] = { 0, HIGHPRI_NICE_LEVEL };
6058		int hk_flags = HK_FLAG_DOMAIN | HK_FLAG_WQ;
6059		int i, cpu;
6060	
6061		BUILD_BUG_ON(__alignof__(struct pool_workqueue) < __alignof__(long long));
6062	
6063		BUG_ON(!alloc_cpumask_var(&wq_unbound_cpumask, GFP_KERNEL));
6064		cpumask_copy(wq_unbound_cpumask, housekeeping_cpumask(hk_flags));
6065	
6066		pwq_cache = KMEM_CACHE(pool_workqueue, SLAB_PANIC);
6067	
6068		/* initialize CPU pools */
6069		for_each_possible_cpu(cpu) {
6070			struct worker_pool *pool;
6071	
6072			i = 0;
6073			for_each_cpu_worker_pool(pool, cpu) {
6074				BUG_ON(init_worker_pool(pool));
6075				pool->cpu = cpu;
6076				cpumask_copy(pool->attrs->cpumask, cpumask_of(cpu));
6077				pool->attrs->nice = std_nice[i++];
6078				pool->node = cpu_to_node(cpu);
6079	
6080				/* alloc pool ID */
6081				mutex_lock(&wq_pool_mutex);
6082				BUG_ON(worker_pool_assign_id(pool));
6083				mutex_unlock(&wq_pool_mutex);
6084			}
6085		}
6086	
6087		/* create default unbound and ordered wq attrs */
6088		for (i = 0; i < NR_STD_WORKER_POOLS; i++) {
6089			struct workqueue_attrs *attrs;
6090	
6091			BUG_ON(!(attrs = alloc_workqueue_attrs()));
6092			attrs->nice = std_nice[i];
6093			unbound_std_wq_attrs[i] = attrs;
6094	
6095			/*
6096			 * An ordered wq should have only one pwq as ordering is
6097			 * guaranteed by max_active which is enforced by pwqs.
6098			 * Turn off NUMA so that dfl_pwq is used for all nodes.
6099			 */
6100			BUG_ON(!(attrs = alloc_workqueue_attrs()));
6101			attrs->nice = std_nice[i];
6102			attrs->no_numa = true;
6103			ordered_wq_attrs[i] = attrs;
6104		}
6105	
6106		system_wq = alloc_workqueue("events", 0, 0);
6107		system_highpri_wq = alloc_workqueue("events_highpri", WQ_HIGHPRI, 0);
6108		system_long_wq = alloc_workqueue("events_long", 0, 0);
6109		system_unbound_wq = alloc_workqueue("events_unbound", WQ_UNBOUND,
6110						    WQ_UNBOUND_MAX_ACTIVE);
6111		system_freezable_wq = alloc_workqueue("events_freezable",
6112						      WQ_FREEZABLE, 0);
6113		system_power_efficient_wq = alloc_workqueue("events_power_efficient",
6114						      WQ_POWER_EFFICIENT, 0);
6115		system_freezable_power_efficient_wq = alloc_workqueue("events_freezable_power_efficient",
6116						      WQ_FREEZABLE | WQ_POWER_EFFICIENT,
6117						      0);
6118		BUG_ON(!system_wq || !system_highpri_wq || !system_long_wq ||
6119		       !system_unbound_wq || !system_freezable_wq ||
6120		       !system_power_efficient_wq ||
6121		       !system_freezable_power_efficient_wq);
6122	}
6133	void __init workqueue_init(void)
6134	{
6135		struct workqueue_struct *wq;
6136		struct worker_pool *pool;
6137		int cpu, bkt;
6138	
6139		/*
6140		 * It'd be simpler to initialize NUMA in workqueue_init_early() but
6141		 * CPU to node mapping may not be available that early on some
6142		 * archs such as power and arm64.  As per-cpu pools created
6143		 * previously could be missing node hint and unbound pools NUMA
6144		 * affinity, fix them up.
6145		 *
6146		 * Also, while iterating workqueues, create rescuers if requested.
6147		 */
6148		wq_numa_init();
6149	
6150		mutex_lock(&wq_pool_mutex);
6151	
6152		for_each_possible_cpu(cpu) {
6153			for_each_cpu_worker_pool(pool, cpu) {
6154				pool->node = cpu_to_node(cpu);
6155			}
6156		}
6157	
6158		list_for_each_entry(wq, &workqueues, list) {
6159			wq_update_unbound_numa(wq, smp_processor_id(), true);
6160			WARN(init_rescuer(wq),
6161			     "workqueue: failed to create early rescuer for %s",
6162			     wq->name);
6163		}
6164	
6165		mutex_unlock(&wq_pool_mutex);
6166	
6167		/* create the initial workers */
6168		for_each_online_cpu(cpu) {
6169			for_each_cpu_worker_pool(pool, cpu) {
6170				pool->flags &= ~POOL_DISASSOCIATED;
6171				BUG_ON(!create_worker(pool));
6172			}
6173		}
6174	
6175		hash_for_each(unbound_pool_hash, bkt, pool, hash_node)
6176			BUG_ON(!create_worker(pool));
6177	
6178		wq_online = true;
6179		wq_watchdog_init();
6180	}
