#!/usr/bin/env bash
# Shows that a refactor changed no output: runs bench/output-session.sh with both
# binaries and diffs everything they printed and wrote.
#
#     bench/compare-outputs.sh OLD_BIN NEW_BIN
#
# Build the old binary from the commit before the change (git worktree add /tmp/old REV
# && swift build -c release --package-path /tmp/old). Exits 0 when every byte is the
# same, 1 with the diff otherwise.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: bench/compare-outputs.sh OLD_BIN NEW_BIN" >&2; exit 64; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/output-session.sh" "$1" "$work/old" &
"$here/output-session.sh" "$2" "$work/new" &
wait
files=$(find "$work/old" -type f | wc -l)
if diff -r "$work/old" "$work/new" >"$work/diff"; then
    echo "same output: $files files compared"
else
    cat "$work/diff"
    echo "outputs differ (above)" >&2
    exit 1
fi
