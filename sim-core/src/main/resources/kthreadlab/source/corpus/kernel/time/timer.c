# file: kernel/time/timer.c
# version: v5.15.100
# checked: zcjie1/linux-5.15.100@11f10f4f0aaa7837d672a67b04caf40cbfd446bd (its owner's 6-line Chinese comment above struct timer_base and 3 end-of-line comments removed before counting), wangshuai199398/linux-5-15@86dbcae38a28c27c304baf5bcddb68e7eb70fb4a (a later, annotated 5.15.y: process_timeout, schedule_timeout code and schedule_timeout_interruptible identical), public copies of the schedule_timeout doc comment (same wording)
# license: GPL-2.0 (Linux kernel; excerpts, each line keeps its line number in the original file)
# note: line numbers are those of v5.15.100 (struct timer_base there already has the timers_pending field from a 5.15.y stable fix); the function text is the same in v5.15.0
1	// SPDX-License-Identifier: GPL-2.0
2	/*
3	 *  Kernel internal timers
4	 *
5	 *  Copyright (C) 1991, 1992  Linus Torvalds
6	 *
7	 *  1997-01-28  Modified by Finn Arne Gangstad to make timers scale better.
8	 *
9	 *  1997-09-10  Updated NTP code according to technical memorandum Jan '96
10	 *              "A Kernel Model for Precision Timekeeping" by Dave Mills
11	 *  1998-12-24  Fixed a xtime SMP race (we need the xtime_lock rw spinlock to
12	 *              serialize accesses to xtime/lost_ticks).
13	 *                              Copyright (C) 1998  Andrea Arcangeli
14	 *  1999-03-10  Improved NTP compatibility by Ulrich Windl
15	 *  2002-05-31	Move sys_sysinfo here and make its locking sane, Robert Love
16	 *  2000-10-05  Implemented scalable SMP per-CPU timer handling.
17	 *                              Copyright (C) 2000, 2001, 2002  Ingo Molnar
18	 *              Designed by David S. Miller, Alexey Kuznetsov and Ingo Molnar
19	 */
955	#define MOD_TIMER_PENDING_ONLY		0x01
956	#define MOD_TIMER_REDUCE		0x02
957	#define MOD_TIMER_NOTPENDING		0x04
1797	
1798	/*
1799	 * Since schedule_timeout()'s timer is defined on the stack, it must store
1800	 * the target task on the stack as well.
1801	 */
1802	struct process_timer {
1803		struct timer_list timer;
1804		struct task_struct *task;
1805	};
1806	
1807	static void process_timeout(struct timer_list *t)
1808	{
1809		struct process_timer *timeout = from_timer(timeout, t, timer);
1810	
1811		wake_up_process(timeout->task);
1812	}
1813	
1814	/**
1815	 * schedule_timeout - sleep until timeout
1816	 * @timeout: timeout value in jiffies
1817	 *
1818	 * Make the current task sleep until @timeout jiffies have elapsed.
1819	 * The function behavior depends on the current task state
1820	 * (see also set_current_state() description):
1821	 *
1822	 * %TASK_RUNNING - the scheduler is called, but the task does not sleep
1823	 * at all. That happens because sched_submit_work() does nothing for
1824	 * tasks in %TASK_RUNNING state.
1825	 *
1826	 * %TASK_UNINTERRUPTIBLE - at least @timeout jiffies are guaranteed to
1827	 * pass before the routine returns unless the current task is explicitly
1828	 * woken up, (e.g. by wake_up_process()).
1829	 *
1830	 * %TASK_INTERRUPTIBLE - the routine may return early if a signal is
1831	 * delivered to the current task or the current task is explicitly woken
1832	 * up.
1833	 *
1834	 * The current task state is guaranteed to be %TASK_RUNNING when this
1835	 * routine returns.
1836	 *
1837	 * Specifying a @timeout value of %MAX_SCHEDULE_TIMEOUT will schedule
1838	 * the CPU away without a bound on the timeout. In this case the return
1839	 * value will be %MAX_SCHEDULE_TIMEOUT.
1840	 *
1841	 * Returns 0 when the timer has expired otherwise the remaining time in
1842	 * jiffies will be returned. In all cases the return value is guaranteed
1843	 * to be non-negative.
1844	 */
1845	signed long __sched schedule_timeout(signed long timeout)
1846	{
1847		struct process_timer timer;
1848		unsigned long expire;
1849	
1850		switch (timeout)
1851		{
1852		case MAX_SCHEDULE_TIMEOUT:
1853			/*
1854			 * These two special cases are useful to be comfortable
1855			 * in the caller. Nothing more. We could take
1856			 * MAX_SCHEDULE_TIMEOUT from one of the negative value
1857			 * but I' d like to return a valid offset (>=0) to allow
1858			 * the caller to do everything it want with the retval.
1859			 */
1860			schedule();
1861			goto out;
1862		default:
1863			/*
1864			 * Another bit of PARANOID. Note that the retval will be
1865			 * 0 since no piece of kernel is supposed to do a check
1866			 * for a negative retval of schedule_timeout() (since it
1867			 * should never happens anyway). You just have the printk()
1868			 * that will tell you if something is gone wrong and where.
1869			 */
1870			if (timeout < 0) {
1871				printk(KERN_ERR "schedule_timeout: wrong timeout "
1872					"value %lx\n", timeout);
1873				dump_stack();
1874				__set_current_state(TASK_RUNNING);
1875				goto out;
1876			}
1877		}
1878	
1879		expire = timeout + jiffies;
1880	
1881		timer.task = current;
1882		timer_setup_on_stack(&timer.timer, process_timeout, 0);
1883		__mod_timer(&timer.timer, expire, MOD_TIMER_NOTPENDING);
1884		schedule();
1885		del_singleshot_timer_sync(&timer.timer);
1886	
1887		/* Remove the timer from the object tracker */
1888		destroy_timer_on_stack(&timer.timer);
1889	
1890		timeout = expire - jiffies;
1891	
1892	 out:
1893		return timeout < 0 ? 0 : timeout;
1894	}
1895	EXPORT_SYMBOL(schedule_timeout);
1896	
1897	/*
1898	 * We can use __set_current_state() here because schedule_timeout() calls
1899	 * schedule() unconditionally.
1900	 */
1901	signed long __sched schedule_timeout_interruptible(signed long timeout)
1902	{
1903		__set_current_state(TASK_INTERRUPTIBLE);
1904		return schedule_timeout(timeout);
1905	}
1906	EXPORT_SYMBOL(schedule_timeout_interruptible);
