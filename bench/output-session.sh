#!/usr/bin/env bash
# Runs a fixed set of lifeline commands with one binary and keeps everything they print:
#
#     bench/output-session.sh BIN OUT
#
# Each command's stdout, stderr and exit code go to OUT/NNN-name.{out,err,rc}; the files a
# command writes (HTML report, export, backup) and a dump of every table and view after
# each stage go there too. Nothing depends on the clock: LIFELINE_TODAY is fixed and the
# instants SQLite stamps on rows (logged_at, applied_at, ...) are replaced by a marker.
# bench/compare-outputs.sh runs it with two binaries and diffs the results.
set -uo pipefail

bin=$(realpath "$1")
out=$(realpath -m "$2")
here=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$here/../shared/fixtures"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# The documented session types `lifeline`: this binary, whatever its file is called.
mkdir bin && ln -s "$bin" bin/lifeline
export LIFELINE_TODAY=2023-12-01 LANG=C.UTF-8
unset LIFELINE_DB

step=0
stamp='s/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z?/<instant>/g'

# run NAME ARGS...: one command, its outputs kept under NAME.
run() {
    local name=$1; shift
    step=$((step + 1))
    local base; base=$(printf '%s/%03d-%s' "$out" "$step" "$name")
    "$bin" "$@" >"$base.out" 2>"$base.err" </dev/null
    echo $? >"$base.rc"
    sed -i -E "$stamp" "$base.out" "$base.err"
}

# dump NAME DB: every table and view, rows in a fixed order (by every column, so that
# a view's rows do not come in the order of SQLite's plan), instants masked.
dump() {
    local name=$1 db=$2
    step=$((step + 1))
    local file; file=$(printf '%s/%03d-%s.dump' "$out" "$step" "$name")
    for object in $(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
        echo "== $object"
        local order; order=$(sqlite3 "$db" "SELECT group_concat(cid + 1, ', ') FROM pragma_table_info('$object')")
        sqlite3 -header -csv "$db" "SELECT * FROM \"$object\" ORDER BY $order" 2>&1
    done | sed -E "$stamp" >"$file"
}

# keep NAME PATH: a file or directory a command wrote.
keep() {
    step=$((step + 1))
    local target; target=$(printf '%s/%03d-%s' "$out" "$step" "$1")
    cp -r "$2" "$target"
    find "$target" -type f -exec sed -i -E "$stamp" {} +
}

# The documented session of docs/cli.md, command by command.
session() {
    local db=$1
    awk '/^```console/{on=1; next} /^```/{on=0} on && /^\$ /{sub(/^\$ /, ""); print}' "$here/docs/cli.md" |
    while IFS= read -r command; do
        case "$command" in
            export*) eval "$command"; continue ;;
        esac
        step=$((step + 1))
        local base; base=$(printf '%s/%03d-session' "$out" "$step")
        (cd "$db" && PATH="$work/bin:$PATH" eval "$command") >"$base.out" 2>"$base.err" </dev/null
        echo $? >"$base.rc"
        sed -i -E "$stamp" "$base.out" "$base.err"
    done
}

# Every read of a portfolio: the formats of each reading command.
read_all() {
    local db=$1 as_of=$2
    for format in table json markdown html; do
        run "report-$format" report --db "$db" --as-of "$as_of" --format "$format"
    done
    for format in table json jsonl csv tsv markdown; do
        run "company-list-$format" company list --db "$db" --format "$format"
        run "release-list-$format" release list --db "$db" --format "$format"
    done
    run release-list-touching release list --touching --db "$db" --format csv
    for company in $(sqlite3 "$db" "SELECT slug FROM companies ORDER BY slug LIMIT 40"); do
        run "show-$company" company show "$company" --db "$db"
        run "show-json-$company" company show "$company" --db "$db" --format json
        run "history-$company" history "$company" --db "$db"
        run "history-json-$company" history "$company" --db "$db" --format json
    done
    for release in $(sqlite3 "$db" "SELECT id FROM releases ORDER BY id LIMIT 10"); do
        run "release-show-$release" release show "$release" --db "$db"
    done
    run provider-list provider list --db "$db" --format csv
    run model-list model list --db "$db" --format csv
    run capability-list capability list --db "$db" --format csv
    run dry-run-full reassess --db "$db" --dry-run --full --as-of "$as_of" --format json
    run whatif-1 whatif openai/gpt-5 --capability agents --capability file-upload --db "$db"
    run whatif-2 whatif anthropic/claude-9 --capability office-integration --on 2023-10-01 --db "$db" --format json
    for query in $(ls "$here/docs/queries" | sed 's/\.sql$//'); do
        if [ "$query" = ending-within ]; then
            run "saved-$query" sql --saved "$query" --db "$db" --format csv --param days=90
        else
            run "saved-$query" sql --saved "$query" --db "$db" --format csv
        fi
    done
    run doctor doctor --db "$db"
    run migrate-status migrate --status --db "$db"
    rm -rf export
    run export export --db "$db" --out export
    keep export export
}

