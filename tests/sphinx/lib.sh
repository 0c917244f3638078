# lib.sh: run real Sphinx 2.2 processes for the tests (source it after
# tests/tap.sh).  Everything lives in $tmp; every searchd started here is
# stopped by the PID in its pid_file, by the EXIT trap even when a test fails.
need_host "$SPHINX_INDEXER" sphinxsearch "Sphinx indexer"
need_host "$SPHINX_SEARCHD" sphinxsearch "Sphinx searchd"
need_host "$MYSQL_CLIENT" mariadb-client "the mysql client"

tmp=$(mktemp -d) || exit 1
sphx_pids=""          # every searchd started, read from its pid_file at start
sphx_cleanup() {
    for p in $sphx_pids; do kill "$p" 2>/dev/null; done
    for p in $sphx_pids; do           # searchd exits within a second
        n=0
        while kill -0 "$p" 2>/dev/null && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
        kill -9 "$p" 2>/dev/null
    done
    rm -rf "$tmp"
}
trap sphx_cleanup EXIT
trap 'exit 1' INT TERM HUP

# The module from this build: libtool keeps it in .libs until installed.
# A sanitizer build cannot load its instrumented module into Debian's
# indexer; it builds an uninstrumented copy for these tests instead
# (plugin/sphinx/local.mk).
plugin_dir="$top_builddir/.libs"
if ldd "$plugin_dir/libtoponorm.so" 2>/dev/null | grep -q libasan; then
    plugin_dir="$top_builddir/tests/sphinx/host/.libs"
    if [ ! -f "$plugin_dir/toponorm_sphinx.so" ]; then
        echo "Bail out! sanitizer build without $plugin_dir/toponorm_sphinx.so"; exit 1
    fi
fi

# The charset_table the README asks for: digits, Latin, Cyrillic with the
# Ukrainian letters, case kept (the filter folds, and the analyzer reads
# capitals), and the apostrophes as U+27 (so Donets'k and Слов'янськ stay one
# word).
charset='0..9, A..Z, a..z, U+27, U+2019->U+27, U+2BC->U+27, U+410..U+44F, U+401, U+451, U+404, U+454, U+406, U+456, U+407, U+457, U+490, U+491'

# sphx_index NAME TSV: the config lines of a plain index over a TSV file
# (id<TAB>body), filtered by toponorm.  Hyphens blend: Івано-Франківськ is
# indexed whole (the filter adds the compound's key) and as its parts.
sphx_index() {
    cat <<CONF
source src_$1
{
    type = tsvpipe
    tsvpipe_command = cat $2
    tsvpipe_field = body
}
index $1
{
    source = src_$1
    path = $tmp/$1
    docinfo = extern
    dict = keywords
    min_word_len = 2
    charset_table = $charset
    blend_chars = -, U+2010
    index_token_filter = toponorm_sphinx.so:toponorm:lexicon=$TOPONORM_LEXICON
}
CONF
}

# sphx_rt_index NAME: the config lines of a real-time index filtered by
# toponorm (searchd itself loads the module for INSERT).
sphx_rt_index() {
    cat <<CONF
index $1
{
    type = rt
    path = $tmp/$1
    rt_field = body
    rt_attr_uint = gid
    dict = keywords
    min_word_len = 2
    charset_table = $charset
    index_token_filter = toponorm_sphinx.so:toponorm:lexicon=$TOPONORM_LEXICON
}
CONF
}

# sphx_searchd NAME MYSQL_PORT API_PORT: the common and searchd sections
# of node NAME (127.0.0.1 only, no binlog, no watchdog process, everything
# in $tmp).
sphx_searchd() {
    cat <<CONF
common
{
    plugin_dir = $plugin_dir
}
indexer
{
    mem_limit = 32M
}
searchd
{
    listen = 127.0.0.1:$2:mysql41
    listen = 127.0.0.1:$3
    log = $tmp/$1.log
    query_log = $tmp/$1.query.log
    pid_file = $tmp/$1.pid
    binlog_path =
    workers = threads
    watchdog = 0
    read_timeout = 5
}
CONF
}

# sphx_run_indexer CONF INDEX...: build indexes; the indexer's output goes to $tmp.
sphx_run_indexer() {
    sphx_conf=$1; shift
    "$SPHINX_INDEXER" --config "$sphx_conf" "$@" > "$tmp/indexer.out" 2>&1
}

# sphx_start NAME CONF PORT: start searchd, note its PID for the trap, and
# wait until it answers on its MySQL port.
sphx_start() {
    "$SPHINX_SEARCHD" --config "$2" > "$tmp/$1.out" 2>&1 || return 1
    n=0                               # the daemon writes its pid_file soon after
    while [ ! -s "$tmp/$1.pid" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
    [ -s "$tmp/$1.pid" ] || return 1
    sphx_pids="$sphx_pids $(cat "$tmp/$1.pid")"
    n=0
    while [ $n -lt 100 ]; do
        "$MYSQL_CLIENT" -h127.0.0.1 -P"$3" --protocol=tcp -e 'SHOW STATUS' >/dev/null 2>&1 && return 0
        sleep 0.1; n=$((n + 1))
    done
    return 1
}

# sphx_query PORT INDEX USER-QUERY: the sorted ids MATCH finds for the
# expression `toponorm analyze --query --format sphinx` writes for the query
# (or mysql's error message).
sphx_sql() {  # sphx_sql PORT STATEMENT: its rows, tab-separated, or the error
    "$MYSQL_CLIENT" -h127.0.0.1 -P"$1" --protocol=tcp -N -B -e "$2" 2>&1 | grep -v -- '^--------------$'
}
sphx_expr() { printf '%s\n' "$1" | "$TOPONORM" analyze --query --format sphinx; }
sphx_query() {
    sphx_e=$(sphx_expr "$3" | sed "s/\\\\/\\\\\\\/g; s/'/\\\\'/g")
    "$MYSQL_CLIENT" -h127.0.0.1 -P"$1" --protocol=tcp -N -B \
        -e "SELECT id FROM $2 WHERE MATCH('$sphx_e') ORDER BY id ASC LIMIT 1000" 2>&1 |
        tr '\n' ' ' | sed 's/ $//'
}
