#!/usr/bin/env bash
# Adds a migration to EVERY provider so they stay in step (a test fails if any lacks a model change).
#   db/migrations.sh add NAME      generate migration NAME for SQLite, PostgreSQL and SQL Server
#   db/migrations.sh script        write db/scripts/{sqlite,postgresql,sqlserver}.sql (SQL for DBAs): idempotent for
#                                  PostgreSQL and SQL Server; EF cannot write an idempotent SQLite script, so
#                                  sqlite.sql is the full script for an empty database (the app migrates SQLite itself)
# None of this needs a database server: dotnet-ef builds the model and writes C# or SQL.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
providers=(Sqlite PostgreSql SqlServer)
case "${1:-}" in
  add)
    name="${2:?usage: db/migrations.sh add NAME}"
    for p in "${providers[@]}"; do
      dotnet ef migrations add "$name" --project "db/ClinicAdmin.Migrations.$p" --startup-project "db/ClinicAdmin.Migrations.$p" --output-dir Migrations
    done ;;
  script)
    mkdir -p db/scripts
    for p in "${providers[@]}"; do
      idempotent=--idempotent; [ "$p" = Sqlite ] && idempotent=""
      dotnet ef migrations script $idempotent --project "db/ClinicAdmin.Migrations.$p" --startup-project "db/ClinicAdmin.Migrations.$p" -o "db/scripts/${p,,}.sql"
    done ;;
  *) echo "usage: db/migrations.sh add NAME | script" >&2; exit 2 ;;
esac
