#!/bin/sh
# Several hosts on one machine (docs/cluster.md, "Several hosts"): three network namespaces stand
# for three hosts, each with a veth link to a bridge in a fourth (the switch), an address and a
# multicast route; instances in different namespaces join one vxvde group and exchange frames.
# This variant pings from host A; a native ia32 instance on host B and one of this variant on
# host C answer. The namespaces go away whatever happens (trap). Without the right to create
# namespaces (not root, no CAP_NET_ADMIN) the test is skipped (status 77) with a reason.
# usage: netns_test.sh UMOL4 LIBDIR/<isa> [--emulate]
set -u
umol4=$1; lib=$2; shift 2
x86=$(dirname "$lib")/x86
tag=u4n$$
sw=${tag}s
tmp=$(mktemp -d)
cleanup() {
  for ns in "${tag}a" "${tag}b" "${tag}c" "$sw"; do
    pids=$(ip netns pids "$ns" 2>/dev/null)
    [ -n "$pids" ] && kill -9 $pids 2>/dev/null
    ip netns del "$ns" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE

command -v ip > /dev/null || { echo "SKIP: no ip command (Debian iproute2)"; exit 77; }
if ! ip netns add "$sw" 2> "$tmp/err"; then
  echo "SKIP: cannot create network namespaces (needs root or CAP_NET_ADMIN): $(head -n1 "$tmp/err")"
  exit 77
fi
set -e
ip -n "$sw" link add br0 type bridge mcast_snooping 0
ip -n "$sw" link set br0 up
n=1
for h in a b c; do
  ns=$tag$h
  ip netns add "$ns"
  ip link add veth0 netns "$ns" type veth peer name "p$h" netns "$sw"
  ip -n "$sw" link set "p$h" master br0 up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "10.77.0.$n/24" dev veth0
  ip -n "$ns" link set veth0 up
  ip -n "$ns" route add 224.0.0.0/4 dev veth0   # multicast goes out on the link to the switch
  n=$((n + 1))
done
set +e
# a group of our own: several variants of this test may run at once
net=--net=vxvde://239.252.$(( $$ / 256 % 256 )).$(( $$ % 256 ))

ip netns exec "${tag}b" timeout -k 2 60 "$umol4" "$net" --mac=02:00:00:0b:00:01 \
  "$x86/examples/netecho.elf" pong 3 > "$tmp/pong.b" 2>&1 < /dev/null &
pb=$!
ip netns exec "${tag}c" timeout -k 2 60 "$umol4" "$@" "$net" --mac=02:00:00:0c:00:01 \
  "$lib/examples/netecho.elf" pong 3 > "$tmp/pong.c" 2>&1 < /dev/null &
pc=$!
ip netns exec "${tag}a" timeout -k 2 60 "$umol4" "$@" "$net" --mac=02:00:00:0a:00:01 \
  "$lib/examples/netecho.elf" ping 3 2 > "$tmp/ping" 2>&1 < /dev/null
st=$?
fail=0
wait "$pb" || fail=1
wait "$pc" || fail=1
if [ "$st" != 0 ] || [ "$fail" != 0 ] || ! grep -q "^ping: 3 rounds, 2 peers each$" "$tmp/ping" ||
   ! grep -q "reply 2 from 02:00:00:0b:00:01" "$tmp/ping" ||
   ! grep -q "reply 2 from 02:00:00:0c:00:01" "$tmp/ping" ||
   ! grep -q "^pong: answered 3 rounds$" "$tmp/pong.b" || ! grep -q "^pong: answered 3 rounds$" "$tmp/pong.c"; then
  echo "FAIL: ping status $st"
  for f in ping pong.b pong.c; do echo "--- $f"; cat "$tmp/$f"; done
  exit 1
fi
echo "ok: 3 rounds from host A to hosts B and C (namespaces $tag{a,b,c}, switch $sw): $(grep "rounds in" "$tmp/ping")"
