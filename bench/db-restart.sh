#!/usr/bin/env bash
# PostgreSQL restarted under load. CLIENTS requesters raise requests through the API for
# LOAD_SECONDS; after RESTART_AFTER seconds the database is restarted. Proves that the app
# answers errors only briefly, serves again within RECOVERY_LIMIT seconds of PostgreSQL
# accepting connections without being restarted itself, that no error is a stack trace or
# a Whitelabel page, and that every request answered 201 is in the database afterwards.
# Appends the results to docs/benchmarks.md; exits non-zero if a check fails.
#
# Never touches the machine's main PostgreSQL: it creates (if absent) a throwaway cluster
# of its own with Debian's tools (pg_createcluster, trust authentication, port PGPORT),
# restarts that one, and stops and drops it at the end (KEEP_CLUSTER=1 keeps it). Run as
# root. Needs python3 (standard library only), curl and the jar: JAR, else
# /tmp/jar/helpdesk.jar, else target/helpdesk-*.jar, else built.
# Settings: PGVERSION (15), CLUSTER (dbrestart), PGPORT (5439), DB (helpdesk_restart),
# PORT (18281, the app), CLIENTS (8), LOAD_SECONDS (30), RESTART_AFTER (10),
# RECOVERY_LIMIT (5), TIMEOUT (10, seconds a request may take), RESTART_MODE (fast;
# immediate is a crash), DOWN_SECONDS (0; more stops PostgreSQL, waits that long and starts
# it, a slower restart), KEEP_CLUSTER (0), APP_ARGS (more arguments for the jar, e.g.
# --spring.datasource.hikari.connection-timeout=30000 to try other pool settings),
# BENCHMARKS (the file the results are appended to, docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PGVERSION=${PGVERSION:-15}
CLUSTER=${CLUSTER:-dbrestart}
PGPORT=${PGPORT:-5439}
DB=${DB:-helpdesk_restart}
PORT=${PORT:-18281}
CLIENTS=${CLIENTS:-8}
LOAD_SECONDS=${LOAD_SECONDS:-30}
RESTART_AFTER=${RESTART_AFTER:-10}
RECOVERY_LIMIT=${RECOVERY_LIMIT:-5}
TIMEOUT=${TIMEOUT:-10}
RESTART_MODE=${RESTART_MODE:-fast}
DOWN_SECONDS=${DOWN_SECONDS:-0}
KEEP_CLUSTER=${KEEP_CLUSTER:-0}
APP_ARGS=${APP_ARGS:-}
BENCHMARKS=${BENCHMARKS:-docs/benchmarks.md}
WORK=$(mktemp -d /tmp/db-restart.XXXX)
APP=""
LOAD=""

if [ "$(id -u)" != 0 ]; then echo "run as root (pg_createcluster, pg_ctlcluster)" >&2; exit 2; fi
if [ "$CLUSTER" = main ] || [ "$PGPORT" = 5432 ]; then
  echo "refusing to restart the main cluster or port 5432; this script restarts a cluster of its own" >&2
  exit 2
fi

