[?1h=[?25l[H[2J(B[mtop - 23:43:55 up 27 min,  0 user,  load average: 3.12, 2.97, 1.64(B[m[39;49m(B[m[39;49m[K
Tasks:(B[m[39;49m[1m 127 (B[m[39;49mtotal,(B[m[39;49m[1m   3 (B[m[39;49mrunning,(B[m[39;49m[1m 123 (B[m[39;49msleeping,(B[m[39;49m[1m   0 (B[m[39;49mstopped,(B[m[39;49m[1m   1 (B[m[39;49mzombie(B[m[39;49m(B[m[39;49m[K
%Cpu(s):(B[m[39;49m[1m 50.0 (B[m[39;49mus,(B[m[39;49m[1m 50.0 (B[m[39;49msy,(B[m[39;49m[1m  0.0 (B[m[39;49mni,(B[m[39;49m[1m  0.0 (B[m[39;49mid,(B[m[39;49m[1m  0.0 (B[m[39;49mwa,(B[m[39;49m[1m  0.0 (B[m[39;49mhi,(B[m[39;49m[1m  0.0 (B[m[39;49msi,(B[m[39;49m[1m  0.0 (B[m[39;49mst(B[m[39;49m(B[m (B[m[39;49m(B[m[39;49m[K
MiB Mem :(B[m[39;49m[1m  24105.6 (B[m[39;49mtotal,(B[m[39;49m[1m  23038.0 (B[m[39;49mfree,(B[m[39;49m[1m    423.2 (B[m[39;49mused,(B[m[39;49m[1m    900.5 (B[m[39;49mbuff/cache(B[m[39;49m(B[m (B[m[39;49m(B[m    (B[m[39;49m(B[m[39;49m[K
MiB Swap:(B[m[39;49m[1m      0.0 (B[m[39;49mtotal,(B[m[39;49m[1m      0.0 (B[m[39;49mfree,(B[m[39;49m[1m      0.0 (B[m[39;49mused.(B[m[39;49m[1m  23682.3 (B[m[39;49mavail Mem (B[m[39;49m(B[m[39;49m[K
[K
[7m  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND                        (B[m[39;49m[K
(B[m[1m19403 root      20   0    1200   1088    100 R 100.0   0.0   0:00.71 unit_term_displ                (B[m[39;49m[K
(B[m[1m   15 root      20   0       0      0      0 R   6.7   0.0   0:02.14 rcu_preempt                    (B[m[39;49m[K
(B[m    1 root      20   0   47948  17436   6316 S   0.0   0.1   0:09.07 process_api                    (B[m[39;49m[K
(B[m    2 root      20   0       0      0      0 S   0.0   0.0   0:00.02 kthreadd                       (B[m[39;49m[K
(B[m    3 root      20   0       0      0      0 S   0.0   0.0   0:00.00 pool_workqueue_release         (B[m[39;49m[K
(B[m    4 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-rcu_gp               (B[m[39;49m[K
(B[m    5 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-sync_wq              (B[m[39;49m[K
(B[m    6 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-kvfree_rcu_reclaim   (B[m[39;49m[K
(B[m    7 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-slub_flushwq         (B[m[39;49m[K
(B[m    8 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-netns                (B[m[39;49m[K
(B[m   10 root       0 -20       0      0      0 I   0.0   0.0   0:00.14 kworker/0:0H-kblockd           (B[m[39;49m[K
(B[m   11 root      20   0       0      0      0 I   0.0   0.0   0:00.36 kworker/0:1-events             (B[m[39;49m[K
(B[m   12 root      20   0       0      0      0 I   0.0   0.0   0:00.42 kworker/u8:0-events_unbound    (B[m[39;49m[K
(B[m   13 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-mm_percpu_wq         (B[m[39;49m[K
(B[m   14 root      20   0       0      0      0 S   0.0   0.0   0:00.23 ksoftirqd/0                    (B[m[39;49m[K
(B[m   16 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_par_gp_kthread_worker+ (B[m[39;49m[K
(B[m   17 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_gp_kthread_worker      (B[m[39;49m[K
(B[m   18 root      rt   0       0      0      0 S   0.0   0.0   0:00.12 migration/0                    (B[m[39;49m[K
(B[m   19 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/0                        (B[m[39;49m[K
(B[m   20 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/1                        (B[m[39;49m[K
(B[m   21 root      rt   0       0      0      0 S   0.0   0.0   0:00.46 migration/1                    (B[m[39;49m[K
(B[m   22 root      20   0       0      0      0 S   0.0   0.0   0:00.27 ksoftirqd/1                    (B[m[39;49m[K
(B[m   24 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/1:0H-events_highpri    (B[m[39;49m[K[H
Tasks:(B[m[39;49m[1m 127 (B[m[39;49mtotal,(B[m[39;49m[1m   2 (B[m[39;49mrunning,(B[m[39;49m[1m 124 (B[m[39;49msleeping,(B[m[39;49m[1m   0 (B[m[39;49mstopped,(B[m[39;49m[1m   1 (B[m[39;49mzombie(B[m[39;49m(B[m[39;49m[K
%Cpu(s):(B[m[39;49m[1m 26.5 (B[m[39;49mus,(B[m[39;49m[1m 24.2 (B[m[39;49msy,(B[m[39;49m[1m  0.0 (B[m[39;49mni,(B[m[39;49m[1m 47.0 (B[m[39;49mid,(B[m[39;49m[1m  0.0 (B[m[39;49mwa,(B[m[39;49m[1m  0.0 (B[m[39;49mhi,(B[m[39;49m[1m  0.0 (B[m[39;49msi,(B[m[39;49m[1m  2.3 (B[m[39;49mst(B[m[39;49m(B[m (B[m[39;49m(B[m[39;49m[K


[K

(B[m[1m19403 root      20   0     636    404    100 R  96.1   0.0   0:01.20 unit_term_displ                (B[m[39;49m[K
(B[m    1 root      20   0   47948  17436   6316 S   2.0   0.1   0:09.08 process_api                    (B[m[39;49m[K
(B[m[1m19424 root      20   0    9072   5240   3104 R   2.0   0.0   0:00.02 top                            (B[m[39;49m[K








(B[m   11 root      20   0       0      0      0 I   0.0   0.0   0:00.36 kworker/0:1-mm_percpu_wq       (B[m[39;49m[K



(B[m   15 root      20   0       0      0      0 I   0.0   0.0   0:02.14 rcu_preempt                    (B[m[39;49m[K
(B[m   16 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_par_gp_kthread_worker+ (B[m[39;49m[K
(B[m   17 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_gp_kthread_worker      (B[m[39;49m[K
(B[m   18 root      rt   0       0      0      0 S   0.0   0.0   0:00.12 migration/0                    (B[m[39;49m[K
(B[m   19 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/0                        (B[m[39;49m[K
(B[m   20 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/1                        (B[m[39;49m[K
(B[m   21 root      rt   0       0      0      0 S   0.0   0.0   0:00.46 migration/1                    (B[m[39;49m[K
(B[m   22 root      20   0       0      0      0 S   0.0   0.0   0:00.27 ksoftirqd/1                    (B[m[39;49m[K[H(B[mtop - 23:43:56 up 27 min,  0 user,  load average: 3.12, 2.97, 1.64(B[m[39;49m(B[m[39;49m[K
Tasks:(B[m[39;49m[1m 126 (B[m[39;49mtotal,(B[m[39;49m[1m   2 (B[m[39;49mrunning,(B[m[39;49m[1m 124 (B[m[39;49msleeping,(B[m[39;49m[1m   0 (B[m[39;49mstopped,(B[m[39;49m[1m   0 (B[m[39;49mzombie(B[m[39;49m(B[m[39;49m[K
%Cpu(s):(B[m[39;49m[1m 40.6 (B[m[39;49mus,(B[m[39;49m[1m 26.7 (B[m[39;49msy,(B[m[39;49m[1m  0.0 (B[m[39;49mni,(B[m[39;49m[1m 31.7 (B[m[39;49mid,(B[m[39;49m[1m  0.0 (B[m[39;49mwa,(B[m[39;49m[1m  0.0 (B[m[39;49mhi,(B[m[39;49m[1m  0.0 (B[m[39;49msi,(B[m[39;49m[1m  1.0 (B[m[39;49mst(B[m[39;49m(B[m (B[m[39;49m(B[m[39;49m[K


[K

(B[m[1m19403 root      20   0     540    376    100 R  96.1   0.0   0:01.69 unit_term_displ                (B[m[39;49m[K
(B[m 4651 root      20   0    5252   4320   3176 S   2.0   0.0   0:00.32 bash                           (B[m[39;49m[K
(B[m 4652 root      20   0    5548   1060    936 S   2.0   0.0   0:00.31 memfd:sealed-91                (B[m[39;49m[K
(B[m    1 root      20   0   47948  17436   6316 S   0.0   0.1   0:09.08 process_api                    (B[m[39;49m[K
(B[m    2 root      20   0       0      0      0 S   0.0   0.0   0:00.02 kthreadd                       (B[m[39;49m[K
(B[m    3 root      20   0       0      0      0 S   0.0   0.0   0:00.00 pool_workqueue_release         (B[m[39;49m[K
(B[m    4 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-rcu_gp               (B[m[39;49m[K
(B[m    5 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-sync_wq              (B[m[39;49m[K
(B[m    6 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-kvfree_rcu_reclaim   (B[m[39;49m[K
(B[m    7 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-slub_flushwq         (B[m[39;49m[K
(B[m    8 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-netns                (B[m[39;49m[K
(B[m   10 root       0 -20       0      0      0 I   0.0   0.0   0:00.14 kworker/0:0H-kblockd           (B[m[39;49m[K
(B[m   11 root      20   0       0      0      0 I   0.0   0.0   0:00.36 kworker/0:1-virtio_vsock       (B[m[39;49m[K
(B[m   12 root      20   0       0      0      0 I   0.0   0.0   0:00.42 kworker/u8:0-events_unbound    (B[m[39;49m[K
(B[m   13 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-mm_percpu_wq         (B[m[39;49m[K
(B[m   14 root      20   0       0      0      0 S   0.0   0.0   0:00.23 ksoftirqd/0                    (B[m[39;49m[K
(B[m   15 root      20   0       0      0      0 I   0.0   0.0   0:02.14 rcu_preempt                    (B[m[39;49m[K
(B[m   16 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_par_gp_kthread_worker+ (B[m[39;49m[K
(B[m   17 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_gp_kthread_worker      (B[m[39;49m[K
(B[m   18 root      rt   0       0      0      0 S   0.0   0.0   0:00.12 migration/0                    (B[m[39;49m[K
(B[m   19 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/0                        (B[m[39;49m[K
(B[m   20 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/1                        (B[m[39;49m[K
(B[m   21 root      rt   0       0      0      0 S   0.0   0.0   0:00.46 migration/1                    (B[m[39;49m[K[H

%Cpu(s):(B[m[39;49m[1m 27.0 (B[m[39;49mus,(B[m[39;49m[1m 25.0 (B[m[39;49msy,(B[m[39;49m[1m  0.0 (B[m[39;49mni,(B[m[39;49m[1m 47.0 (B[m[39;49mid,(B[m[39;49m[1m  0.0 (B[m[39;49mwa,(B[m[39;49m[1m  0.0 (B[m[39;49mhi,(B[m[39;49m[1m  0.0 (B[m[39;49msi,(B[m[39;49m[1m  1.0 (B[m[39;49mst(B[m[39;49m(B[m (B[m[39;49m(B[m[39;49m[K


[K

(B[m[1m19403 root      20   0     468    332    100 R 100.0   0.0   0:02.19 unit_term_displ                (B[m[39;49m[K
(B[m    1 root      20   0   47948  17436   6316 S   2.0   0.1   0:09.09 process_api                    (B[m[39;49m[K
(B[m   15 root      20   0       0      0      0 I   2.0   0.0   0:02.15 rcu_preempt                    (B[m[39;49m[K
(B[m   78 root      20   0       0      0      0 I   2.0   0.0   0:06.49 kdamond.0                      (B[m[39;49m[K
(B[m 4591 root      20   0    5548   1092    968 S   2.0   0.0   0:00.39 memfd:sealed-91                (B[m[39;49m[K
(B[m15073 root      20   0    5544   1100    980 S   2.0   0.0   0:00.34 memfd:sealed-91                (B[m[39;49m[K
(B[m[1m19424 root      20   0    9072   5240   3104 R   2.0   0.0   0:00.03 top                            (B[m[39;49m[K
(B[m    2 root      20   0       0      0      0 S   0.0   0.0   0:00.02 kthreadd                       (B[m[39;49m[K
(B[m    3 root      20   0       0      0      0 S   0.0   0.0   0:00.00 pool_workqueue_release         (B[m[39;49m[K
(B[m    4 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-rcu_gp               (B[m[39;49m[K
(B[m    5 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-sync_wq              (B[m[39;49m[K
(B[m    6 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-kvfree_rcu_reclaim   (B[m[39;49m[K
(B[m    7 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-slub_flushwq         (B[m[39;49m[K
(B[m    8 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-netns                (B[m[39;49m[K
(B[m   10 root       0 -20       0      0      0 I   0.0   0.0   0:00.14 kworker/0:0H-kblockd           (B[m[39;49m[K
(B[m   11 root      20   0       0      0      0 I   0.0   0.0   0:00.36 kworker/0:1-events             (B[m[39;49m[K
(B[m   12 root      20   0       0      0      0 I   0.0   0.0   0:00.42 kworker/u8:0-events_unbound    (B[m[39;49m[K
(B[m   13 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-mm_percpu_wq         (B[m[39;49m[K
(B[m   14 root      20   0       0      0      0 S   0.0   0.0   0:00.23 ksoftirqd/0                    (B[m[39;49m[K
(B[m   16 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_par_gp_kthread_worker+ (B[m[39;49m[K
(B[m   17 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_gp_kthread_worker      (B[m[39;49m[K
(B[m   18 root      rt   0       0      0      0 S   0.0   0.0   0:00.12 migration/0                    (B[m[39;49m[K
(B[m   19 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/0                        (B[m[39;49m[K[H(B[mtop - 23:43:57 up 27 min,  0 user,  load average: 3.12, 2.97, 1.64(B[m[39;49m(B[m[39;49m[K

%Cpu(s):(B[m[39;49m[1m 27.0 (B[m[39;49mus,(B[m[39;49m[1m 24.0 (B[m[39;49msy,(B[m[39;49m[1m  0.0 (B[m[39;49mni,(B[m[39;49m[1m 48.0 (B[m[39;49mid,(B[m[39;49m[1m  0.0 (B[m[39;49mwa,(B[m[39;49m[1m  0.0 (B[m[39;49mhi,(B[m[39;49m[1m  0.0 (B[m[39;49msi,(B[m[39;49m[1m  1.0 (B[m[39;49mst(B[m[39;49m(B[m (B[m[39;49m(B[m[39;49m[K


[K

(B[m[1m19403 root      20   0     576    424    100 R 100.0   0.0   0:02.70 unit_term_displ                (B[m[39;49m[K
(B[m    1 root      20   0   47948  17436   6316 S   0.0   0.1   0:09.09 process_api                    (B[m[39;49m[K
(B[m    2 root      20   0       0      0      0 S   0.0   0.0   0:00.02 kthreadd                       (B[m[39;49m[K
(B[m    3 root      20   0       0      0      0 S   0.0   0.0   0:00.00 pool_workqueue_release         (B[m[39;49m[K
(B[m    4 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-rcu_gp               (B[m[39;49m[K
(B[m    5 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-sync_wq              (B[m[39;49m[K
(B[m    6 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-kvfree_rcu_reclaim   (B[m[39;49m[K
(B[m    7 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-slub_flushwq         (B[m[39;49m[K
(B[m    8 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-netns                (B[m[39;49m[K
(B[m   10 root       0 -20       0      0      0 I   0.0   0.0   0:00.14 kworker/0:0H-kblockd           (B[m[39;49m[K
(B[m   11 root      20   0       0      0      0 I   0.0   0.0   0:00.36 kworker/0:1-events             (B[m[39;49m[K
(B[m   12 root      20   0       0      0      0 I   0.0   0.0   0:00.42 kworker/u8:0-events_unbound    (B[m[39;49m[K
(B[m   13 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-mm_percpu_wq         (B[m[39;49m[K
(B[m   14 root      20   0       0      0      0 S   0.0   0.0   0:00.23 ksoftirqd/0                    (B[m[39;49m[K
(B[m   15 root      20   0       0      0      0 I   0.0   0.0   0:02.15 rcu_preempt                    (B[m[39;49m[K
(B[m   16 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_par_gp_kthread_worker+ (B[m[39;49m[K
(B[m   17 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_gp_kthread_worker      (B[m[39;49m[K
(B[m   18 root      rt   0       0      0      0 S   0.0   0.0   0:00.12 migration/0                    (B[m[39;49m[K
(B[m   19 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/0                        (B[m[39;49m[K
(B[m   20 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/1                        (B[m[39;49m[K
(B[m   21 root      rt   0       0      0      0 S   0.0   0.0   0:00.46 migration/1                    (B[m[39;49m[K
(B[m   22 root      20   0       0      0      0 S   0.0   0.0   0:00.27 ksoftirqd/1                    (B[m[39;49m[K
(B[m   24 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/1:0H-events_highpri    (B[m[39;49m[K[H

%Cpu(s):(B[m[39;49m[1m 24.0 (B[m[39;49mus,(B[m[39;49m[1m 31.0 (B[m[39;49msy,(B[m[39;49m[1m  0.0 (B[m[39;49mni,(B[m[39;49m[1m 44.0 (B[m[39;49mid,(B[m[39;49m[1m  0.0 (B[m[39;49mwa,(B[m[39;49m[1m  0.0 (B[m[39;49mhi,(B[m[39;49m[1m  0.0 (B[m[39;49msi,(B[m[39;49m[1m  1.0 (B[m[39;49mst(B[m[39;49m(B[m (B[m[39;49m(B[m[39;49m[K


[K

(B[m[1m19403 root      20   0     360    272    100 R 100.0   0.0   0:03.20 unit_term_displ                (B[m[39;49m[K
(B[m    1 root      20   0   47948  17436   6316 S   2.0   0.1   0:09.10 process_api                    (B[m[39;49m[K
(B[m18449 root      20   0    4756   3504   2844 S   2.0   0.0   0:00.13 bash                           (B[m[39;49m[K
(B[m    2 root      20   0       0      0      0 S   0.0   0.0   0:00.02 kthreadd                       (B[m[39;49m[K
(B[m    3 root      20   0       0      0      0 S   0.0   0.0   0:00.00 pool_workqueue_release         (B[m[39;49m[K
(B[m    4 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-rcu_gp               (B[m[39;49m[K
(B[m    5 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-sync_wq              (B[m[39;49m[K
(B[m    6 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-kvfree_rcu_reclaim   (B[m[39;49m[K
(B[m    7 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-slub_flushwq         (B[m[39;49m[K
(B[m    8 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-netns                (B[m[39;49m[K
(B[m   10 root       0 -20       0      0      0 I   0.0   0.0   0:00.14 kworker/0:0H-kblockd           (B[m[39;49m[K
(B[m   11 root      20   0       0      0      0 I   0.0   0.0   0:00.36 kworker/0:1-mm_percpu_wq       (B[m[39;49m[K
(B[m   12 root      20   0       0      0      0 I   0.0   0.0   0:00.42 kworker/u8:0-events_unbound    (B[m[39;49m[K
(B[m   13 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-mm_percpu_wq         (B[m[39;49m[K
(B[m   14 root      20   0       0      0      0 S   0.0   0.0   0:00.23 ksoftirqd/0                    (B[m[39;49m[K
(B[m   15 root      20   0       0      0      0 I   0.0   0.0   0:02.15 rcu_preempt                    (B[m[39;49m[K
(B[m   16 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_par_gp_kthread_worker+ (B[m[39;49m[K
(B[m   17 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_gp_kthread_worker      (B[m[39;49m[K
(B[m   18 root      rt   0       0      0      0 S   0.0   0.0   0:00.12 migration/0                    (B[m[39;49m[K
(B[m   19 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/0                        (B[m[39;49m[K
(B[m   20 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/1                        (B[m[39;49m[K
(B[m   21 root      rt   0       0      0      0 S   0.0   0.0   0:00.46 migration/1                    (B[m[39;49m[K
(B[m   22 root      20   0       0      0      0 S   0.0   0.0   0:00.27 ksoftirqd/1                    (B[m[39;49m[K[H(B[mtop - 23:43:58 up 27 min,  0 user,  load average: 3.12, 2.97, 1.64(B[m[39;49m(B[m[39;49m[K
Tasks:(B[m[39;49m[1m 126 (B[m[39;49mtotal,(B[m[39;49m[1m   3 (B[m[39;49mrunning,(B[m[39;49m[1m 123 (B[m[39;49msleeping,(B[m[39;49m[1m   0 (B[m[39;49mstopped,(B[m[39;49m[1m   0 (B[m[39;49mzombie(B[m[39;49m(B[m[39;49m[K
%Cpu(s):(B[m[39;49m[1m 28.0 (B[m[39;49mus,(B[m[39;49m[1m 26.0 (B[m[39;49msy,(B[m[39;49m[1m  0.0 (B[m[39;49mni,(B[m[39;49m[1m 45.0 (B[m[39;49mid,(B[m[39;49m[1m  0.0 (B[m[39;49mwa,(B[m[39;49m[1m  0.0 (B[m[39;49mhi,(B[m[39;49m[1m  1.0 (B[m[39;49msi,(B[m[39;49m[1m  0.0 (B[m[39;49mst(B[m[39;49m(B[m (B[m[39;49m(B[m[39;49m[K
MiB Mem :(B[m[39;49m[1m  24105.6 (B[m[39;49mtotal,(B[m[39;49m[1m  23044.0 (B[m[39;49mfree,(B[m[39;49m[1m    419.4 (B[m[39;49mused,(B[m[39;49m[1m    898.3 (B[m[39;49mbuff/cache(B[m[39;49m(B[m (B[m[39;49m(B[m    (B[m[39;49m(B[m[39;49m[K
MiB Swap:(B[m[39;49m[1m      0.0 (B[m[39;49mtotal,(B[m[39;49m[1m      0.0 (B[m[39;49mfree,(B[m[39;49m[1m      0.0 (B[m[39;49mused.(B[m[39;49m[1m  23686.1 (B[m[39;49mavail Mem (B[m[39;49m(B[m[39;49m[K
[K

(B[m[1m19403 root      20   0     592    456    100 R 100.0   0.0   0:03.71 unit_term_displ                (B[m[39;49m[K
(B[m18449 root      20   0    4756   3504   2844 S   2.0   0.0   0:00.14 bash                           (B[m[39;49m[K
(B[m[1m19424 root      20   0    9072   5240   3104 R   2.0   0.0   0:00.04 top                            (B[m[39;49m[K
(B[m    1 root      20   0   47948  17436   6316 S   0.0   0.1   0:09.10 process_api                    (B[m[39;49m[K
(B[m    2 root      20   0       0      0      0 S   0.0   0.0   0:00.02 kthreadd                       (B[m[39;49m[K
(B[m    3 root      20   0       0      0      0 S   0.0   0.0   0:00.00 pool_workqueue_release         (B[m[39;49m[K
(B[m    4 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-rcu_gp               (B[m[39;49m[K
(B[m    5 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-sync_wq              (B[m[39;49m[K
(B[m    6 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-kvfree_rcu_reclaim   (B[m[39;49m[K
(B[m    7 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-slub_flushwq         (B[m[39;49m[K
(B[m    8 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-netns                (B[m[39;49m[K
(B[m   10 root       0 -20       0      0      0 I   0.0   0.0   0:00.14 kworker/0:0H-kblockd           (B[m[39;49m[K
(B[m   11 root      20   0       0      0      0 I   0.0   0.0   0:00.36 kworker/0:1-events             (B[m[39;49m[K
(B[m   12 root      20   0       0      0      0 I   0.0   0.0   0:00.42 kworker/u8:0-events_unbound    (B[m[39;49m[K
(B[m   13 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-mm_percpu_wq         (B[m[39;49m[K
(B[m   14 root      20   0       0      0      0 S   0.0   0.0   0:00.23 ksoftirqd/0                    (B[m[39;49m[K
(B[m   15 root      20   0       0      0      0 I   0.0   0.0   0:02.15 rcu_preempt                    (B[m[39;49m[K
(B[m   16 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_par_gp_kthread_worker+ (B[m[39;49m[K
(B[m   17 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_gp_kthread_worker      (B[m[39;49m[K
(B[m   18 root      rt   0       0      0      0 S   0.0   0.0   0:00.12 migration/0                    (B[m[39;49m[K
(B[m   19 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/0                        (B[m[39;49m[K
(B[m   20 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/1                        (B[m[39;49m[K
(B[m   21 root      rt   0       0      0      0 S   0.0   0.0   0:00.46 migration/1                    (B[m[39;49m[K[H
Tasks:(B[m[39;49m[1m 125 (B[m[39;49mtotal,(B[m[39;49m[1m   2 (B[m[39;49mrunning,(B[m[39;49m[1m 123 (B[m[39;49msleeping,(B[m[39;49m[1m   0 (B[m[39;49mstopped,(B[m[39;49m[1m   0 (B[m[39;49mzombie(B[m[39;49m(B[m[39;49m[K
%Cpu(s):(B[m[39;49m[1m 26.9 (B[m[39;49mus,(B[m[39;49m[1m 30.8 (B[m[39;49msy,(B[m[39;49m[1m  0.0 (B[m[39;49mni,(B[m[39;49m[1m 40.4 (B[m[39;49mid,(B[m[39;49m[1m  0.0 (B[m[39;49mwa,(B[m[39;49m[1m  0.0 (B[m[39;49mhi,(B[m[39;49m[1m  0.0 (B[m[39;49msi,(B[m[39;49m[1m  1.9 (B[m[39;49mst(B[m[39;49m(B[m (B[m[39;49m(B[m[39;49m[K


[K

(B[m[1m19403 root      20   0     404    312    100 R 100.0   0.0   0:04.21 unit_term_displ                (B[m[39;49m[K
(B[m   15 root      20   0       0      0      0 I   2.0   0.0   0:02.16 rcu_preempt                    (B[m[39;49m[K
(B[m   78 root      20   0       0      0      0 I   2.0   0.0   0:06.50 kdamond.0                      (B[m[39;49m[K









(B[m   11 root      20   0       0      0      0 I   0.0   0.0   0:00.36 kworker/0:1-virtio_vsock       (B[m[39;49m[K



(B[m   16 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_par_gp_kthread_worker+ (B[m[39;49m[K
(B[m   17 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_gp_kthread_worker      (B[m[39;49m[K
(B[m   18 root      rt   0       0      0      0 S   0.0   0.0   0:00.12 migration/0                    (B[m[39;49m[K
(B[m   19 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/0                        (B[m[39;49m[K
(B[m   20 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/1                        (B[m[39;49m[K
(B[m   21 root      rt   0       0      0      0 S   0.0   0.0   0:00.46 migration/1                    (B[m[39;49m[K
(B[m   22 root      20   0       0      0      0 S   0.0   0.0   0:00.27 ksoftirqd/1                    (B[m[39;49m[K[H(B[mtop - 23:43:59 up 27 min,  0 user,  load average: 2.87, 2.92, 1.63(B[m[39;49m(B[m[39;49m[K
Tasks:(B[m[39;49m[1m 120 (B[m[39;49mtotal,(B[m[39;49m[1m   1 (B[m[39;49mrunning,(B[m[39;49m[1m 119 (B[m[39;49msleeping,(B[m[39;49m[1m   0 (B[m[39;49mstopped,(B[m[39;49m[1m   0 (B[m[39;49mzombie(B[m[39;49m(B[m[39;49m[K
%Cpu(s):(B[m[39;49m[1m  7.0 (B[m[39;49mus,(B[m[39;49m[1m 15.0 (B[m[39;49msy,(B[m[39;49m[1m  0.0 (B[m[39;49mni,(B[m[39;49m[1m 77.0 (B[m[39;49mid,(B[m[39;49m[1m  0.0 (B[m[39;49mwa,(B[m[39;49m[1m  0.0 (B[m[39;49mhi,(B[m[39;49m[1m  0.0 (B[m[39;49msi,(B[m[39;49m[1m  1.0 (B[m[39;49mst(B[m[39;49m(B[m (B[m[39;49m(B[m[39;49m[K


[K

(B[m 4655 root      20   0    5136   4112   3036 S   2.0   0.0   0:00.24 bash                           (B[m[39;49m[K
(B[m18449 root      20   0    4756   3504   2844 S   2.0   0.0   0:00.15 bash                           (B[m[39;49m[K
(B[m18529 root      20   0    5888   3788   2844 S   2.0   0.0   0:00.08 tmux: server                   (B[m[39;49m[K
(B[m[1m19424 root      20   0    9072   5240   3104 R   2.0   0.0   0:00.05 top                            (B[m[39;49m[K
(B[m    1 root      20   0   47948  17440   6316 S   0.0   0.1   0:09.10 process_api                    (B[m[39;49m[K
(B[m    2 root      20   0       0      0      0 S   0.0   0.0   0:00.02 kthreadd                       (B[m[39;49m[K
(B[m    3 root      20   0       0      0      0 S   0.0   0.0   0:00.00 pool_workqueue_release         (B[m[39;49m[K
(B[m    4 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-rcu_gp               (B[m[39;49m[K
(B[m    5 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-sync_wq              (B[m[39;49m[K
(B[m    6 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-kvfree_rcu_reclaim   (B[m[39;49m[K
(B[m    7 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-slub_flushwq         (B[m[39;49m[K
(B[m    8 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-netns                (B[m[39;49m[K
(B[m   10 root       0 -20       0      0      0 I   0.0   0.0   0:00.14 kworker/0:0H-kblockd           (B[m[39;49m[K
(B[m   11 root      20   0       0      0      0 I   0.0   0.0   0:00.36 kworker/0:1-virtio_vsock       (B[m[39;49m[K
(B[m   12 root      20   0       0      0      0 I   0.0   0.0   0:00.42 kworker/u8:0-events_unbound    (B[m[39;49m[K
(B[m   13 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 kworker/R-mm_percpu_wq         (B[m[39;49m[K
(B[m   14 root      20   0       0      0      0 S   0.0   0.0   0:00.23 ksoftirqd/0                    (B[m[39;49m[K
(B[m   15 root      20   0       0      0      0 I   0.0   0.0   0:02.16 rcu_preempt                    (B[m[39;49m[K
(B[m   16 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_par_gp_kthread_worker+ (B[m[39;49m[K
(B[m   17 root      20   0       0      0      0 S   0.0   0.0   0:00.00 rcu_exp_gp_kthread_worker      (B[m[39;49m[K
(B[m   18 root      rt   0       0      0      0 S   0.0   0.0   0:00.12 migration/0                    (B[m[39;49m[K
(B[m   19 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/0                        (B[m[39;49m[K
(B[m   20 root      20   0       0      0      0 S   0.0   0.0   0:00.00 cpuhp/1                        (B[m[39;49m[K