#!/bin/sh
# The network card (docs/cluster.md): two instances on one VDE switch exchange Ethernet frames
# through the virtio-net driver (user/examples/netecho.c): this variant pings, a native ia32
# instance answers, so the frames also cross ISAs; bad --net and --mac values are one line and
# status 2.
# usage: net_test.sh UMOL4 LIBDIR/<isa> [--emulate]
set -u
umol4=$1; lib=$2; shift 2
x86=$(dirname "$lib")/x86
tmp=$(mktemp -d)
pong=
trap '[ -n "$pong" ] && kill "$pong" 2>/dev/null; [ -f "$tmp/sw.pid" ] && kill "$(cat "$tmp/sw.pid")" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
expect2() { # description, then umol4 arguments
  what=$1; shift
  timeout -k 2 20 "$umol4" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null; st=$?
  if [ "$st" != 2 ] || [ "$(wc -l < "$tmp/err")" != 1 ]; then
    echo "FAIL: $what: status $st:"; cat "$tmp/err"; fail=1
  else
    echo "ok: $what: $(cat "$tmp/err")"
  fi
}
expect2 "--net without a URL" --net=bogus "$lib/examples/netecho.elf" pong
expect2 "--net to no switch" --net="vde://$tmp/no-switch" "$lib/examples/netecho.elf" pong
expect2 "multicast --mac" --mac=01:00:00:00:00:01 "$lib/examples/netecho.elf" pong
expect2 "bad --mac" --mac=02:00:00 "$lib/examples/netecho.elf" pong

vde_switch -s "$tmp/sw" -d -p "$tmp/sw.pid" > /dev/null 2>&1 || { echo "FAIL: vde_switch"; exit 1; }
for i in $(seq 50); do [ -e "$tmp/sw/ctl" ] && break; sleep 0.1; done
timeout -k 2 60 "$umol4" --net="vde://$tmp/sw" --mac=02:00:00:00:00:02 "$x86/examples/netecho.elf" pong 3 \
  > "$tmp/pong.out" 2> "$tmp/pong.err" < /dev/null &
pong=$!
timeout -k 2 60 "$umol4" "$@" --net="vde://$tmp/sw" --mac=02:00:00:00:00:01 "$lib/examples/netecho.elf" ping 3 \
  > "$tmp/ping.out" 2> "$tmp/ping.err" < /dev/null
st=$?
wait "$pong"; pst=$?; pong=
if [ "$st" != 0 ] || [ "$pst" != 0 ] || ! grep -q "^ping: 3 rounds, 1 peers each$" "$tmp/ping.out" ||
   ! grep -q "^pong: answered 3 rounds$" "$tmp/pong.out" ||
   ! grep -q "reply 2 from 02:00:00:00:00:02" "$tmp/ping.out"; then
  echo "FAIL: ping status $st, pong status $pst"
  for f in ping.out ping.err pong.out pong.err; do echo "--- $f"; cat "$tmp/$f"; done
  fail=1
else
  echo "ok: 3 rounds there and back: $(grep "rounds in" "$tmp/ping.out")"
fi
exit $fail
