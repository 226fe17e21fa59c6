#!/usr/bin/env python3
"""Load benchmark (run by bench/load.sh; standard library only).

Starts the jar in the bench profile against the benchmark data set (bench/generate.sh),
measures its start (plain, then with an AppCDS archive), warms it, drives each page with wrk
at 1 and 50 concurrent connections, reads the SQL statements per request that the bench
profile counts, samples the process's resident memory, and appends a table to
docs/benchmarks.md.
"""
import datetime
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import http.cookiejar

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
URL = os.environ.get("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/helpdesk_bench")
DB_USER = os.environ.get("SPRING_DATASOURCE_USERNAME", "postgres")
PORT = int(os.environ.get("PORT", "18380"))
BASE = "http://127.0.0.1:%d" % PORT
SECONDS = int(os.environ.get("SECONDS_PER_RUN", "15"))
JAVA_OPTS = os.environ.get("JAVA_OPTS", "-Xms512m -Xmx768m -XX:+UseG1GC")
PASSWORD = "bench-pass-2026"
TOKEN = "hd_bench-requester1-token-2026"
WORK = tempfile.mkdtemp(prefix="helpdesk-load.")


def log(*args):
    print(*args, flush=True)


def psql(sql):
    m = re.match(r"jdbc:postgresql://([^:/]+)(?::(\d+))?/([^?]+)", URL)
    host, port, db = m.group(1), m.group(2) or "5432", m.group(3)
    out = subprocess.run(["psql", "-h", host, "-p", port, "-U", DB_USER, "-d", db, "-Atqc", sql],
                         check=True, capture_output=True, text=True,
                         env=dict(os.environ, PGPASSWORD=os.environ.get("SPRING_DATASOURCE_PASSWORD", "")))
    return out.stdout.strip()


def jar():
    found = [f for f in os.listdir(os.path.join(ROOT, "target")) if re.match(r"helpdesk-.*\.jar$", f)] \
        if os.path.isdir(os.path.join(ROOT, "target")) else []
    if not found:
        subprocess.run(["./mvnw", "-q", "-B", "package", "-DskipTests", "-Djacoco.skip=true"], cwd=ROOT, check=True)
        return jar()
    return os.path.join(ROOT, "target", found[0])


def start(command, name):
    """Starts the app; answers (process, seconds until the first healthy answer, Spring's own figure)."""
    env = dict(os.environ, SPRING_DATASOURCE_URL=URL, SPRING_DATASOURCE_USERNAME=DB_USER, SERVER_PORT=str(PORT),
               HELPDESK_DEMO_DATA="false", HELPDESK_DATA_DIR=os.path.join(WORK, "data"),
               SPRING_PROFILES_ACTIVE="bench", LOGGING_LEVEL_ROOT="WARN",
               LOGGING_LEVEL_COM_HELPDESK="INFO")
    out = open(os.path.join(WORK, name + ".log"), "w")
    began = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=WORK)
    while time.monotonic() - began < 180:
        if process.poll() is not None:
            sys.exit("the app stopped while starting; see " + out.name)
        try:
            with urllib.request.urlopen(BASE + "/actuator/health", timeout=2) as r:
                if r.status == 200:
                    took = time.monotonic() - began
                    break
        except OSError:
            time.sleep(0.05)
    else:
        sys.exit("the app did not start in 180 s; see " + out.name)
    time.sleep(0.5)
    text = open(out.name).read()
    spring = re.search(r"Started \w+ in ([\d.]+) seconds \(process running for ([\d.]+)\)", text)
    return process, took, (float(spring.group(1)), float(spring.group(2))) if spring else None


def stop(process):
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()