# 1. The documented session.
mkdir session
session "$work/session"
dump session session/portfolio.db
read_all session/portfolio.db 2023-12-01

# 2. The demo, on two days.
run demo demo --db demo.db
dump demo demo.db
read_all demo.db 2023-12-01
run demo-past demo --db demo-past.db --as-of 2023-11-10
run report-past report --db demo-past.db --as-of 2023-11-10 --format html
dump demo-past demo-past.db
run backup backup demo-copy.db --db demo.db
rm -rf export && "$bin" export --db demo.db --out export >/dev/null 2>&1
run init-restored init --db restored.db
run restore restore export --db restored.db
dump restored restored.db

# 3. A spreadsheet, then releases logged by hand and writes that fail.
run init-sheet init --db sheet.db
run sheet-models import models-dev "$here/Tests/Fixtures/models-dev-sample.json" --db sheet.db
run sheet-provider provider add microsoft --name Microsoft --db sheet.db
run sheet-dry company import "$here/docs/examples/portfolio.csv" --db sheet.db --dry-run
run sheet company import "$here/docs/examples/portfolio.csv" --db sheet.db
run log-1 release log openai/chatgpt --create-model --on 2023-07-06 --capability file-upload --db sheet.db
run log-2 release log microsoft/m365-copilot --create-model --on 2023-11-01 --kind launch --capability office-integration --db sheet.db
run log-3 release log openai/gpt-3.5-turbo --on 2023-11-20 --kind retirement --db sheet.db
run log-dup release log openai/chatgpt --on 2023-07-06 --capability file-upload --db sheet.db
run log-typo release log opnai/chatgpt --on 2023-07-06 --capability file-upload --db sheet.db
run log-badcap release log openai/chatgpt --on 2023-07-06 --capability file-uplod --db sheet.db
run log-nocap release log openai/chatgpt --on 2023-07-06 --db sheet.db
run log-kind-nocap release log openai/chatgpt --on 2023-07-06 --kind capability --db sheet.db
run log-retire-cap release log openai/chatgpt --on 2023-07-06 --kind retirement --capability vision --db sheet.db
run add-no-since company add newco --tier 3 --db sheet.db
run edit-nothing company edit papertalk --db sheet.db
run log-future reassess --as-of 2024-01-01 --db sheet.db
run bad-date company invest deckly --on 2023-02-29 --amount 1M --db sheet.db
run bad-amount company invest deckly --on 2023-02-28 --amount 1.2.3 --db sheet.db
run bad-slug provider add "Open AI" --db sheet.db
run bad-company company show dekcly --db sheet.db
run bad-dismiss dismiss papertalk 1 --reason none --db sheet.db
copilot=$(sqlite3 sheet.db "SELECT r.id FROM releases r JOIN models m ON m.id = r.model_id WHERE m.slug = 'm365-copilot'")
run dismiss dismiss deckly "$copilot" --reason "brand-true decks" --until 2024-03-01 --db sheet.db
run edit company edit papertalk --tier 6 --db sheet.db
run rebuild company rebuild deckly --on 2023-11-15 --note "on Copilot" --db sheet.db
run unexpose company unexpose papertalk file-upload --db sheet.db
run undepend company undepend papertalk openai/gpt-3.5-turbo --db sheet.db
run undismiss undismiss deckly "$copilot" --db sheet.db
run release-remove release remove 3 --db sheet.db
run remove-refused company remove deckly --db sheet.db
run remove company remove deckly --yes --db sheet.db
run reassess reassess --db sheet.db --format json
run reassess-quiet reassess --db sheet.db --quiet
run sql sql "SELECT company, status, lifeline_end FROM v_company_lifeline" --db sheet.db --format json
run sql-refused sql "PRAGMA journal_mode = delete" --db sheet.db
run no-db company list --db missing.db
dump sheet sheet.db
read_all sheet.db 2023-12-01

# 4. The catalogues: the samples, then the whole fixtures when present.
run init-catalogue init --db catalogue.db
run models-dev import models-dev "$here/Tests/Fixtures/models-dev-sample.json" --db catalogue.db
run litellm import litellm "$here/Tests/Fixtures/litellm-sample.json" --db catalogue.db
dump catalogue catalogue.db
if [ -f "$fixtures/models-dev-api.json" ]; then
    run init-full init --db full.db
    run models-dev-full import models-dev "$fixtures/models-dev-api.json" --db full.db
    run litellm-full import litellm "$fixtures/litellm-model-prices.json" --db full.db
    dump full full.db
fi

# 5. A synthetic portfolio of 1,000 companies (bench/generate.py), nightly runs over it.
run init-bench init --db bench.db
python3 "$here/bench/generate.py" bench.db 1000 >/dev/null
run bench-first reassess --db bench.db --as-of 2023-06-01 --format json
run bench-second reassess --db bench.db --format json
run bench-full reassess --db bench.db --full --format json
run bench-log release log openai/model-1 --on 2023-11-20 --capability function-calling --db bench.db
run bench-rare release log anthropic/model-2 --on 2023-11-21 --capability bench-rare --db bench.db
dump bench bench.db
read_all bench.db 2023-12-01
