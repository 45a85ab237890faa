#!/usr/bin/env bash
# The production build behind nginx with deploy/nginx.conf, tested for real: builds the app with
# the mock API on into a temporary folder, renders the config, starts nginx on 127.0.0.1 with its
# own prefix (pid, logs, temp files in the same temporary folder), checks the routing, caching and
# security headers with curl, then runs e2e specs against it. nginx stops and the folder goes on
# exit, whatever happens.
#
#   bash scripts/nginx-e2e.sh [playwright test arguments]
#
# Without arguments: e2e/login.spec.ts e2e/security-headers.spec.ts. NGINX_E2E_PORT picks the
# port (default 4180, or a free one when 4180 is taken); NGINX picks the binary.
# PLAYWRIGHT_JSON_OUTPUT_NAME, when set, is passed on to Playwright (CI counts the results).
set -euo pipefail
cd "$(dirname "$0")/.."

NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
[ -x "$NGINX" ] || { echo "nginx-e2e: nginx not found (apt-get install -y nginx)" >&2; exit 1; }

# The mock build talks to its own origin, whatever the caller's environment says.
unset VITE_API_URL

work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-nginx.XXXXXX")
# nginx's workers drop root to an unprivileged user, which must be able to read the build.
chmod 755 "$work"
mkdir -p "$work/logs" "$work/temp"
nginx_pid=

cleanup() {
  local status=$?
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -s "$work/logs/error.log" ]; then
    echo "--- nginx error.log" >&2
    tail -n 20 "$work/logs/error.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_is_free() {
  node -e '
    const server = require("net").createServer();
    server.once("error", () => process.exit(1));
    server.listen(Number(process.argv[1]), "127.0.0.1", () => server.close(() => process.exit(0)));
  ' "$1"
}
free_port() {
  node -e '
    const server = require("net").createServer();
    server.listen(0, "127.0.0.1", () => { console.log(server.address().port); server.close(); });
  '
}
if [ -n "${NGINX_E2E_PORT:-}" ]; then
  port=$NGINX_E2E_PORT
elif port_is_free 4180; then
  port=4180
else
  port=$(free_port)
fi
base="http://127.0.0.1:$port"

echo "nginx-e2e: building with the mock API on into $work/dist"
VITE_API_MOCKING=true npx vite build --outDir "$work/dist" --emptyOutDir --logLevel warn

node scripts/render-nginx-conf.js --root "$work/dist" --listen "127.0.0.1:$port" \
  --out "$work/gatehouse.conf"

mime_types=
for candidate in "$(dirname "$NGINX")/../conf/mime.types" /etc/nginx/mime.types \
  /usr/local/nginx/conf/mime.types /usr/local/etc/nginx/mime.types; do
  if [ -f "$candidate" ]; then mime_types=$candidate; break; fi
done
[ -n "$mime_types" ] || { echo "nginx-e2e: no mime.types found" >&2; exit 1; }

# What a host's nginx.conf gives the server block: mime types, and here every path in $work.
cat >"$work/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 64; }
http {
    include $mime_types;
    default_type application/octet-stream;
    access_log $work/logs/access.log;
    client_body_temp_path $work/temp/client_body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    include $work/gatehouse.conf;
}
EOF

nginx_args=(-p "$work/" -c "$work/nginx.conf" -e "$work/logs/error.log")
"$NGINX" "${nginx_args[@]}" -t -q
"$NGINX" "${nginx_args[@]}" &
nginx_pid=$!
for _ in $(seq 100); do
  curl -fsS -o /dev/null "$base/login" 2>/dev/null && break
  kill -0 "$nginx_pid" 2>/dev/null || { echo "nginx-e2e: nginx exited" >&2; exit 1; }
  sleep 0.1
done
echo "nginx-e2e: nginx (pid $nginx_pid) serves $base"

# --- curl: routing, caching and headers -------------------------------------------------------
checks=0
problems=0
problem() {
  echo "  FAIL $*" >&2
  problems=$((problems + 1))
}
mapfile -t security_headers < <(node scripts/render-nginx-conf.js --print-headers --root "$work/dist")

