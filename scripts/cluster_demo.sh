#!/bin/sh
# A small cluster on one host (docs/cluster.md): one instance per ISA (x86, arm, mips, mipsel)
# answers probes on a vxvde network (UDP multicast, no switch process), and a fifth instance (x86
# under qemu-i386) pings them all: each round ends when all four have answered.
# usage: cluster_demo.sh [BUILD_DIR [ROUNDS]]; `make cluster` runs it.
set -u
build=${1:-build}; rounds=${2:-3}
umol4=$build/bin/umol4; lib=$build/lib/umol4
# a group of our own, so that demos running at the same time do not answer each other
group=239.255.$(( $$ / 256 % 256 )).$(( $$ % 256 ))
net=--net=vxvde://$group
pids=
trap 'for p in $pids; do kill "$p" 2>/dev/null; done' EXIT
n=1
for isa in x86 arm mips mipsel; do
  timeout -k 2 60 "$umol4" "$net" --mac=02:00:00:00:00:0$n "$lib/$isa/examples/netecho.elf" pong "$rounds" \
    < /dev/null | sed "s/^/[$isa] /" &
  pids="$pids $!"
  n=$((n + 1))
done
timeout -k 2 60 "$umol4" --emulate "$net" --mac=02:00:00:00:00:09 "$lib/x86/examples/netecho.elf" ping "$rounds" 4 \
  < /dev/null | sed "s/^/[ping] /"
st=$?
for p in $pids; do wait "$p" || st=1; done
pids=
exit $st
