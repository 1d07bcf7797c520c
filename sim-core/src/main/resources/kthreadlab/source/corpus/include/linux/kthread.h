# file: include/linux/kthread.h
# version: v5.15
# checked: torvalds/linux@00ed905ab8e5622700535cd14258e447ef1e7ba9 (older kthread.h: same macro text), kthread.h copy with SPDX header (find_string id 94976618), patch hunks "@@ -33,6 +33,8 @@" (v5.14 set_kthread_struct) and "@@ -13,6"/"@@ -27,7" (later kernels) fixing the line numbers
# license: GPL-2.0 (Linux kernel; excerpts, each line keeps its line number in the original file)
# note: no complete v5.15 copy of this header was readable; line numbers were derived from the patch hunk anchors named above
1	/* SPDX-License-Identifier: GPL-2.0 */
2	#ifndef _LINUX_KTHREAD_H
3	#define _LINUX_KTHREAD_H
4	/* Simple interface for creating and stopping kernel threads without mess. */
27	#define kthread_create(threadfn, data, namefmt, arg...) \
28		kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)
41	/**
42	 * kthread_run - create and wake a thread.
43	 * @threadfn: the function to run until signal_pending(current).
44	 * @data: data ptr for @threadfn.
45	 * @namefmt: printf-style name for the thread.
46	 *
47	 * Description: Convenient wrapper for kthread_create() followed by
48	 * wake_up_process().  Returns the kthread or ERR_PTR(-ENOMEM).
49	 */
50	#define kthread_run(threadfn, data, namefmt, ...)			   \
51	({									   \
52		struct task_struct *__k						   \
53			= kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \
54		if (!IS_ERR(__k))						   \
55			wake_up_process(__k);					   \
56		__k;								   \
57	})
