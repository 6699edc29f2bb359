#!/bin/sh
# The demo of `make run`: the same L4 program booted on every ISA from this one x86-64 host.
set -u
build=${1:-build}
status=0
for isa in x86 arm mips mipsel; do
  case $isa in
    x86) how="ia32, native";;
    arm) how="ARM, qemu-arm";;
    mips) how="MIPS big-endian, qemu-mips";;
    mipsel) how="MIPS little-endian, qemu-mipsel";;
  esac
  echo "=== $isa ($how) ==="
  "$build/bin/umol4" "$build/lib/umol4/$isa/examples/demo.elf" || status=$?
  echo
done
exit $status
