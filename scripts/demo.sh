#!/bin/sh
# The demo of `make run`: the same L4 program booted on every ISA from this one x86-64 host.
set -u
build=${1:-build}
status=0
for isa in x86 arm mips mipsel riscv; do
  case $isa in
    x86) how="ia32, native";;
    arm) how="ARM, qemu-arm";;
    mips) how="MIPS big-endian, qemu-mips";;
    mipsel) how="MIPS little-endian, qemu-mipsel";;
    riscv) how="RISC-V RV32, qemu-riscv32";;
  esac
  lib=$build/lib/umol4/$isa
  echo "=== $isa ($how) ==="
  "$build/bin/umol4" "$lib/examples/demo.elf" || status=$?
  echo "--- a three-task system: client, server and a chief filtering their messages"
  "$build/bin/umol4" "$lib/examples/system.cfg" || status=$?
  echo
done
exit $status
