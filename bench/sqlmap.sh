#!/usr/bin/env bash
# sqlmap (Debian's package, installed if missing) against the sign-in form, the agents'
# ticket search, the API's ticket list and the API's request form, on a fresh app with
# demo data. Appends what it found to docs/benchmarks.md; exits non-zero if anything is
# injectable. Sign-in throttling is raised for the scan (it would otherwise stop sqlmap
# after five failures, which is the throttle working, not a finding).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-18098}
WORK=$(mktemp -d /tmp/sqlmap.XXXX)
APP=""
cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null || true; }
trap cleanup EXIT

command -v sqlmap >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlmap >/dev/null; }
JAR=$(ls target/helpdesk-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -q package -DskipTests; JAR=$(ls target/helpdesk-*.jar | head -1); fi

HELPDESK_DATA_DIR="$WORK/data" SERVER_PORT=$PORT HELPDESK_LOGIN_MAX_FAILURES=1000000 \
  java -jar "$ROOT/$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
# healthy, and the demo data loaded (the health check answers while they load)
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && grep -q "Demo data loaded" "$WORK/app.log" && break
  sleep 1
done

BASE="http://127.0.0.1:$PORT"
COMMON=(--batch --level=2 --risk=1 --output-dir="$WORK/out")

# a signed-in agent's session for the pages
curl -s -c "$WORK/cookies" "$BASE/login" > "$WORK/login.html"
CSRF=$(python3 -c 'import re,sys; print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", open(sys.argv[1]).read()).group(1))' "$WORK/login.html")
curl -s -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" --data-urlencode username=agent@helpdesk.test \
  --data-urlencode password=demo-pass-2026 --data-urlencode "_csrf=$CSRF" "$BASE/login"
SESSION=$(awk '$6 == "SESSION" {print $7}' "$WORK/cookies")

scan() { # log file, name, sqlmap arguments...
  local log="$WORK/$1.log" name=$2; shift 2
  sqlmap "$@" "${COMMON[@]}" > "$log" 2>&1 || true
  local tested found
  tested=$(grep -oE "parameter '[^']+' does not seem to be injectable" "$log" | sed -E "s/parameter '([^']+)'.*/\1/" | sort -u | paste -sd, -)
  found=$(grep -cE "is vulnerable|sqlmap identified the following injection point" "$log" || true)
  echo "| $name | ${tested:-none (see $log)} | ${found:-0} |"
}

ROWS=$(
  scan login "POST /login" -u "$BASE/login" --data="username=agent%40helpdesk.test&password=x&_csrf=x" \
    --csrf-token=_csrf --csrf-url="$BASE/login" -p "username,password"
  scan search "GET /tickets (search)" -u "$BASE/tickets?view=all&q=checkout&status=OPEN&priority=HIGH" \
    --cookie="SESSION=$SESSION" -p "view,q,status,priority" --threads=4
  scan api-list "GET /api/v1/tickets" -u "$BASE/api/v1/tickets?status=NEW&q=checkout&limit=5" \
    --auth-type=Basic --auth-cred="agent@helpdesk.test:demo-pass-2026" -p "status,q,limit" --threads=4
  scan api-create "POST /api/v1/tickets (request form)" -u "$BASE/api/v1/tickets" \
    --data='{"type":"QUESTION","subject":"s*","description":"d*","alreadyTried":"a*","priority":"NORMAL*"}' \
    --headers="Content-Type: application/json" --auth-type=Basic \
    --auth-cred="alice@client-a.test:demo-pass-2026" --threads=4
)
FOUND=$(echo "$ROWS" | awk -F'|' '{s+=$4} END {print s+0}')

REPORT=$(cat <<MD

## sqlmap ($(date -u +%Y-%m-%d))

\`bench/sqlmap.sh\`: $(sqlmap --version 2>/dev/null | head -1) at level 2, risk 1, against the jar with demo data
($(nproc) cores, $(java -version 2>&1 | head -1)).

| target | parameters tested, none injectable | injection points found |
| --- | --- | --- |
$ROWS

JSON #1 to #4 are the request's \`subject\`, \`description\`, \`alreadyTried\` and \`priority\`.
MD
)
echo "$REPORT"
echo "$REPORT" >> docs/benchmarks.md
[ "$FOUND" = 0 ]