cleanup() {
  [ -n "$LOAD" ] && kill "$LOAD" 2>/dev/null || true
  if [ -n "$APP" ]; then
    kill "$APP" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP" 2>/dev/null || true
  fi
  rm -f "$WORK/helpdesk.jar" # the copy; the logs and the requests stay
  if [ "$KEEP_CLUSTER" = 1 ]; then
    pg_ctlcluster "$PGVERSION" "$CLUSTER" stop 2>/dev/null || true
  else
    pg_dropcluster --stop "$PGVERSION" "$CLUSTER" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# the throwaway cluster
EXISTING=$(pg_lsclusters -h | awk -v v="$PGVERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $3, $4}')
if [ -z "$EXISTING" ]; then
  pg_createcluster "$PGVERSION" "$CLUSTER" -p "$PGPORT" --start-conf=manual -- --auth=trust >"$WORK/createcluster.log"
elif [ "${EXISTING%% *}" != "$PGPORT" ]; then
  echo "cluster $PGVERSION/$CLUSTER exists on port ${EXISTING%% *}, not $PGPORT" >&2
  exit 2
fi
pg_lsclusters -h | awk -v v="$PGVERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}' | grep -q online ||
  pg_ctlcluster "$PGVERSION" "$CLUSTER" start
for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$PGPORT" && break; sleep 0.5; done
PSQL=(env PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qX)
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"

# the jar: never built where it is not needed
if [ -n "${JAR:-}" ]; then
  JAR=$(realpath "$JAR")
else
  if [ -f /tmp/jar/helpdesk.jar ]; then
    cp /tmp/jar/helpdesk.jar "$WORK/helpdesk.jar"
  else
    BUILT=$(ls target/helpdesk-*.jar 2>/dev/null | head -1 || true)
    if [ -z "$BUILT" ]; then ./mvnw -q package -DskipTests -Djacoco.skip=true; BUILT=$(ls target/helpdesk-*.jar | head -1); fi
    cp "$BUILT" "$WORK/helpdesk.jar"
  fi
  JAR="$WORK/helpdesk.jar"
fi

# shellcheck disable=SC2086 # APP_ARGS is a list of arguments
( cd "$WORK" && SERVER_PORT=$PORT HELPDESK_DATA_DIR="$WORK/data" \
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=postgres \
  exec java -jar "$JAR" $APP_ARGS > "$WORK/app.log" 2>&1 ) &
APP=$!
APP_START=$(ps -o lstart= -p "$APP")
BASE="http://127.0.0.1:$PORT"
# healthy first, then the demo data (loaded after the app has started serving)
for _ in $(seq 1 240); do
  curl -sf "$BASE/actuator/health" >/dev/null && grep -q "Demo data loaded" "$WORK/app.log" && break
  kill -0 "$APP" 2>/dev/null || { echo "the app stopped; see $WORK/app.log" >&2; exit 1; }
  sleep 1
done
grep -q "Demo data loaded" "$WORK/app.log" || { echo "the app did not start with demo data; see $WORK/app.log" >&2; exit 1; }

# a personal API token for Alice (cheaper per request than a password hash)
csrf() { python3 -c 'import re,sys; print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", open(sys.argv[1]).read()).group(1))' "$1"; }
curl -s -c "$WORK/cookies" "$BASE/login" > "$WORK/login.html"
curl -s -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" --data-urlencode username=alice@client-a.test \
  --data-urlencode password=demo-pass-2026 --data-urlencode "_csrf=$(csrf "$WORK/login.html")" "$BASE/login"
curl -s -b "$WORK/cookies" -c "$WORK/cookies" "$BASE/profile" > "$WORK/profile.html"
curl -s -L -b "$WORK/cookies" -c "$WORK/cookies" --data-urlencode name=db-restart \
  --data-urlencode "_csrf=$(csrf "$WORK/profile.html")" "$BASE/profile/tokens" > "$WORK/token.html"
TOKEN=$(python3 -c 'import re,sys; print(re.search(r"id=\"new-token\"[^>]*>(hd_[^<]+)<", open(sys.argv[1]).read()).group(1))' "$WORK/token.html")

# the load, and the restart after RESTART_AFTER seconds; every request is one line of requests.jsonl
RUN="dbr-$(date +%s)"
python3 - "$BASE" "$TOKEN" "$RUN" "$CLIENTS" "$LOAD_SECONDS" "$RESTART_AFTER" "$TIMEOUT" \
  "$PGVERSION" "$CLUSTER" "$PGPORT" "$RESTART_MODE" "$DOWN_SECONDS" "$WORK" > "$WORK/load.out" 2>&1 <<'PY' &
import json, subprocess, sys, threading, time, urllib.error, urllib.request
base, token, run, clients, seconds, restart_after, timeout, pgv, cluster, pgport, mode, down_seconds, work = sys.argv[1:]
clients, seconds, restart_after, timeout = int(clients), float(seconds), float(restart_after), float(timeout)
down_seconds = float(down_seconds)
start = time.time()
lock = threading.Lock()
out = open(f"{work}/requests.jsonl", "w")

def client(n):
    seq = 0
    while time.time() - start < seconds:
        seq += 1
        subject = f"{run} c{n} #{seq}"
        body = json.dumps({"type": "QUESTION", "subject": subject, "description": "Raised while the database restarts",
                           "alreadyTried": "Nothing"}).encode()
        req = urllib.request.Request(f"{base}/api/v1/tickets", data=body, method="POST", headers={
            "Content-Type": "application/json", "Accept": "application/json", "Authorization": f"Bearer {token}"})
        rec = {"client": n, "subject": subject, "sent": time.time()}
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                text = r.read().decode("utf-8", "replace")
                rec.update(status=r.status, type=r.headers.get("Content-Type"))
                try:
                    rec["id"] = json.loads(text)["id"]
                except Exception:
                    loc = r.headers.get("Location") or ""
                    rec["id"] = int(loc.rsplit("/", 1)[-1]) if loc.rsplit("/", 1)[-1].isdigit() else None
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", "replace")
            rec.update(status=e.code, type=e.headers.get("Content-Type"), body=text[:300],
                       leak=("Whitelabel" in text or "\tat " in text or "Exception" in text))
        except Exception as e:  # timed out, refused, reset
            timed_out = isinstance(e, TimeoutError) or isinstance(getattr(e, "reason", None), TimeoutError)
            rec.update(status="timeout" if timed_out else "connection error", error=repr(e)[:200])
        rec["done"] = time.time()
        with lock:
            out.write(json.dumps(rec) + "\n")

def accepting():
    return subprocess.run(["pg_isready", "-q", "-t", "1", "-h", "127.0.0.1", "-p", pgport]).returncode == 0

def restart():
    # while the restart command runs, pg_isready every 50 ms says when PostgreSQL stopped and
    # when it accepted connections again (the command itself returns a while after that)
    time.sleep(restart_after)
    seen = {}
    def watch():
        while "up" not in seen and time.time() - began < 120:
            ok, t = accepting(), time.time()
            if not ok and "down" not in seen:
                seen["down"] = t
            elif ok and "down" in seen:
                seen["up"] = t
            time.sleep(0.05)
    began = time.time()
    watcher = threading.Thread(target=watch)
    watcher.start()
    if down_seconds > 0:  # a restart that takes longer: stop, wait, start
        cmd = subprocess.run(["pg_ctlcluster", "-m", mode, pgv, cluster, "stop"], capture_output=True, text=True)
        time.sleep(down_seconds)
        start = subprocess.run(["pg_ctlcluster", pgv, cluster, "start"], capture_output=True, text=True)
        cmd.returncode, cmd.stdout = cmd.returncode or start.returncode, cmd.stdout + start.stdout + start.stderr
    else:
        cmd = subprocess.run(["pg_ctlcluster", "-m", mode, pgv, cluster, "restart"], capture_output=True, text=True)
    returned = time.time()
    watcher.join()
    while "up" not in seen and not accepting():
        time.sleep(0.05)
    ready = seen.get("up", time.time())
    json.dump({"began": began, "down": seen.get("down", began), "returned": returned, "ready": ready,
               "rc": cmd.returncode, "output": (cmd.stdout + cmd.stderr)[:500]}, open(f"{work}/restart.json", "w"))

threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)] + [threading.Thread(target=restart)]
for t in threads: t.start()
for t in threads: t.join()
out.close()
PY
LOAD=$!
wait "$LOAD"
LOAD=""

