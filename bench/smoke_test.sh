#!/bin/sh
# bench_smoke: umol4-bench runs on x86 and arm, its JSON parses and has every key the report
# promises, the charts are well-formed SVG; --instances starts and stops a few idle instances
# and leaves no process behind; and a bad option is one line and exit status 2.
# Usage: smoke_test.sh path/to/umol4-bench
set -u
bench=$1
dir=$(mktemp -d /tmp/umol4-bench-smoke.XXXXXX) || exit 1
trap 'rm -rf "$dir"' EXIT
fail() { echo "bench_smoke: $*" >&2; exit 1; }
. "$(dirname "$0")/smoke_lib.sh"

"$bench" --quick --reps 1 --isa x86,arm --json "$dir/bench.json" --svg "$dir" \
	>"$dir/out" 2>"$dir/err" || { cat "$dir/out" "$dir/err"; fail "umol4-bench failed"; }
grep -q "null system call" "$dir/out" || fail "no table on stdout"
grep -q "round trips/s" "$dir/out" || fail "no frame rate in the table"

python3 - "$dir" <<'PY' || fail "JSON or SVG check failed"
import json, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
r = json.load(open(d + "/bench.json"))
for k in ("date", "host", "reps", "quick", "baselines", "isas"):
    assert k in r, "missing key " + k
for b in ("getpid", "getpid_int80", "futex_rt_same_cpu", "futex_rt_cross_cpu",
          "spin_rt_cross_cpu", "pipe_rt", "ptrace_rt", "signal_rt", "memcpy_64k", "memcpy_1m", "memcpy_4m",
          "memfd_touch", "mmap_page", "mmap_page_checked"):
    assert b in r["baselines"], "missing baseline " + b
for b in ("getpid", "futex_rt_same_cpu"):
    assert r["baselines"][b]["status"] == "ok" and r["baselines"][b]["median"] > 0, b
figures = ("null_syscall", "kernel_entry", "ipc_intra", "ipc_inter_as", "null_syscall_trap",
           "kernel_entry_trap", "ipc_intra_trap", "ipc_inter_as_trap", "ipc_long_4k", "ipc_long_64k", "ipc_long_1m", "ipc_long_4m", "pagefault", "bulkmap", "scattermap", "task_new_delete", "task_new_delete_apart", "frame_rt", "frame_stream")
assert sorted(r["isas"]) == ["arm", "x86"], r["isas"].keys()
for isa, v in r["isas"].items():
    for f in figures:
        fig = v["figures"][f]
        assert fig["status"] in ("ok", "n/a"), (isa, f, fig)
        if fig["status"] == "ok":
            for k in ("median", "min", "max", "x_getpid", "x_futex"):
                assert fig[k] is not None and fig[k] > 0, (isa, f, k)
        else:
            assert fig["note"], (isa, f)
    for f in ("null_syscall", "kernel_entry", "ipc_intra", "kernel_entry_trap", "ipc_long_64k",
              "ipc_long_1m",
              "ipc_long_4m", "pagefault", "bulkmap",
              "scattermap", "frame_rt", "frame_stream"):
        assert v["figures"][f]["status"] == "ok", (isa, f)
    for f in ("frame_rt", "frame_stream"):
        assert v["figures"][f]["per_s"] > 0 and v["figures"][f]["per_s_unit"], (isa, f)
    split = v["pagefault_split"]
    for k in ("trap", "handoffs", "pager_ipc", "host_mmap", "mmap_check", "first_touch", "rest",
              "total", "host_share"):
        assert k in split, (isa, "pagefault_split", k)
    ET.parse("%s/%s.svg" % (d, isa))
PY

# the default, every ISA: each one has its section in the table
"$bench" --quick --reps 1 >"$dir/out" 2>"$dir/err" || { cat "$dir/out" "$dir/err"; fail "umol4-bench (every ISA) failed"; }
for isa in x86 x86-emu arm mips mipsel riscv; do
	grep -q "^$isa (" "$dir/out" || fail "no section for $isa in the table of every ISA"
done

# --instances: five idle instances on x86 and on arm, in a session of their own, so that any
# process of theirs still there afterwards can be found (umol4-bench must leave none)
in_session --instances 5 --quick --isa x86,arm --json "$dir/inst.json"
grep -q "CPU use of all idle instances" "$dir/out" || fail "no instances table on stdout"
python3 - "$dir/inst.json" <<'PY' || fail "--instances JSON check failed"
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("date", "host", "loadavg", "host_limits", "instances"):
    assert k in r, "missing key " + k
for k in ("pid_max", "threads_max", "nproc", "nofile", "threads_in_use", "mem_available_kb"):
    assert k in r["host_limits"], "missing host limit " + k
assert sorted(r["instances"]) == ["arm", "x86"], r["instances"].keys()
for isa, v in r["instances"].items():
    assert v["status"] == "ok" and v["requested"] == 5 and v["started"] == 5, (isa, v["note"])
    assert v["spin"] is True and v["batch"] == 10, isa
    assert v["processes_per_instance"] >= 4, (isa, v["processes_per_instance"])
    s = v["startup_ms"]
    for k in ("median", "p90", "max", "first10_median", "last10_median"):
        assert s[k] > 0, (isa, k)
    assert len(s["samples"]) == 5 and len(s["tenths"]) == 5, isa
    for k in ("pss_median", "pss_mean", "pss_kernel_mean", "pss_tasks_mean", "pss_anon_mean",
              "pss_file_mean", "pss_shmem_mean", "mem_available_drop_per_instance"):
        assert k in v["memory_kb"], (isa, k)
    assert v["memory_kb"]["pss_mean"] > 0, isa
    for k in ("window_s", "percent_of_one_cpu", "percent_per_instance", "wakeups_per_s"):
        assert v["idle_cpu"][k] is not None and v["idle_cpu"][k] >= 0, (isa, k)
    assert v["stop"]["left_processes"] == 0, isa
PY

"$bench" --instances 0 >"$dir/out" 2>"$dir/err"
[ $? -eq 2 ] || fail "--instances 0 did not exit with status 2"
[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "--instances 0 did not give exactly one line"
for bad in 5001 ten; do
	"$bench" --instances $bad >/dev/null 2>&1
	[ $? -eq 2 ] || fail "--instances $bad did not exit with status 2"
done

"$bench" --reps 0 >"$dir/out" 2>"$dir/err"
[ $? -eq 2 ] || fail "--reps 0 did not exit with status 2"
[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "--reps 0 did not give exactly one line"
"$bench" --isa vax >/dev/null 2>&1
[ $? -eq 2 ] || fail "--isa vax did not exit with status 2"
echo "bench_smoke: ok"
