#!/usr/bin/env bash
# Adds one EF Core migration for BOTH database providers: SQLite (ConnectUiDbContext, Migrations/) and
# PostgreSQL (PostgreSqlConnectUiDbContext, Migrations/PostgreSql/), under ConnectUi/Storage. Use it instead of `dotnet ef migrations add`.
#   scripts/add-migration.sh I13_Webhooks
# Both are generated from the same model; ConnectUi.Tests/Storage/DatabaseProviderTests fails while either
# provider's migrations lag behind the model.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || [[ ! "$1" =~ ^[A-Za-z][A-Za-z0-9_]*$ ]]; then
    echo "Usage: scripts/add-migration.sh NAME   (letters, digits and _, e.g. I13_Webhooks)" >&2
    exit 2
fi
name="$1"

ef="dotnet-ef"
if ! command -v "$ef" >/dev/null 2>&1; then
    ef="$HOME/.dotnet/tools/dotnet-ef"
fi
if ! command -v "$ef" >/dev/null 2>&1; then
    echo "dotnet-ef is missing: dotnet tool install --global dotnet-ef --version 10.0.15" >&2
    exit 1
fi

dotnet build ConnectUi -c Debug --nologo -v quiet
migrations=Storage/Migrations
"$ef" migrations add "$name" --project ConnectUi --no-build --context ConnectUiDbContext \
    --output-dir "$migrations" --namespace ConnectUi.Storage.Migrations
# The PostgreSQL model comes from the app's own registration with the provider switched (no server is contacted).
ConnectUi__Database__Provider=PostgreSql ConnectionStrings__ConnectUi="Host=localhost;Database=connectui_design_time" \
    "$ef" migrations add "$name" --project ConnectUi --no-build --context PostgreSqlConnectUiDbContext \
    --output-dir "$migrations/PostgreSql" --namespace ConnectUi.Storage.Migrations.PostgreSql
echo "Added $name for SQLite ($migrations) and PostgreSQL ($migrations/PostgreSql)."