# the numbers
python3 - "$WORK" "$RECOVERY_LIMIT" > "$WORK/numbers.sh" <<'PY'
import collections, json, shlex, sys
work, limit = sys.argv[1], float(sys.argv[2])
reqs = [json.loads(l) for l in open(f"{work}/requests.jsonl")]
rs = json.load(open(f"{work}/restart.json"))
began, ready = rs["began"], rs["ready"]
ok = [r for r in reqs if r["status"] == 201]
bad = [r for r in reqs if r["status"] != 201]
by_status = collections.Counter(str(r["status"]) for r in bad)
types = collections.Counter(f'{r["status"]} {r.get("type") or "(no answer)"}' for r in bad)
after = sorted(r["done"] for r in ok if r["done"] >= ready)
first_ok = after[0] - ready if after else None
late = [r for r in bad if r["sent"] >= ready + limit]
before = [r for r in reqs if r["done"] < began]
rel = lambda t: f"{t - began:+.2f}"
v = {
    "REQUESTS": len(reqs), "CREATED": len(ok), "ERRORS": len(bad),
    "BY_STATUS": ", ".join(f"{k}: {n}" for k, n in sorted(by_status.items())) or "none",
    "ERROR_TYPES": "; ".join(f"{k} ({n})" for k, n in sorted(types.items())) or "none",
    "LEAKS": sum(1 for r in bad if r.get("leak")),
    "RESTART_TOOK": f'{rs["returned"] - began:.2f}', "DOWN_AT": f'{rs["down"] - began:.2f}',
    "READY_AFTER": f"{ready - began:.2f}", "RESTART_RC": rs["rc"],
    "FIRST_ERROR": rel(min(r["done"] for r in bad)) if bad else "-",
    "LAST_ERROR": rel(max(r["done"] for r in bad)) if bad else "-",
    "ERROR_WINDOW": f'{max(r["done"] for r in bad) - min(r["done"] for r in bad):.2f}' if bad else "0",
    "LAST_ERROR_VS_READY": (lambda d: f"{d:.2f} s after it" if d >= 0 else f"{-d:.2f} s before it")(
        max(r["done"] for r in bad) - ready) if bad else "none",
    "RECOVERY": f"{first_ok:.2f}" if first_ok is not None else "never",
    "RECOVERED": "yes" if first_ok is not None and first_ok <= limit and not late else "no",
    "LATE_ERRORS": len(late),
    "UNANSWERED": sum(1 for r in bad if not isinstance(r["status"], int)),
    "BRIEF": "yes" if not any(not isinstance(r["status"], int) for r in bad)
             and all(r["done"] <= ready + limit for r in bad) else "no",
    "SLOWEST": f'{max(r["done"] - r["sent"] for r in reqs):.2f}',
    "RATE_BEFORE": f'{sum(1 for r in before if r["status"] == 201) / max(began - min(r["sent"] for r in reqs), 1):.0f}',
}
for k, val in v.items():
    print(f"{k}={shlex.quote(str(val))}")
