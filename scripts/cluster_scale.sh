#!/bin/sh
# The testbed at scale (docs/cluster.md): N native instances on one vxvde network, each answering
# a ping from one more instance; prints what they cost (memory, CPU) and how long the round took.
# usage: cluster_scale.sh [BUILD_DIR [N]]
set -u
build=${1:-build}; n=${2:-100}
umol4=$build/bin/umol4; prog=$build/lib/umol4/x86/examples/netecho.elf
group=239.254.$(( $$ / 256 % 256 )).$(( $$ % 256 ))
tmp=$(mktemp -d)
trap 'kill $(cat "$tmp/pids" 2>/dev/null) 2>/dev/null; rm -rf "$tmp"' EXIT
avail() { sed -n 's/^MemAvailable: *\([0-9]*\) kB/\1/p' /proc/meminfo; }
# the instances' kernels and their task processes: resident KiB and CPU seconds, summed
usage() {
  list=$(ps -o pid= --ppid "$(paste -sd, "$tmp/pids")" | tr -d ' ' | grep . | paste -sd,)
  [ -n "$list" ] || { echo "0 0"; return; } # (the kernels run under timeout)
  rss=$(ps -o rss= --pid "$list" --ppid "$list" | awk '{r += $1} END {print r + 0}')
  ticks=$(for p in $(ps -o pid= --pid "$list" --ppid "$list"); do
    sed 's/.*) //' "/proc/$p/stat" 2>/dev/null; done | awk '{t += $12 + $13} END {print t + 0}')
  echo "$rss $(( ticks * 1000 / $(getconf CLK_TCK) ))"
}
mem0=$(avail); t0=$(date +%s%N)
i=1
while [ "$i" -le "$n" ]; do
  mac=$(printf '02:00:00:00:%02x:%02x' $((i / 256)) $((i % 256)))
  timeout -k 2 300 "$umol4" --mem=64 --net=vxvde://$group --mac="$mac" "$prog" pong 1 < /dev/null > "$tmp/pong.$i" 2>&1 &
  echo $! >> "$tmp/pids"
  i=$((i + 1))
done
# every instance is up when its driver has opened the card
for w in $(seq 600); do
  [ "$(cat "$tmp"/pong.* | grep -c 'pong on')" -ge "$n" ] && break
  sleep 0.1
done
t1=$(date +%s%N); mem1=$(avail)
up=$(cat "$tmp"/pong.* | grep -c 'pong on')
echo "$up of $n instances up in $(( (t1 - t0) / 1000000 )) ms"
set -- $(usage)
echo "memory: MemAvailable dropped by $(( (mem0 - mem1) / 1024 )) MiB, $(( (mem0 - mem1) / n )) KiB per instance; resident sets sum to $(( $1 / 1024 )) MiB ($(( $1 / n )) KiB per instance, shared pages counted each time)"
echo "CPU: $2 ms for all of them to start, $(( $2 / n )) ms per instance"
sleep 2
set -- $(usage)
echo "CPU: $2 ms after 2 s of waiting (idle instances sleep)"
timeout -k 2 120 "$umol4" --net=vxvde://$group --mac=02:00:00:ff:ff:01 "$prog" ping 1 "$n" < /dev/null > "$tmp/ping" 2>&1
st=$?
grep -E "^ping:|rounds in" "$tmp/ping"
for p in $(cat "$tmp/pids"); do wait "$p" || st=1; done
rm -f "$tmp/pids"
answered=$(cat "$tmp"/pong.* | grep -c 'answered 1 rounds')
echo "$answered of $n instances answered and ended"
[ "$st" = 0 ] && [ "$answered" = "$n" ]
