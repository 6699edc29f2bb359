#!/bin/sh
# bench_smoke: umol4-bench runs on x86 and arm, its JSON parses and has every key the report
# promises, the charts are well-formed SVG, and a bad option is one line and exit status 2.
# Usage: smoke_test.sh path/to/umol4-bench
set -u
bench=$1
dir=$(mktemp -d /tmp/umol4-bench-smoke.XXXXXX) || exit 1
trap 'rm -rf "$dir"' EXIT
fail() { echo "bench_smoke: $*" >&2; exit 1; }

"$bench" --quick --reps 1 --isa x86,arm --json "$dir/bench.json" --svg "$dir" \
	>"$dir/out" 2>"$dir/err" || { cat "$dir/out" "$dir/err"; fail "umol4-bench failed"; }
grep -q "null system call" "$dir/out" || fail "no table on stdout"

python3 - "$dir" <<'PY' || fail "JSON or SVG check failed"
import json, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
r = json.load(open(d + "/bench.json"))
for k in ("date", "host", "reps", "quick", "baselines", "isas"):
    assert k in r, "missing key " + k
for b in ("getpid", "getpid_int80", "futex_rt_same_cpu", "futex_rt_cross_cpu",
          "spin_rt_cross_cpu", "pipe_rt", "ptrace_rt", "signal_rt", "memcpy_64k", "memfd_touch"):
    assert b in r["baselines"], "missing baseline " + b
for b in ("getpid", "futex_rt_same_cpu"):
    assert r["baselines"][b]["status"] == "ok" and r["baselines"][b]["median"] > 0, b
figures = ("null_syscall", "kernel_entry", "ipc_intra", "ipc_inter_as", "ipc_long_4k", "ipc_long_64k", "pagefault", "bulkmap", "task_new_delete")
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
    for f in ("null_syscall", "kernel_entry", "ipc_intra", "ipc_long_64k", "pagefault", "bulkmap"):
        assert v["figures"][f]["status"] == "ok", (isa, f)
    ET.parse("%s/%s.svg" % (d, isa))
PY

"$bench" --reps 0 >"$dir/out" 2>"$dir/err"
[ $? -eq 2 ] || fail "--reps 0 did not exit with status 2"
[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "--reps 0 did not give exactly one line"
"$bench" --isa vax >/dev/null 2>&1
[ $? -eq 2 ] || fail "--isa vax did not exit with status 2"
echo "bench_smoke: ok"
