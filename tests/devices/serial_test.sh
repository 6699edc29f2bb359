#!/bin/sh
# The UART on a pty (docs/devices.md): umol4 --serial=pty prints the pty's path at start, a
# terminal program attached to it talks to the UART driver (user/examples/uart.c), and the
# instance ends normally; a bad --serial value is one line and status 2.
# usage: serial_test.sh UMOL4 LIBDIR/<isa> [--emulate]
set -u
umol4=$1; lib=$2; shift 2
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0

timeout -k 2 20 "$umol4" "$@" --serial=bogus "$lib/examples/uart.elf" > "$tmp/out" 2> "$tmp/err" < /dev/null
st=$?
if [ "$st" != 2 ] || [ "$(wc -l < "$tmp/err")" != 1 ] || ! grep -q -- "--serial wants" "$tmp/err"; then
  echo "FAIL: --serial=bogus: status $st:"; cat "$tmp/err"; fail=1
else
  echo "ok: --serial=bogus: $(cat "$tmp/err")"
fi

timeout -k 2 20 "$umol4" "$@" --serial=none "$lib/examples/uart.elf" > "$tmp/out" 2> "$tmp/err" < /dev/null
st=$?
if [ "$st" != 1 ] || ! grep -q "^uart: no UART" "$tmp/out"; then
  echo "FAIL: --serial=none: status $st, the driver said:"; cat "$tmp/out" "$tmp/err"; fail=1
else
  echo "ok: --serial=none: the device table has no UART"
fi

timeout -k 2 30 "$umol4" "$@" --serial=pty "$lib/examples/uart.elf" > "$tmp/out" 2> "$tmp/err" < /dev/null &
pid=$!
pty=
for i in $(seq 100); do
  pty=$(sed -n 's/^umol4: serial port uart0 on \(.*\)$/\1/p' "$tmp/err")
  [ -n "$pty" ] && break
  sleep 0.1
done
if [ -z "$pty" ] || [ ! -c "$pty" ]; then
  echo "FAIL: no pty path on stderr:"; cat "$tmp/err"; exit 1
fi
echo "ok: the UART is on $pty"
# the terminal side: read what the driver sends until it says bye, answer after its greeting
timeout 20 cat "$pty" > "$tmp/term" 2>/dev/null &
reader=$!
for i in $(seq 100); do
  grep -q "hello" "$tmp/term" && break
  sleep 0.1
done
# the answer is read while the instance runs: what a pty's master sends right before it closes
# may be lost to the terminal (the hang-up discards it), so "bye" is not required
printf 'over the pty\r' > "$pty"
for i in $(seq 100); do
  grep -q "OVER THE PTY" "$tmp/term" && break
  sleep 0.1
done
printf 'quit\r' > "$pty"
wait "$pid"; st=$?; pid=
kill "$reader" 2>/dev/null
tr -d '\r' < "$tmp/term" > "$tmp/lines"
if [ "$st" != 0 ] || ! grep -q "^uart: hello from a 16550A driver" "$tmp/lines" ||
   ! grep -q "^uart: OVER THE PTY$" "$tmp/lines"; then
  echo "FAIL: status $st; the terminal saw:"; cat "$tmp/lines"; echo "stderr:"; cat "$tmp/err"; fail=1
else
  echo "ok: the driver answered over the pty"
fi
if [ -s "$tmp/out" ]; then
  echo "FAIL: the UART's output went to stdout too:"; cat "$tmp/out"; fail=1
fi
exit $fail
