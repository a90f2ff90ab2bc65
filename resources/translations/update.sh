#!/usr/bin/env bash
# Updates the zh_CN translation sources from the code (lupdate), one .ts per area, so that
# people working on different areas do not edit the same file. lupdate scans only what is named
# here: a new source folder must be added to its area, or a -no-obsolete update drops strings.
# After running it, fill in every <translation type="unfinished"> (tests/core/test_translations checks).
set -euo pipefail
cd "$(dirname "$0")/../.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
t=resources/translations
existing() { for p in "$@"; do if [ -e "$p" ]; then echo "$p"; fi; done; }
run() { local ts=$1; shift; local src; src=$(existing "$@"); [ -n "$src" ] || return 0; "$LUPDATE" -silent -no-obsolete -locations none -I core $src -ts "$t/$ts"; }
run core_zh_CN.ts core/domain core/storage core/workflow core/stats core/demo
run io_zh_CN.ts core/io app/cli/cmd_import.cpp app/cli/cmd_export.cpp app/cli/cmd_template.cpp
run report_zh_CN.ts core/report ui/charts ui/report app/cli/cmd_report.cpp
run ui_zh_CN.ts ui/models ui/views ui/dialogs ui/commands ui/safety app/gui
run patterns_zh_CN.ts core/patterns ui/patterns app/cli/cmd_patterns.cpp
run cli_zh_CN.ts app/cli/cli.cpp app/cli/common.cpp app/cli/args.cpp app/cli/table.cpp app/cli/cmd_register.cpp app/cli/cmd_stats.cpp app/cli/cmd_demo.cpp app/cli/cmd_generate.cpp app/cli/cmd_summary.cpp app/cli/cmd_server.cpp
run exchange_zh_CN.ts core/exchange app/cli/cmd_exchange.cpp
run manual_zh_CN.ts ui/help app/cli/cmd_manual.cpp
