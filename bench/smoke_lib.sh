# Shared by the umol4-bench smoke tests (sourced; $dir and fail() come from the test).
# in_session ARGS...: runs umol4-bench ARGS in a session of its own, stdout to $dir/out, stderr to
# $dir/err, and fails the test unless it succeeds and no process of that session is left after
# it (umol4-bench must leave none).
in_session() {
	setsid -w sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$dir/sid" "$bench" "$@" \
		>"$dir/out" 2>"$dir/err" || { cat "$dir/out" "$dir/err"; fail "umol4-bench $* failed"; }
	left=$(ps -e -o sid= -o pid= -o args= | awk -v s="$(cat "$dir/sid")" '$1 == s')
	[ -z "$left" ] || fail "processes left after umol4-bench $*: $left"
}
