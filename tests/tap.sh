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
