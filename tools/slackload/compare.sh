#!/usr/bin/env bash
# Measures `factbotd serve` on signed Slack slash commands from many users,
# side by side: the store off, the default store on (SQLite), the store on
# PostgreSQL when FACTBOT_TEST_POSTGRES_URL names a server (a schema of its
# own, dropped after; needs psql), and the bare baseline (signature check,
# fixed reply). The server runs on core 0, the load generator on core 1
# (taskset), so they do not share a core; PostgreSQL runs where it runs.
#
#   tools/slackload/compare.sh [seconds] [rounds]
#
# Prints one line per run; the serve logs are kept in $out (printed at the end).
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-10}
rounds=${2:-3}
out=$(mktemp -d)
go build -o "$out/factbotd" ./cmd/factbotd
go build -o "$out/slackload" ./tools/slackload
addr=127.0.0.1:18080
secret=compare-signing-secret

wait_up() {
  for _ in $(seq 100); do
    if (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server did not start" >&2; return 1
}

run_one() { # name, then the server command
  local name=$1; shift
  env FACTBOT_HTTP_ADDR=$addr FACTBOT_SLACK_ENABLED=true FACTBOT_SLACK_SIGNING_SECRET=$secret \
      FACTBOT_SLACK_BOT_TOKEN=xoxb-compare FACTBOT_LIMITS_QUESTIONS=100000000 \
      FACTBOT_STORE_PATH="$out/factbot-$name.db" \
      taskset -c 0 "$@" 2>>"$out/$name.log" >/dev/null &
  local pid=$!
  wait_up
  printf '%-14s ' "$name"
  taskset -c 1 "$out/slackload" -url "http://$addr" -secret $secret -d "${secs}s" -users 100000 -c 32
  kill -TERM $pid; wait $pid || true
}

pg=${FACTBOT_TEST_POSTGRES_URL:-}
if [ -n "$pg" ]; then
  schema=factbot_compare_$$
  export PGOPTIONS=--client-min-messages=warning
  psql -q "$pg" -c "CREATE SCHEMA $schema"
  trap 'psql -q "$pg" -c "DROP SCHEMA $schema CASCADE"' EXIT
  sep='?'; case $pg in *\?*) sep='&';; esac
  pgurl="$pg${sep}search_path=$schema"
fi

for round in $(seq "$rounds"); do
  echo "== round $round"
  FACTBOT_STORE_ENABLED=false run_one store-off "$out/factbotd" serve
  run_one store-sqlite "$out/factbotd" serve
  if [ -n "$pg" ]; then FACTBOT_STORE_URL="$pgurl" run_one store-postgres "$out/factbotd" serve; fi
  run_one bare "$out/slackload" -secret $secret -bare $addr
done
echo "== store on: what serve said at stop (questions written, lost)"
grep -h "store closed" "$out"/store-sqlite.log "$out"/store-postgres.log 2>/dev/null || true
echo "logs and databases in $out"
