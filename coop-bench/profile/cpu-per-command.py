#!/usr/bin/env python3
"""Process CPU per command: starts a Coop jar (zero-setup default, a fresh ./data under /tmp/ab/run-LABEL), sends 400
drafts to warm it, then 1,500 drafts from one client, and divides the process CPU (/proc/PID/stat, with 3 s after
the last answer for the read models and the saga) by the commands. Usage: cpu-per-command.py COOP_JAR LABEL
(run from the repository root; drafts the body of http/halmstad-draft.json). Arguments after LABEL go to Coop,
e.g. --axon.eventhandling.processors.status.thread-count=1."""
import http.client, json, base64, os, sys, time, subprocess, socket, shutil
jar, label, extra = sys.argv[1], sys.argv[2], sys.argv[3:]  # the Coop jar, a name for the run, its arguments
work = f"/tmp/ab/run-{label}"; shutil.rmtree(work, ignore_errors=True); os.makedirs(work)
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
p = subprocess.Popen(["java", "-jar", jar, f"--server.port={port}", *extra], cwd=work, stdout=open(work + "/log", "w"), stderr=subprocess.STDOUT)
def cpu():
    f = open(f"/proc/{p.pid}/stat").read().split(")")[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
for i in range(300):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=2); c.request("GET", "/actuator/health"); 
        if c.getresponse().status == 200: break
    except Exception: pass
    time.sleep(0.5)
auth = "Basic " + base64.b64encode(b"secretariat:secretariat").decode()
body = json.load(open("http/halmstad-draft.json"))
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
def draft(i):
    conn.request("POST", "/api/v1/agreements", json.dumps(body), {"Authorization": auth, "Content-Type": "application/json", "Idempotency-Key": f"{label}-{i}"})
    r = conn.getresponse(); r.read()
    assert r.status == 201, r.status
for i in range(400): draft(i)
time.sleep(3)
c0 = cpu(); t0 = time.time(); n = 1500
for i in range(400, 400 + n): draft(i)
t1 = time.time(); time.sleep(3)  # the read models and the saga finish their share
c1 = cpu()
print(f"{label}: {n} drafts in {t1-t0:.1f} s ({n/(t1-t0):.0f}/s), process CPU {c1-c0:.2f} s = {1000*(c1-c0)/n:.2f} ms per command (idle 3 s included)")
p.terminate(); p.wait(60)