with open(f"{work}/created-ids.sql", "w") as f:
    ids = ",".join(str(r["id"]) for r in ok if r.get("id") is not None)
    f.write(f"select count(*) from unnest('{{{ids}}}'::bigint[]) as a(id) where not exists (select 1 from ticket t where t.id = a.id);\n")
print(f"NO_ID={sum(1 for r in ok if r.get('id') is None)}")
print(f"DISTINCT_IDS={len({r.get('id') for r in ok if r.get('id') is not None})}")
PY
# shellcheck disable=SC1091
. "$WORK/numbers.sh"

# what the database holds afterwards
MISSING=$("${PSQL[@]}" -d "$DB" -tA -f "$WORK/created-ids.sql")
STORED=$("${PSQL[@]}" -d "$DB" -tAc "select count(*) from ticket where subject like '$RUN %'")
DUPLICATES=$("${PSQL[@]}" -d "$DB" -tAc "select count(*) - count(distinct subject) from ticket where subject like '$RUN %'")
SAME_APP=no
kill -0 "$APP" 2>/dev/null && [ "$(ps -o lstart= -p "$APP")" = "$APP_START" ] &&
  curl -sf "$BASE/actuator/health" >/dev/null && SAME_APP=yes
PG_SERVER=$("${PSQL[@]}" -d "$DB" -tAc 'show server_version')
APP_ERRORS=$(grep -c ' ERROR ' "$WORK/app.log" || true)

verdict() { if [ "$1" = "yes" ]; then echo "**yes**"; else echo "**NO**"; fi; }
STORED_OK=no; [ "$MISSING" = 0 ] && [ "$NO_ID" = 0 ] && [ "$DISTINCT_IDS" = "$CREATED" ] && [ "$CREATED" -gt 0 ] && STORED_OK=yes
CLEAN_OK=no; [ "$LEAKS" = 0 ] && [ "$RESTART_RC" = 0 ] && CLEAN_OK=yes

REPORT=$(cat <<MD

## PostgreSQL restart under load ($(date -u +%Y-%m-%d))

\`bench/db-restart.sh\` on $(nproc) cores, $(java -version 2>&1 | head -1), PostgreSQL
$PG_SERVER (a cluster of its own), the jar with demo data: $CLIENTS requesters raise requests
through the API (a personal token each request, ${TIMEOUT} s timeout) for $LOAD_SECONDS s; after
$RESTART_AFTER s $(if [ "$DOWN_SECONDS" = 0 ]; then echo "\`pg_ctlcluster restart\`"; else echo "\`pg_ctlcluster stop\`, $DOWN_SECONDS s, \`start\`"; fi) (mode $RESTART_MODE)${APP_ARGS:+, jar arguments \`$APP_ARGS\`}. Times are from the start of the restart.

| check | measured | holds |
| --- | --- | --- |
| the app answers errors, and only briefly | $REQUESTS requests, $CREATED answered 201 (about $RATE_BEFORE a second before the restart), $ERRORS errors ($BY_STATUS); first error at $FIRST_ERROR s, last at $LAST_ERROR s (a window of $ERROR_WINDOW s); not answered within ${TIMEOUT} s or not at all: $UNANSWERED; slowest answer $SLOWEST s | $(verdict "$BRIEF") |
| it serves again within $RECOVERY_LIMIT s of PostgreSQL, without a restart | PostgreSQL refused connections from +$DOWN_AT s and accepted them again at +$READY_AFTER s (the restart command returned at +$RESTART_TOOK s); first 201 $RECOVERY s later, last error $LAST_ERROR_VS_READY, errors to requests sent later than $RECOVERY_LIMIT s after it: $LATE_ERRORS; same app process, healthy: $SAME_APP | $(verdict "$( [ "$RECOVERED" = yes ] && [ "$SAME_APP" = yes ] && echo yes || echo no)") |
| every request answered 201 is stored | $CREATED ids answered 201, missing from \`ticket\`: $MISSING; rows of this run: $STORED (so $(( STORED - CREATED )) created although the answer was an error), duplicated subjects: $DUPLICATES | $(verdict "$STORED_OK") |
| errors are problem details or plain errors, never a stack trace | $ERROR_TYPES; Whitelabel pages or stack traces: $LEAKS | $(verdict "$CLEAN_OK") |
MD
)
echo "$REPORT"
echo "$REPORT" >> "$BENCHMARKS"
echo "(requests, app log and restart times in $WORK)"
[ "$BRIEF" = yes ] && [ "$RECOVERED" = yes ] && [ "$SAME_APP" = yes ] && [ "$STORED_OK" = yes ] && [ "$CLEAN_OK" = yes ]