# Fetches $1; leaves the status in $status, the headers (CR-free) in $work/headers, the body in
# $work/body.
fetch() {
  status=$(curl -sS -D "$work/headers.raw" -o "$work/body" -w '%{http_code}' "$base$1")
  tr -d '\r' <"$work/headers.raw" >"$work/headers"
}
header() { { grep -i "^$1:" "$work/headers" || true; } | head -n 1 | sed 's/^[^:]*: *//'; }

expect_response() { # path status cache-control-or-"none"
  local path=$1 want_status=$2 want_cache=$3
  checks=$((checks + 1))
  fetch "$path"
  [ "$status" = "$want_status" ] || problem "$path: status $status, expected $want_status"
  local cache
  cache=$(header Cache-Control)
  if [ "$want_cache" = none ]; then
    [ -z "$cache" ] || problem "$path: Cache-Control '$cache', expected none"
  else
    [ "$cache" = "$want_cache" ] || problem "$path: Cache-Control '$cache', expected '$want_cache'"
  fi
  local line
  for line in "${security_headers[@]}"; do
    grep -Fxq "$line" "$work/headers" || problem "$path: missing or wrong '${line%%:*}'"
  done
}

asset_js=$(cd "$work/dist" && ls assets/*.js | head -n 1)
asset_css=$(cd "$work/dist" && ls assets/*.css | head -n 1)
immutable='public, max-age=31536000, immutable'

expect_response "/profile?x=1" 200 no-cache
cmp -s "$work/body" "$work/dist/index.html" || problem "/profile?x=1: body is not index.html"
case $(header Content-Type) in text/html*) ;; *) problem "/profile?x=1: not text/html" ;; esac
grep -E '<script' "$work/body" | grep -vq '\ssrc=' && problem "index.html has an inline script"
expect_response "/" 200 no-cache
cmp -s "$work/body" "$work/dist/index.html" || problem "/: body is not index.html"
expect_response "/index.html" 200 no-cache
expect_response "/login" 200 no-cache
cmp -s "$work/body" "$work/dist/login.en.html" || problem "/login: body is not login.en.html"
[ "$(header Vary)" = "Accept-Language, Cookie" ] || problem "/login: Vary '$(header Vary)'"
# The reader's language: their browser's, and their own choice (the cookie) above it.
checks=$((checks + 1))
curl -sS -H 'Accept-Language: es-ES,es;q=0.9' "$base/login" | cmp -s - "$work/dist/login.es.html" ||
  problem "/login for Accept-Language es: not login.es.html"
checks=$((checks + 1))
curl -sS -H 'Accept-Language: es' -H 'Cookie: gatehouse_locale=en' "$base/signup" |
  cmp -s - "$work/dist/signup.en.html" || problem "/signup with the cookie en: not signup.en.html"
expect_response "/no/such/page" 200 no-cache
expect_response "/mockServiceWorker.js" 200 no-cache
expect_response "/favicon.svg" 200 no-cache
expect_response "/$asset_js" 200 "$immutable"
case $(header Content-Type) in
  application/javascript* | text/javascript*) ;;
  *) problem "/$asset_js: Content-Type '$(header Content-Type)'" ;;
esac
expect_response "/$asset_css" 200 "$immutable"
case $(header Content-Type) in text/css*) ;; *) problem "/$asset_css: not text/css" ;; esac
# A missing hashed file is a 404 (not index.html), with the security headers but no year-long cache.
expect_response "/assets/missing-00000000.js" 404 none

echo "nginx-e2e: curl checks: $checks responses, $problems problems"
[ "$problems" -eq 0 ] || exit 1

# --- Playwright against nginx ---------------------------------------------------------------
if [ $# -eq 0 ]; then set -- e2e/login.spec.ts e2e/security-headers.spec.ts e2e/prerender.spec.ts; fi
E2E_BASE_URL=$base npx playwright test --output test-results/nginx "$@"
