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
[ ${#targets[@]} -gt 0 ] || targets=(csv_reader xlsx_reader xlsx_sheet ledger_recognizer xls_reader docx_reader)
work=$build/fuzz
mkdir -p "$work"/seeds/{csv,xlsx,sheet,xls,docx} "$work"/corpus "$work"/artifacts
cp "$src"/tests/data/shared/ledgers/*.csv "$work"/seeds/csv/
cp "$src"/tests/data/shared/ledgers/*.xlsx "$src"/tests/data/ledgers/*.xlsx "$work"/seeds/xlsx/
# fuzz_xlsx_sheet's seeds: each seed workbook's first worksheet XML, a NUL, its shared strings.
if command -v unzip >/dev/null; then
    for f in "$work"/seeds/xlsx/*.xlsx; do
        sheet=$(unzip -Z1 "$f" | grep -m1 'worksheets/sheet.*\.xml$' || true)
        strings=$(unzip -Z1 "$f" | grep -m1 -i 'sharedStrings.xml' || true)
        [ -n "$sheet" ] || continue
        { unzip -p "$f" "$sheet"; if [ -n "$strings" ]; then printf '\0'; unzip -p "$f" "$strings"; fi; } \
            >"$work/seeds/sheet/$(basename "$f" .xlsx).bin"
    done
fi
# fuzz_xls_reader's and fuzz_docx_reader's seeds: the .xls and Word ledgers of the tests.
"$build/tests/fuzz/make_fuzz_seeds" "$work"/seeds/xls "$work"/seeds/docx
for t in "${targets[@]}"; do
    case $t in
        csv_reader) seeds=("$work"/seeds/csv) ;;
        xlsx_reader) seeds=("$work"/seeds/xlsx) ;;
        xlsx_sheet) seeds=("$work"/seeds/sheet) ;;
        xls_reader) seeds=("$work"/seeds/xls) ;;
        docx_reader) seeds=("$work"/seeds/docx) ;;
        *) seeds=("$work"/seeds/csv "$work"/seeds/xlsx) ;;
    esac
    mkdir -p "$work/corpus/$t"
    nice -n 19 "$build/tests/fuzz/fuzz_$t" "$work/corpus/$t" "${seeds[@]}" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-" \
        >"$work/log-$t.txt" 2>&1 || echo "fuzz_$t stopped with exit code $?: see $work/log-$t.txt"
    grep -E '^stat::number_of_executed_units|^Done' "$work/log-$t.txt" || true
done
