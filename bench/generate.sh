#!/usr/bin/env bash
# Loads the benchmark data set: 1,000,000 tickets over three years, 100,000 open,
# 30 clients on two plans, 60 agents in three groups, 300 requesters, about four comments a
# ticket and the SLA clocks the real replay computes from each ticket's history, with COPY.
#
# By default into a database helpdesk_bench on the PostgreSQL at 127.0.0.1:5432 (trust
# authentication, user postgres), created afresh. With SPRING_DATASOURCE_URL (and
# SPRING_DATASOURCE_USERNAME / _PASSWORD) set, into that database instead: its public schema
# is dropped and migrated again. Settings: TICKETS, OPEN.
# Accounts (password bench-pass-2026): agent1..60@bench.test, requester1..300@bench.test,
# manager@bench.test, admin@bench.test; requester1's API token is hd_bench-requester1-token-2026.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q -B -Pbench test -Dtest=SlaBenchmark -Dbench.reload=true -Dbench.loadOnly=true \
  -Dbench.tickets="${TICKETS:-1000000}" -Dbench.open="${OPEN:-100000}" -Djacoco.skip=true
