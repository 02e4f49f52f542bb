#!/usr/bin/env bash
# What the notifications outbox (issue 22) adds to the two writes it must not slow:
# logging one release and the first nightly run, on the 100,000-company portfolio,
# timed with hyperfine against the binary of the commit before the outbox.
#
#     bench/outbox-overhead.sh OLD_BIN NEW_BIN
#
# OLD_BIN: git worktree add /tmp/pre f18cda6 && swift build -c release -Xswiftc
# -static-stdlib --package-path /tmp/pre. The target is at most 10% each.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: bench/outbox-overhead.sh OLD_BIN NEW_BIN" >&2; exit 64; }
old=$(realpath "$1") new=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export LIFELINE_TODAY=2026-01-15
"$old" init --db fresh-old.db > /dev/null
python3 "$here/generate.py" fresh-old.db 100000
cp fresh-old.db fresh-new.db
"$new" migrate --db fresh-new.db > /dev/null
for side in old new; do
    cp "fresh-$side.db" "settled-$side.db"
    "${!side}" reassess --quiet --db "settled-$side.db" > /dev/null
    sqlite3 "settled-$side.db" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
done
log="release log openai/model-1 --on 2026-01-10 --capability function-calling"
hyperfine --runs 15 --prepare "cp settled-old.db w-old.db; rm -f w-old.db-*; cp settled-new.db w-new.db; rm -f w-new.db-*; sync" \
    "$old $log --db w-old.db" "$new $log --db w-new.db"
hyperfine --runs 3 --prepare "cp fresh-old.db f-old.db; rm -f f-old.db-*; cp fresh-new.db f-new.db; rm -f f-new.db-*; sync" \
    "$old reassess --quiet --db f-old.db" "$new reassess --quiet --db f-new.db"
