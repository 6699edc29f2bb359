#!/bin/sh
# Compiles an L4Env-style program with umol4-cc when the test runs (so that a program that does
# not compile or link against umol4's headers and libl4 fails its test, not the build), then runs
# it with the command that follows (run_l4.sh, see umol4_test in tests/CMakeLists.txt).
# usage: l4env_test.sh UMOL4-CC ISA "SOURCES" "EXTRA CFLAGS" COMMAND [ARGS...],
#        where the program in the command's arguments is written @PROG@.
set -u
cc=$1 isa=$2 srcs=$3 cflags=$4
shift 4
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# The warnings 2003 L4Env code meets first on a modern gcc are errors here (gcc >= 14 makes them
# errors by default).
# shellcheck disable=SC2086 # the source and flag lists are word lists on purpose
if ! "$cc" --arch="$isa" -Wall -Wextra -Werror -Werror=incompatible-pointer-types \
	-Werror=int-conversion $cflags -o "$tmp/prog.elf" $srcs > "$tmp/cc.log" 2>&1; then
	echo "FAIL: umol4-cc --arch=$isa did not build $srcs:"
	head -40 "$tmp/cc.log"
	exit 1
fi
for a do
	shift
	[ "$a" = @PROG@ ] && a=$tmp/prog.elf
	set -- "$@" "$a"
done
"$@"
