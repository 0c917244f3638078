# tap.sh: TAP helpers for shell tests (source it).  Every case is reported.
tap_n=0
tap_failed=0
ok() {  # ok COND_STATUS NAME
    tap_n=$((tap_n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $tap_n - $2"; else echo "not ok $tap_n - $2"; tap_failed=$((tap_failed + 1)); fi
}
is() {  # is GOT EXPECTED NAME
    tap_n=$((tap_n + 1))
    if [ "$1" = "$2" ]; then echo "ok $tap_n - $3"; else
        echo "not ok $tap_n - $3"; echo "#      got: $1"; echo "# expected: $2"; tap_failed=$((tap_failed + 1)); fi
}
diag() { echo "# $*"; }
done_testing() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
# need_host PATH PACKAGE WHAT: a test that needs a real host program skips
# (TAP "1..0 # SKIP") when it is missing, unless TOPONORM_REQUIRE_HOSTS=1
# (CI), where a missing host is a failure.
need_host() {
    if [ -n "$1" ] && [ -x "$1" ]; then return 0; fi
    if [ "${TOPONORM_REQUIRE_HOSTS:-0}" = 1 ]; then
        echo "Bail out! $3 not found: install the Debian package $2"; exit 1
    fi
    echo "1..0 # SKIP $3 not found: install the Debian package $2"; exit 0
}
# free_port: a TCP port on 127.0.0.1 that was free a moment ago.
free_port() { "$top_builddir/tests/freeport"; }
