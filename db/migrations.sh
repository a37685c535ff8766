#!/usr/bin/env bash
# Adds a migration to BOTH providers so they stay in step (a test fails if either lacks a model change).
#   db/migrations.sh add NAME      generate migration NAME for SQLite and PostgreSQL
#   db/migrations.sh script        write db/scripts/{sqlite,postgresql}.sql (idempotent SQL for DBAs)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
case "${1:-}" in
  add)
    name="${2:?usage: db/migrations.sh add NAME}"
    for p in Sqlite PostgreSql; do
      dotnet ef migrations add "$name" --project "db/ClinicAdmin.Migrations.$p" --startup-project "db/ClinicAdmin.Migrations.$p" --output-dir Migrations
    done ;;
  script)
    mkdir -p db/scripts
    dotnet ef migrations script --idempotent --project db/ClinicAdmin.Migrations.Sqlite --startup-project db/ClinicAdmin.Migrations.Sqlite -o db/scripts/sqlite.sql
    dotnet ef migrations script --idempotent --project db/ClinicAdmin.Migrations.PostgreSql --startup-project db/ClinicAdmin.Migrations.PostgreSql -o db/scripts/postgresql.sql ;;
  *) echo "usage: db/migrations.sh add NAME | script" >&2; exit 2 ;;
esac
