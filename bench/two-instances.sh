#!/usr/bin/env bash
# Two app instances behind nginx on one PostgreSQL. Proves that a login made through one
# instance is honoured by the other (Spring Session JDBC), that each scheduled run of a job
# happens on one instance only (ShedLock), and that a notification mail is sent once
# although both instances run the mail sender. Appends the results to docs/benchmarks.md.
#
# Needs: the PostgreSQL on 127.0.0.1:5432 (trust authentication; PGUSER, default postgres),
# nginx and python3 (Debian packages; nginx is installed if missing), a built jar (built if
# missing). Settings: PGHOST, PGPORT, PGUSER, DB (default helpdesk_two), SECONDS_OF_JOBS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${DB:-helpdesk_two}
SECONDS_OF_JOBS=${SECONDS_OF_JOBS:-60}
WORK=$(mktemp -d /tmp/two-instances.XXXX)
LB=18180
A=18181
B=18182
SMTP=18125
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
JAR=$(ls target/helpdesk-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -q package -DskipTests; JAR=$(ls target/helpdesk-*.jar | head -1); fi

psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "drop database if exists $DB" -c "create database $DB"

# a mail server that writes every message it receives to a file
python3 - "$SMTP" "$WORK/mails.log" > "$WORK/smtp.out" 2>&1 <<'PY' &
import smtpd, asyncore, sys
class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        text = data.decode('utf-8', 'replace') if isinstance(data, bytes) else data
        subject = next((l[9:] for l in text.splitlines() if l.lower().startswith('subject: ')), '')
        with open(sys.argv[2], 'a') as f:
            for to in rcpttos:
                f.write(to + '\t' + subject + '\n')
Sink(('127.0.0.1', int(sys.argv[1])), None)
asyncore.loop()
PY
PIDS+=($!)

start() { # port name
  SERVER_PORT=$1 HELPDESK_DATA_DIR="$WORK/$2" \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$SMTP HELPDESK_MAIL_SEND_EVERY=PT2S \
  HELPDESK_SLA_SWEEP_EVERY=PT5S HELPDESK_SLA_SWEEP_LOCK_AT_LEAST=PT4S \
    java -jar "$ROOT/$JAR" > "$WORK/$2.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    # healthy and, for the first, the demo data loaded (health answers while they load)
    curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null \
      && { [ "$2" != a ] || grep -q "Demo data loaded" "$WORK/$2.log"; } && return 0
    sleep 1
  done
  echo "instance $2 did not start; see $WORK/$2.log" >&2
  exit 1
}
# the first loads the demo data into the empty database (it is ready once they are in);
# the second finds them there
start $A a
start $B b

cat > "$WORK/nginx.conf" <<CONF
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events {}
http {
  access_log $WORK/nginx-access.log;
  client_body_temp_path $WORK/nginx-body;
  proxy_temp_path $WORK/nginx-proxy;
  fastcgi_temp_path $WORK/nginx-fastcgi;
  uwsgi_temp_path $WORK/nginx-uwsgi;
  scgi_temp_path $WORK/nginx-scgi;
  upstream helpdesk { server 127.0.0.1:$A; server 127.0.0.1:$B; }
  server {
    listen 127.0.0.1:$LB;
    location / {
      proxy_pass http://helpdesk;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"

# 1. sign in through the balancer, then ask each instance directly with that session
JAR_COOKIES="$WORK/cookies.txt"
CSRF=$(curl -s -c "$JAR_COOKIES" "http://127.0.0.1:$LB/login" | python3 -c \
  'import re,sys; print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
LOGIN=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" \
  --data-urlencode "username=agent@helpdesk.test" --data-urlencode "password=demo-pass-2026" \
  --data-urlencode "_csrf=$CSRF" "http://127.0.0.1:$LB/login")
ON_A=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" "http://127.0.0.1:$A/tickets")
ON_B=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" "http://127.0.0.1:$B/tickets")
VIA_LB=""
for _ in 1 2 3 4; do VIA_LB="$VIA_LB $(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" "http://127.0.0.1:$LB/tickets")"; done
SIGNED_OUT=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$B/tickets")

# 2. a notification: Alice raises a request, the agent answers it publicly (Alice is mailed)
SUBJECT="Two instances $(date +%s)"
TICKET=$(curl -s -u alice@client-a.test:demo-pass-2026 -H 'Content-Type: application/json' \
  -d "{\"type\":\"QUESTION\",\"subject\":\"$SUBJECT\",\"description\":\"Is this mailed once?\",\"alreadyTried\":\"Nothing\"}" \
  "http://127.0.0.1:$LB/api/v1/tickets" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -s -o /dev/null -u agent@helpdesk.test:demo-pass-2026 -H 'Content-Type: application/json' \
  -d '{"body":"Yes, once.","public":true}' "http://127.0.0.1:$LB/api/v1/tickets/$TICKET/comments"

# 3. let the jobs run on both instances for a while
runs() { # port job
  curl -s -u admin@helpdesk.test:demo-pass-2026 "http://127.0.0.1:$1/actuator/prometheus" |
    awk -v job="$2" '$1 ~ "^helpdesk_job_runs_seconds_count" && $1 ~ "task=\""job"\"" && $1 ~ "outcome=\"success\"" {s+=$2} END {print s+0}'
}
SWEEP_A0=$(runs $A sla-sweep); SWEEP_B0=$(runs $B sla-sweep)
MAIL_A0=$(runs $A mail-sender); MAIL_B0=$(runs $B mail-sender)
START_RUNS=$(date +%s)
sleep "$SECONDS_OF_JOBS"
ELAPSED=$(( $(date +%s) - START_RUNS ))
SWEEP_A=$(( $(runs $A sla-sweep) - SWEEP_A0 )); SWEEP_B=$(( $(runs $B sla-sweep) - SWEEP_B0 ))
MAIL_A=$(( $(runs $A mail-sender) - MAIL_A0 )); MAIL_B=$(( $(runs $B mail-sender) - MAIL_B0 ))
LOCKS=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -tAc "select count(*) from shedlock")
OUTBOX=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -tAc \
  "select count(*) from mail_outbox where subject like '%$SUBJECT%'")
UNSENT=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -tAc \
  "select count(*) from mail_outbox where subject like '%$SUBJECT%' and sent_at is null")
RECEIVED=$(grep -c "$SUBJECT" "$WORK/mails.log" 2>/dev/null || echo 0)
DISTINCT=$(grep "$SUBJECT" "$WORK/mails.log" 2>/dev/null | sort -u | wc -l)

verdict() { if [ "$1" = "yes" ]; then echo "**yes**"; else echo "**NO**"; fi; }
SESSION_OK=no; [ "$ON_A" = 200 ] && [ "$ON_B" = 200 ] && [ "$SIGNED_OUT" = 302 ] && SESSION_OK=yes
# each 5 s sweep happens once across both instances: at most one run per 4 s lock, not two per 5 s
JOBS_OK=no; [ $(( SWEEP_A + SWEEP_B )) -le $(( ELAPSED / 4 + 2 )) ] && [ $(( SWEEP_A + SWEEP_B )) -ge 1 ] && JOBS_OK=yes
MAIL_OK=no; [ "$OUTBOX" -ge 1 ] && [ "$UNSENT" = 0 ] && [ "$RECEIVED" = "$OUTBOX" ] && [ "$RECEIVED" = "$DISTINCT" ] && MAIL_OK=yes

REPORT=$(cat <<MD

## Two instances behind nginx ($(date -u +%Y-%m-%d))

\`bench/two-instances.sh\` on $(nproc) cores, $(java -version 2>&1 | head -1), PostgreSQL
$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -tAc 'show server_version'), nginx round-robin over two
instances of the jar (demo data, one database).

| check | measured | holds |
| --- | --- | --- |
| a login made through nginx is honoured by both instances | sign-in $LOGIN; \`/tickets\` with that session: instance A $ON_A, instance B $ON_B, four times through nginx:$VIA_LB; without it $SIGNED_OUT (to the sign-in page) | $(verdict $SESSION_OK) |
| each scheduled run happens on one instance | SLA sweep every 5 s on both instances for ${ELAPSED} s: ran $SWEEP_A times on A and $SWEEP_B on B ($(( SWEEP_A + SWEEP_B )) in all; at most $(( ELAPSED / 4 + 2 )) with the 4 s lock, about $(( 2 * ELAPSED / 5 )) without it) | $(verdict $JOBS_OK) |
| a notification is sent once while both instances send mail | mail sender ran $MAIL_A times on A and $MAIL_B on B; outbox rows for the test ticket $OUTBOX, unsent $UNSENT; mails received $RECEIVED, distinct $DISTINCT | $(verdict $MAIL_OK) |
MD
)
echo "$REPORT"
echo "$REPORT" >> docs/benchmarks.md
[ "$SESSION_OK" = yes ] && [ "$JOBS_OK" = yes ] && [ "$MAIL_OK" = yes ]
