#!/usr/bin/env bash
# Issue 12: the outcome workbook of the 100,000-session chain month written by the product's
# streaming Open XML writer and by ClosedXML 0.95.4, each in its own process (so the peak working
# set is that writer's), RUNS times each; then OpenXmlValidator and openpyxl on each file, with
# formula-like text (= + - @) in every 1,000th session and incident that must stay text.
# Usage: tests/ClinicAdmin.Benchmarks/workbook-compare.sh [RUNS]   (default 3; figures in README Decisions)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
dotnet build tests/ClinicAdmin.Benchmarks -c Release -v q -clp:ErrorsOnly >/dev/null
BIN=tests/ClinicAdmin.Benchmarks/bin/Release/net10.0/ClinicAdmin.Benchmarks
for run in $(seq 1 "$RUNS"); do
  for writer in openxml closedxml; do
    "$BIN" workbook-peak --writer "$writer" | grep '^writer='
  done
done
for writer in openxml closedxml; do
  "$BIN" workbook-peak --writer "$writer" --hostile --keep "$OUT/chain-$writer.xlsx" | grep '^writer='
  "$BIN" workbook-validate "$OUT/chain-$writer.xlsx" || true
  /usr/bin/python3 tests/ClinicAdmin.Benchmarks/Workbooks/check_workbook.py "$OUT/chain-$writer.xlsx" || true
done
