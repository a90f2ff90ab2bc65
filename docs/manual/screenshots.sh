#!/usr/bin/env bash
# Refreshes every screenshot the user manual shows (docs/screenshots/*.png), from the app itself:
# the GUI's --screenshot run on the demo register under Xvfb at 1440×900 (the ledgers, the
# dialogs, the supervision registers, the manual window …), then the three pictures that the ui
# tests take on their fixtures (import-wizard-mapping/-preview.png, common-problems.png).
# Run it from anywhere after building (`cmake --build build`); the settings and data folders are
# scratch ones, so the pictures show the default layout. OUT=DIR writes elsewhere, BUILD=DIR
# names another build folder. Afterwards `rectrack-cli manual` and the app embed the new pictures
# (ui/CMakeLists.txt compiles in the ones the manual's pages show).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
out=$(realpath -m "${OUT:-docs/screenshots}")
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/config" "$scratch/data" "$scratch/runtime"
chmod 700 "$scratch/runtime"
export HOME=$scratch XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data XDG_RUNTIME_DIR=$scratch/runtime
xvfb-run -a -s "-screen 0 1440x900x24" "$build/app/rectrack" --demo --screenshot "$out"
RECTRACK_SCREENSHOT_DIR=$out "$build/tests/rectrack_ui_tests" \
    "*skips the bad one and shows its error at its cell,screenshot of the common-problems view"
# Every picture the manual shows is there.
missing=0
for f in $(grep -ho 'screenshots/[A-Za-z0-9_.-]*\.png' docs/manual/*/*.md | sort -u); do
    if [ ! -s "$out/${f#screenshots/}" ]; then
        echo "missing: $out/${f#screenshots/}" >&2
        missing=1
    fi
done
exit $missing