class Session:
    """A signed-in browser: the SESSION cookie of a form sign-in."""

    def __init__(self, email):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.opener.open(BASE + "/login").read().decode()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"username": email, "password": PASSWORD, "_csrf": csrf}).encode()
        self.opener.open(BASE + "/login", data)
        self.cookie = "; ".join("%s=%s" % (c.name, c.value) for c in self.jar)
        if "SESSION" not in self.cookie:
            sys.exit("could not sign in as " + email)

    def get(self, path):
        began = time.monotonic()
        with self.opener.open(BASE + path) as r:
            body = r.read().decode()
            if r.status != 200 or "/login" in r.url:
                sys.exit("%s answered %s" % (path, r.status))
        return body, (time.monotonic() - began) * 1000


def statements(admin, reset=True):
    body, _ = admin.get("/bench/statements?reset=%s" % ("true" if reset else "false"))
    return json.loads(body)


def to_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(path, connections, headers, script=None, seconds=SECONDS):
    command = ["wrk", "-t", "1" if connections == 1 else "2", "-c", str(connections), "-d", "%ds" % seconds,
               "--latency", "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    out = subprocess.run(command + [BASE + path], check=True, capture_output=True, text=True).stdout
    percentiles = dict((p, to_ms(v)) for p, v in re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"p50": percentiles["50"], "p99": percentiles["99"], "rate": rate, "requests": total,
            "bad": int(bad.group(1)) if bad else 0, "socket": errors.group(1) if errors else ""}


def constant_rate(path, body, rate, seconds, cookie=None):
    """Open-loop load: a request every 1/rate s whatever the answers, each timed from when
    it was due (so a stall is not hidden by fewer requests being sent)."""
    import concurrent.futures
    latencies, statuses = [], []
    lock = threading.Lock()
    began = time.monotonic() + 0.2

    def send(due):
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        if cookie is not None:
            request = urllib.request.Request(BASE + path, headers={"Cookie": cookie})
        else:
            request = urllib.request.Request(BASE + path, data=body.encode(), method="POST", headers={
                "Content-Type": "application/json", "Authorization": "Bearer " + TOKEN})
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        except OSError:
            status = 0
        with lock:
            latencies.append((time.monotonic() - due) * 1000)
            statuses.append(status)

    with concurrent.futures.ThreadPoolExecutor(max_workers=100) as pool:
        for i in range(int(rate * seconds)):
            pool.submit(send, began + i / rate)
    latencies.sort()
    return {"p50": latencies[len(latencies) // 2], "p99": latencies[int(len(latencies) * 0.99) - 1],
            "rate": len(latencies) / seconds, "requests": len(latencies),
            "bad": sum(1 for s in statuses if s != (201 if cookie is None else 200)), "socket": ""}


class Memory(threading.Thread):
    """Samples the process's resident set while the load runs."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.most, self.running = pid, 0, True

    def run(self):
        while self.running:
            self.most = max(self.most, rss(self.pid))
            time.sleep(0.2)


def rss(pid):
    with open("/proc/%d/status" % pid) as status:
        return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1)) // 1024


def main():
    tickets = int(psql("select count(*) from ticket"))
    open_tickets = int(psql("select count(*) from ticket where status <> 'SOLVED'"))
    if tickets < 1000:
        sys.exit("no benchmark data in %s: run bench/generate.sh first" % URL)
    comments = int(psql("select count(*) from ticket_comment"))
    app = jar()
    java = shutil.which("java")
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    opts = JAVA_OPTS.split()
    results = {"starts": []}

    # start: the fat jar, then the extracted jar with an AppCDS archive made by a training run
    log("start: plain jar")
    process, took, spring = start([java] + opts + ["-jar", app], "plain")
    results["starts"].append(("`java -jar` (fat jar)", took, spring))
    stop(process)
    extracted = os.path.join(WORK, "extracted")
    subprocess.run([java, "-Djarmode=tools", "-jar", app, "extract", "--destination", extracted], check=True,
                   capture_output=True)
    extracted_jar = os.path.join(extracted, os.path.basename(app))
    archive = os.path.join(WORK, "app.jsa")
    log("start: extracted jar, training run for AppCDS")
    env = dict(os.environ, SPRING_DATASOURCE_URL=URL, SPRING_DATASOURCE_USERNAME=DB_USER, SERVER_PORT=str(PORT),
               HELPDESK_DEMO_DATA="false", HELPDESK_DATA_DIR=os.path.join(WORK, "data"), LOGGING_LEVEL_ROOT="WARN")
    subprocess.run([java] + opts + ["-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                                    "-jar", extracted_jar], env=env, check=True, capture_output=True, cwd=WORK)
    process, took, spring = start([java] + opts + ["-jar", extracted_jar], "extracted")
    results["starts"].append(("extracted jar, no archive", took, spring))
    stop(process)
    # JDK 25's AOT cache (JEP 483/514), where such a JDK is installed: the jar is Java 17
    newer = os.environ.get("AOT_JAVA") or next(
        (os.path.join(d, "bin", "java") for d in sorted(glob.glob("/usr/lib/jvm/*25*"))
         if os.path.exists(os.path.join(d, "bin", "java"))), None)
    if newer:
        cache = os.path.join(WORK, "app.aot")
        subprocess.run([newer] + opts + ["-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
                                         extracted_jar], env=env, check=True, capture_output=True, cwd=WORK)
        newer_version = subprocess.run([newer, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
        process, took, spring = start([newer] + opts + ["-XX:AOTCache=" + cache, "-jar", extracted_jar], "aot")
        results["starts"].append(("%s with the AOT cache" % newer_version, took, spring))
        stop(process)
    process, took, spring = start([java] + opts + ["-XX:SharedArchiveFile=" + archive, "-jar", extracted_jar],
                                  "cds")
    results["starts"].append(("extracted jar with the AppCDS archive", took, spring))

    memory = Memory(process.pid)
    memory.start()
    agent, requester, manager = Session("agent1@bench.test"), Session("requester1@bench.test"), \
        Session("manager@bench.test")
    _, results["sla_cold"] = manager.get("/dashboard/sla")
    open_ticket = psql("select t.id from ticket t where t.status = 'OPEN' and t.assignee_id is not null "
                       "and (select count(*) from ticket_comment c where c.ticket_id = t.id) >= 3 "
                       "order by t.id desc limit 1")
    row = psql("select (extract(epoch from updated_at) * 1000000)::bigint, id from ticket "
               "order by updated_at desc, id desc offset %d limit 1" % (999 * 25 - 1)).split("|")
    import base64
    cursor = base64.urlsafe_b64encode(("0:%s:%s" % (row[0], row[1])).encode()).decode().rstrip("=")
    body = json.dumps({"type": "QUESTION", "subject": "Load test: is the cache warm?",
                       "description": "A request raised by the load benchmark through the API.",
                       "alreadyTried": "Reading the runbook."})
    script = os.path.join(WORK, "create.lua")
    with open(script, "w") as lua:
        lua.write('wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n'
                  'wrk.headers["Authorization"] = "Bearer %s"\n' % (json.dumps(body), TOKEN))
    scenarios = [
        ("Agent queue, New view, page 1 (`/tickets`)", "/tickets", agent, None, "GET /tickets"),
        ("Raw-JDBC baseline of that queue (`/bench/raw-queue`)", "/bench/raw-queue", agent, None,
         "GET /bench/raw-queue"),
        ("Agent queue, All view, page 1", "/tickets?view=all", agent, None, "GET /tickets"),
        ("Agent queue, All view, page 1000 (cursor)", "/tickets?view=all&cursor=" + cursor, agent, None,
         "GET /tickets"),
        ("Who is on duty strip, loaded by every staff page (`/rotas/now`)", "/rotas/now", agent, None,
         "GET /rotas/now"),
        ("Unread count, loaded by every page (`/notifications/unread`)", "/notifications/unread", agent, None,
         "GET /notifications/unread"),
        ("Ticket page (`/tickets/%s`)" % open_ticket, "/tickets/" + open_ticket, agent, None, "GET /tickets/{id}"),
        ("Requester's list (`/requests`)", "/requests", requester, None, "GET /requests"),
        ("SLA dashboard, warm (`/dashboard/sla`)", "/dashboard/sla", manager, None, "GET /dashboard/sla"),
        ("Create a ticket (`POST /api/v1/tickets`)", "/api/v1/tickets", None, script, "POST /api/v1/tickets"),
    ]
    # warm: every page for 5 s, twice over, so the JIT has compiled the paths measured (after
    # one pass the queue page, measured first, was still some 30% short of its steady rate)
    for _ in range(2):
        for _, path, who, lua, _ in scenarios:
            if who is not None:
                wrk(path, 4, ["Cookie: " + who.cookie], seconds=5)
    results["runs"] = []
    for title, path, who, lua, route in scenarios:
        headers = ["Cookie: " + who.cookie] if who is not None else []
        for connections in (1, 50):
            statements(agent)
            log("%s at %d" % (title, connections))
            measured = wrk(path, connections, headers, lua)
            counted = statements(agent).get(route, {})
            measured["statements"] = counted.get("statementsPerRequest")
            measured["session"] = counted.get("sessionStatementsPerRequest")
            measured["most"] = counted.get("mostStatements")
            results["runs"].append((title, connections, measured))
    statements(agent)
    log("Create a ticket at a steady 50 a second")
    steady = constant_rate("/api/v1/tickets", body, 50, max(SECONDS, 20))
    counted = statements(agent).get("POST /api/v1/tickets", {})
    steady["statements"] = counted.get("statementsPerRequest")
    steady["session"] = counted.get("sessionStatementsPerRequest")
    steady["most"] = counted.get("mostStatements")
    results["runs"].append(("Create a ticket at a steady 50 a second (open loop)", 50, steady))
    for rate in (100, 150):
        statements(agent)
        log("Agent queue at a steady %d a second" % rate)
        steady = constant_rate("/tickets", None, rate, max(SECONDS, 20), agent.cookie)
        counted = statements(agent).get("GET /tickets", {})
        steady["statements"] = counted.get("statementsPerRequest")
        steady["session"] = counted.get("sessionStatementsPerRequest")
        steady["most"] = counted.get("mostStatements")
        results["runs"].append(("Agent queue, New view, page 1, at a steady %d a second (open loop)" % rate, rate,
                                steady))
    memory.running = False
    results["rss"] = memory.most
    with open("/proc/%d/status" % process.pid) as status:
        results["hwm"] = int(re.search(r"VmHWM:\s+(\d+)", status.read()).group(1)) // 1024
    _, results["sla_cold_after"] = manager.get("/dashboard/sla")
    stop(process)
    created = int(psql("select count(*) from ticket")) - tickets
    write(results, tickets, open_tickets, comments, version, created)
    shutil.rmtree(WORK, ignore_errors=True)


def write(results, tickets, open_tickets, comments, version, created):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    cores = os.cpu_count()
    pg = psql("show server_version")
    runs = {(t, c): m for t, c, m in results["runs"]}
    lines = ["", "## Load, %s" % datetime.date.today(), "",
             "`bench/load.sh`: wrk (Debian) on the same machine as the app and PostgreSQL: %d cores (%s); "
             "%s, `%s`; PostgreSQL %s. Data: %s tickets (%s open), %s comments (bench/generate.sh). "
             "Each run lasts %d s after a warm-up; statements are counted by the bench profile's datasource "
             "proxy per request, Spring Session's own in brackets." % (
                 cores, cpu, version, JAVA_OPTS, pg, format(tickets, ","), format(open_tickets, ","),
                 format(comments, ","), SECONDS),
             "",
             "| what | clients (for the steady rate: requests a second) | p50 ms | p99 ms | req/s | SQL statements per request | errors |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for title, connections, m in results["runs"]:
        sql = "%.1f (%.1f session), most %d" % (m["statements"], m["session"], m["most"]) \
            if m["statements"] is not None else "n/a"
        errors = m["bad"] + (1 if m["socket"] else 0)
        lines.append("| %s | %d | %.1f | %.1f | %.0f | %s | %s |" % (
            title, connections, m["p50"], m["p99"], m["rate"], sql,
            ("%d non-2xx" % m["bad"] if m["bad"] else "") + (" socket: " + m["socket"] if m["socket"] else "")
            or "0"))
    queue = runs[("Agent queue, New view, page 1 (`/tickets`)", 50)]
    raw = runs[("Raw-JDBC baseline of that queue (`/bench/raw-queue`)", 50)]
    p1 = runs[("Agent queue, All view, page 1", 50)]
    p1000 = runs[("Agent queue, All view, page 1000 (cursor)", 50)]
    create = runs[("Create a ticket at a steady 50 a second (open loop)", 50)]
    sla = runs[("SLA dashboard, warm (`/dashboard/sla`)", 1)]
    lines += ["", "| target | measured | holds |", "| --- | --- | --- |"]

    def target(text, measured, holds):
        lines.append("| %s | %s | **%s** |" % (text, measured, "yes" if holds else "no"))

    target("queue page p99 ≤ 150 ms at 50 clients", "%.1f ms" % queue["p99"], queue["p99"] <= 150)
    target("queue page ≥ 300 req/s at 50 clients", "%.0f req/s" % queue["rate"], queue["rate"] >= 300)
    target("queue ≥ 50% of the raw-JDBC baseline's throughput", "%.0f / %.0f = %.0f%%" % (
        queue["rate"], raw["rate"], 100 * queue["rate"] / raw["rate"]), queue["rate"] >= 0.5 * raw["rate"])
    target("page 1000 ≤ 1.5 × page 1 (p50 at 50 clients)", "%.1f ms / %.1f ms = %.2f" % (
        p1000["p50"], p1["p50"], p1000["p50"] / p1["p50"]), p1000["p50"] <= 1.5 * p1["p50"])
    page_statements = [m["statements"] - m["session"] for t, c, m in results["runs"]
                       if m["statements"] is not None and t.startswith("Agent queue")]
    target("≤ 3 SQL statements per queue page (besides the session's)", "%.2f on average" % max(page_statements),
           round(max(page_statements), 1) <= 3)
    target("ticket create p99 ≤ 100 ms and ≥ 50/s", "p99 %.1f ms at a steady %.0f/s, %d not 201" % (
        create["p99"], create["rate"], create["bad"]), create["p99"] <= 100 and create["rate"] >= 49.5
           and create["bad"] == 0)
    target("SLA dashboard ≤ 300 ms cold", "%.0f ms (first call after start, through HTTP)" % results["sla_cold"],
           results["sla_cold"] <= 300)
    target("SLA dashboard ≤ 50 ms warm", "p99 %.1f ms (1 client)" % sla["p99"], sla["p99"] <= 50)
    best = min(took for _, took, _ in results["starts"])
    target("startup ≤ 6 s", "; ".join("%s %.1f s to healthy%s" % (
        what, took, " (Spring: %.1f s)" % spring[0] if spring else "") for what, took, spring in results["starts"]),
           best <= 6)
    target("RSS ≤ 1.2 GB under load", "most %d MiB sampled, high-water %d MiB" % (results["rss"], results["hwm"]),
           max(results["rss"], results["hwm"]) <= 1229)
    lines.append("")
    lines.append("%d tickets were created during the run." % created)
    text = "\n".join(lines) + "\n"
    with open(os.path.join(ROOT, "docs", "benchmarks.md"), "a") as doc:
        doc.write(text)
    print(text)


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
