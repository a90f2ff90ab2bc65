#!/usr/bin/env bash
# Runs the libFuzzer targets one after another (docs/fuzzing.md), each for SECONDS (default 600)
# at the lowest priority. Usage: tests/fuzz/run-fuzz.sh BUILD_DIR [SECONDS] [TARGET...]
# BUILD_DIR is a build configured with CC=clang CXX=clang++ -DRECTRACK_FUZZ=ON. Seeds are copied
# from tests/data into BUILD_DIR/fuzz/seeds; the growing corpora stay in BUILD_DIR/fuzz/corpus and
# crashes in BUILD_DIR/fuzz/artifacts (none of them is committed).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?build dir}" && pwd)
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv_reader xlsx_reader ledger_recognizer)
work=$build/fuzz
mkdir -p "$work"/seeds/{csv,xlsx} "$work"/corpus "$work"/artifacts
cp "$src"/tests/data/shared/ledgers/*.csv "$work"/seeds/csv/
cp "$src"/tests/data/shared/ledgers/*.xlsx "$src"/tests/data/ledgers/*.xlsx "$work"/seeds/xlsx/
for t in "${targets[@]}"; do
    case $t in
        csv_reader) seeds=("$work"/seeds/csv) ;;
        xlsx_reader) seeds=("$work"/seeds/xlsx) ;;
        *) seeds=("$work"/seeds/csv "$work"/seeds/xlsx) ;;
    esac
    mkdir -p "$work/corpus/$t"
    nice -n 19 "$build/tests/fuzz/fuzz_$t" "$work/corpus/$t" "${seeds[@]}" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-" \
        >"$work/log-$t.txt" 2>&1 || echo "fuzz_$t stopped with exit code $?: see $work/log-$t.txt"
    grep -E '^stat::number_of_executed_units|^Done' "$work/log-$t.txt" || true
done
