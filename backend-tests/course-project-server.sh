#!/usr/bin/env bash
# Starts examples/course-project the way a student does, from a copy of it with no migrations:
#   flask db init, flask db migrate, flask db upgrade, flask seed-users, flask run
# on a fresh SQLite database in a temporary folder, removed when the server stops.
#
#   course-project-server.sh <python> <port> [dist folder]
#
# With a dist folder (a build of Gatehouse), Flask serves it too, as the boilerplate serves its
# dist/: the app and its API on one origin. The caller's environment gives JWT_SECRET_KEY, and
# PYTHONPATH when flask-jwt-extended is vendored (reference-backends.ts); the server inherits the
# rest of it, so MAIL_FILE (append each e-mail to it as a JSON line) and APP_URL (the reset link's
# origin) pass through when the caller sets them.
set -euo pipefail
python=$1
port=$2
dist=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
example="$here/../examples/course-project"

work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-course-project-XXXXXX")
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

cp -r "$example/src" "$work/src"
if [ -n "$dist" ]; then ln -s "$(cd "$dist" && pwd)" "$work/dist"; fi
cd "$work"
export FLASK_APP=src/app.py
export DATABASE_URL="sqlite:///$work/app.db"
export SEED_USERS_FILE="$here/../examples/seed-users.json"
# The copy in $work is outside Gatehouse's repository, where src/api/password_policy.py looks.
export COMMON_PASSWORDS_FILE="$here/../examples/common-passwords.txt"

"$python" -m flask db init >/dev/null
"$python" -m flask db migrate -m "users, token blocklist, issue times and password resets" >/dev/null
"$python" -m flask db upgrade >/dev/null
"$python" -m flask seed-users >/dev/null
"$python" -m flask run --host 127.0.0.1 --port "$port" &
server=$!
wait "$server"
