#!/bin/sh
# bench_cluster_smoke: umol4-bench --cluster 4 --quick on x86 and arm: three instances answer the
# fourth's ping, the JSON has every key docs/performance.md names, and no process of the run is
# left (it runs in a session of its own); bad --cluster values are one line and status 2. The
# figures themselves are not asserted.
# Usage: cluster_smoke_test.sh path/to/umol4-bench
set -u
bench=$1
dir=$(mktemp -d /tmp/umol4-cluster-smoke.XXXXXX) || exit 1
trap 'rm -rf "$dir"' EXIT
fail() { echo "bench_cluster_smoke: $*" >&2; exit 1; }
. "$(dirname "$0")/smoke_lib.sh"

in_session --cluster 4 --quick --isa x86,arm --json "$dir/cluster.json"
grep -q "ping: instances that answered *3 of 3" "$dir/out" || { cat "$dir/out"; fail "no answers in the table"; }
python3 - "$dir/cluster.json" <<'PY' || fail "--cluster JSON check failed"
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("date", "host", "loadavg", "host_limits", "cluster"):
    assert k in r, "missing key " + k
assert sorted(r["cluster"]) == ["arm", "x86"], r["cluster"].keys()
for isa, v in r["cluster"].items():
    assert v["status"] == "ok" and v["requested"] == 3 and v["started"] == 3, (isa, v["note"])
    n = v["network"]
    for k in ("url", "instances", "peers", "answered", "ping_status", "reach_all_ms",
              "round_cpu_ms_per_instance"):
        assert k in n, (isa, "network", k)
    assert n["url"].startswith("vxvde://239.") and n["instances"] == 4, (isa, n)
    assert n["peers"] == 3 and n["answered"] == 3 and n["ping_status"] == 0, (isa, n)
    assert n["reach_all_ms"] > 0 and n["round_cpu_ms_per_instance"] >= 0, (isa, n)
    for k in ("pss_median", "pss_mean", "pss_kernel_mean", "pss_tasks_mean"):
        assert v["memory_kb"][k] > 0, (isa, k)
    for k in ("percent_per_instance", "wakeups_per_s", "start_ms_per_instance"):
        assert v["idle_cpu"][k] is not None and v["idle_cpu"][k] >= 0, (isa, k)
    assert v["stop"]["left_processes"] == 0, isa
PY

for bad in 1 1001 four "4 --instances 4" "4 --reps 2"; do
	# shellcheck disable=SC2086 # the bad values are several words on purpose
	"$bench" --cluster $bad >"$dir/out" 2>"$dir/err"
	[ $? -eq 2 ] || fail "--cluster $bad did not exit with status 2"
	[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "--cluster $bad did not give exactly one line"
done
echo "bench_cluster_smoke: ok"
