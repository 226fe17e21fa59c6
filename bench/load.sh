#!/usr/bin/env bash
# Load benchmark: the agents' queue (page 1 and page 1000), the raw-JDBC baseline,
# the ticket page, the requester's list, the SLA dashboard and ticket creation through the API,
# at 1 and 50 concurrent clients with wrk, plus start-up time (with and without AppCDS), SQL
# statements per request and resident memory. Appends a table to docs/benchmarks.md.
#
# Needs the data set of bench/generate.sh (default: database helpdesk_bench on
# 127.0.0.1:5432; SPRING_DATASOURCE_URL for another), wrk (installed from Debian's packages if
# missing) and python3. Settings: SECONDS_PER_RUN (15), JAVA_OPTS, PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
exec python3 bench/load.py
