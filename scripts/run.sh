#!/usr/bin/env bash
# Runs the web server and the background worker as one process group: Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=$(command -v uv || echo "$PWD/.tools/bin/uv")
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
WORKERS=${WEB_WORKERS:-1}

"$UV" run --frozen litfass db_worker --queue-name '*' &
worker=$!
"$UV" run --frozen granian --interface wsgi --host "$HOST" --port "$PORT" \
  --workers "$WORKERS" --blocking-threads 1 --no-ws litfass.wsgi:application &
web=$!

stop() {
  trap - INT TERM EXIT
  kill -TERM "$web" "$worker" 2>/dev/null || true
  wait "$web" "$worker" 2>/dev/null || true
}
trap stop INT TERM EXIT
echo "litfass runs on http://$HOST:$PORT/ — Ctrl-C stops the web server and the worker."
# Whichever of the two ends first ends the other.
wait -n "$web" "$worker"
