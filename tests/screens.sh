#!/usr/bin/env bash
# Screenshots of every role's home page at desktop (1280), tablet (768) and phone (390) widths, written to
# reports/screens/ by the browser test that also checks them with axe (tests/ClinicAdmin.Browser.Tests/Home).
# Needs Debian's chromium (installed here when missing and root). Not part of tests/run.sh: it rewrites tracked files.
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib.sh
need_commands chromium
mkdir -p reports/screens
CLINICADMIN_SCREENSHOTS="$PWD/reports/screens" dotnet test tests/ClinicAdmin.Browser.Tests -c Debug --nologo \
  --filter "FullyQualifiedName~HomePagesBrowserTests.Each_home_page"
echo "tests/screens.sh: screenshots in reports/screens/:"; ls reports/screens
