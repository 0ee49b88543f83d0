#!/bin/bash
# Runs a command, and every process it starts, with the CPU capped at CORES cores (a CPU cgroup, quota per 10 ms):
# a slower machine on demand, to see how a benchmark's figures move when CPU runs short.
#   sudo bench/capped.sh 1.2 java -Xmx2g -cp bench/target/guichet-bench.jar org.guichet.bench.NetworkDayBenchmark ...
# Needs root and the cgroup CPU controller (v2's cpu.max or v1's cpu.cfs_quota_us).
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 CORES COMMAND [ARGS...]" >&2
    exit 2
fi
cores=$1
shift
period_us=10000
quota_us=$(awk -v c="$cores" -v p="$period_us" 'BEGIN { if (c <= 0) exit 1; printf "%d", c * p }') || {
    echo "CORES must be a positive number, got $cores" >&2
    exit 2
}
name="guichet-capped-$$"
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control || echo +cpu > /sys/fs/cgroup/cgroup.subtree_control
    group=/sys/fs/cgroup/$name
    mkdir "$group"
    echo "$quota_us $period_us" > "$group/cpu.max"
    root=/sys/fs/cgroup
elif [ -d /sys/fs/cgroup/cpu ]; then
    group=/sys/fs/cgroup/cpu/$name
    mkdir "$group"
    echo "$period_us" > "$group/cpu.cfs_period_us"
    echo "$quota_us" > "$group/cpu.cfs_quota_us"
    root=/sys/fs/cgroup/cpu
else
    echo "no CPU cgroup controller under /sys/fs/cgroup" >&2
    exit 1
fi
leave() {
    echo $$ > "$root/cgroup.procs"
    rmdir "$group" 2>/dev/null || echo "$group left behind: a process of the command still runs" >&2
}
trap leave EXIT
echo $$ > "$group/cgroup.procs"
echo "capped at $cores cores ($quota_us us of CPU per $period_us us) in $group" >&2
status=0
"$@" || status=$?
exit $status
