#!/usr/bin/env python3
"""Litestream replication of a lifeline database, for real (`make test-replication`).

Starts `litestream replicate` with contrib/litestream.yml on a primary database and a
file:// replica, runs the reliability workload against the primary (8 concurrent
writers logging releases, the nightly job, readers, and one writer killed with
SIGKILL), follows the replica read-only with `litestream restore -f`, then stops the
primary, restores the replica into a new file and checks that:

- `lifeline doctor` finds the restored file healthy;
- every acknowledged write is in it: a write is acknowledged once lifeline exited 0
  and `litestream sync -wait` reported the replica at the primary's position;
- its v_company_lifeline equals the primary's, and so does the follower's.

It prints the replication lag it saw: how long after lifeline exited 0 a reader of the
follower saw the write (Litestream syncing every second, as in contrib/litestream.yml,
and the follower polling every 200 ms).

    replication_test.py LIFELINE_BINARY LITESTREAM_BINARY
"""
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

from checks import Checks

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONFIG = os.path.join(REPO, "contrib", "litestream.yml")
WRITERS = 8
RELEASES_PER_WRITER = 6


def main():
    lifeline, litestream = (os.path.abspath(p) for p in sys.argv[1:3])
    work = tempfile.mkdtemp(prefix="lifeline-replication-")
    primary = os.path.join(work, "primary.db")
    replica_url = "file://" + os.path.join(work, "replica")
    environment = dict(
        os.environ,
        LIFELINE_DB=primary,
        LIFELINE_TODAY="2024-06-10",
        LITESTREAM_REPLICA_URL=replica_url,
        LITESTREAM_SOCKET=os.path.join(work, "litestream.sock"),
    )
    check = Checks("replication")
    processes = []

    def lifeline_run(arguments, db=primary):
        return subprocess.run([lifeline, *arguments, "--db", db], env=environment, capture_output=True, text=True)

    def litestream_json(arguments):
        result = subprocess.run([litestream, *arguments], env=environment, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"litestream {' '.join(arguments)}: {result.stderr.strip()}")
        return json.loads(result.stdout)

    def sync_wait():
        """Forces a sync and waits for the replica: the position it reports is replicated."""
        state = litestream_json(["sync", "-wait", "-json", "-timeout", "30", "-socket", environment["LITESTREAM_SOCKET"], primary])
        return state["txid"], state["replica_txid"]

    def follower_has(db, day):
        result = lifeline_run(["sql", f"SELECT count(*) FROM releases WHERE released_on = '{day}'", "--format", "csv"], db=db)
        return result.returncode == 0 and result.stdout.split() == ["count(*)", "1"]

    def lifelines(db):
        result = lifeline_run(["sql", "--format", "csv", "SELECT * FROM v_company_lifeline ORDER BY company"], db=db)
        return result.stdout if result.returncode == 0 else f"exit {result.returncode}: {result.stderr}"

    try:
        demo = lifeline_run(["demo", "--as-of", "2024-06-01"])
        assert demo.returncode == 0, demo.stderr
        replicate = subprocess.Popen(
            [litestream, "replicate", "-config", CONFIG], env=environment,
            stdout=open(os.path.join(work, "replicate.log"), "w"), stderr=subprocess.STDOUT)
        processes.append(replicate)
        deadline = time.monotonic() + 30
        while True:
            try:
                txid, replicated = sync_wait()
                if replicated == txid:
                    break
            except (RuntimeError, ValueError, IndexError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("litestream replicate did not start within 30 s: see " + work + "/replicate.log")
            time.sleep(0.2)
        follower = os.path.join(work, "follower.db")
        follow = subprocess.Popen(
            [litestream, "restore", "-f", "-follow-interval", "200ms", "-o", follower, replica_url], env=environment,
            stdout=open(os.path.join(work, "follow.log"), "w"), stderr=subprocess.STDOUT)
        processes.append(follow)

        # The workload: every release a writer logs is unique (its own date), so the
        # restored file can be searched for each one that was acknowledged.
        acknowledged = []
        failures = []
        lock = threading.Lock()

        def writer(number):
            for index in range(RELEASES_PER_WRITER):
                day = f"2023-{1 + number:02d}-{10 + index:02d}"
                result = lifeline_run(["release", "log", "openai/gpt-4", "--on", day, "--capability", "fine-tuning", "--kind", "capability"])
                with lock:
                    (acknowledged if result.returncode == 0 else failures).append((day, result.returncode, result.stderr.strip()))

        def nightly():
            for day in ("2024-06-02", "2024-06-03", "2024-06-04"):
                result = lifeline_run(["reassess", "--quiet", "--as-of", day])
                if result.returncode != 0:
                    with lock:
                        failures.append(("reassess " + day, result.returncode, result.stderr.strip()))

        def reader():
            for _ in range(6):
                for arguments in (["sql", "SELECT count(*) FROM v_company_lifeline"], ["report", "--format", "json"]):
                    result = lifeline_run(arguments)
                    if result.returncode != 0:
                        with lock:
                            failures.append((" ".join(arguments), result.returncode, result.stderr.strip()))

        killed = []

        def killed_writer():
            # A nightly run takes some 20 ms on the demo: try until a SIGKILL lands while
            # it runs, not after it exited.
            time.sleep(random.uniform(0.1, 0.4))
            for attempt in range(100):
                process = subprocess.Popen(
                    [lifeline, "reassess", "--full", "--as-of", "2024-06-05", "--db", primary], env=environment,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(random.uniform(0.001, 0.02))
                process.send_signal(signal.SIGKILL)
                if process.wait() == -signal.SIGKILL:
                    killed.append(attempt + 1)
                    return

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
        threads += [threading.Thread(target=nightly), threading.Thread(target=reader), threading.Thread(target=killed_writer)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        check(not failures, "every writer, nightly run and reader of the workload exited 0", repr(failures[:3]))
        check(bool(killed), "a writer was killed with SIGKILL while it ran", "every try had exited first")
        check(len(acknowledged) == WRITERS * RELEASES_PER_WRITER, f"{WRITERS} writers logged {WRITERS * RELEASES_PER_WRITER} releases")
        txid, replicated = sync_wait()
        check(replicated == txid, f"litestream sync -wait reports the replica at the primary's position (txid {txid})", f"replica at {replicated}")

        # The lag: how long after lifeline exits 0 a reader of the follower sees the
        # write, with Litestream syncing on its own every second (no sync forced) and
        # the follower polling the replica every 200 ms.
        lags = []
        for probe in range(5):
            day = f"2023-12-{10 + probe}"
            logged = lifeline_run(["release", "log", "openai/gpt-4", "--on", day, "--capability", "fine-tuning", "--kind", "capability"])
            exited = time.monotonic()
            if logged.returncode != 0:
                check(False, f"lag probe {probe} logged its release", logged.stderr.strip())
                continue
            while not follower_has(follower, day) and time.monotonic() - exited < 30:
                time.sleep(0.05)
            lags.append(time.monotonic() - exited)
            acknowledged.append((day, 0, ""))
        txid, replicated = sync_wait()
        check(replicated == txid, "the lag probes are replicated too")
        primary_lifelines = lifelines(primary)

        # The follower catches up on its own, and reads like the primary.
        deadline = time.monotonic() + 30
        while lifelines(follower) != primary_lifelines and time.monotonic() < deadline:
            time.sleep(0.2)
        check(lifelines(follower) == primary_lifelines, "a follower (litestream restore -f), read by lifeline sql, shows the primary's v_company_lifeline")

        # The primary is lost: stop Litestream, restore the replica into a new file.
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)
        processes.clear()
        # Litestream checkpoints the file itself; a checkpoint of lifeline's that moved
        # the log under it would show here as a warning or an error.
        with open(os.path.join(work, "replicate.log")) as log:
            complaints = [line.strip() for line in log if "level=ERROR" in line or "level=WARN" in line]
        check(not complaints, "Litestream logged no warning or error while lifeline wrote", repr(complaints[:3]))
        restored = os.path.join(work, "restored.db")
        restore = subprocess.run([litestream, "restore", "-o", restored, replica_url], env=environment, capture_output=True, text=True)
        check(restore.returncode == 0, "litestream restore wrote a new file", restore.stderr.strip())
        doctor = lifeline_run(["doctor"], db=restored)
        check(doctor.returncode == 0 and "Healthy." in doctor.stdout, "lifeline doctor finds the restored file healthy", doctor.stdout + doctor.stderr)
        logged = lifeline_run(["sql", "--format", "jsonl",
                               "SELECT r.released_on FROM releases r JOIN models m ON m.id = r.model_id "
                               "WHERE m.slug = 'gpt-4' AND r.kind = 'capability' AND r.released_on >= '2023-01-10'"], db=restored)
        present = {json.loads(line)["released_on"] for line in logged.stdout.split("\n") if line}
        missing = [day for day, _, _ in acknowledged if day not in present]
        check(not missing, f"all {len(acknowledged)} acknowledged releases are in the restored file", f"missing {missing}")
        check(lifelines(restored) == primary_lifelines, "the restored file's v_company_lifeline equals the primary's",
              lifelines(restored)[:500])
        whole = lifeline_run(["sql", "--format", "jsonl",
                              "SELECT count(*) FROM reassessment_runs r "
                              "WHERE r.changes_recorded != (SELECT count(*) FROM assessments a WHERE a.run_id = r.id)"], db=restored)
        check(whole.stdout.strip() == '{"count(*)":0}', "every run in the restored file is whole (the killed writer left nothing half-done)", whole.stdout + whole.stderr)

        if lags:
            print(f"replication lag (lifeline exit to a reader of the follower, {len(lags)} writes, sync-interval 1s): "
                  f"min {min(lags):.2f} s, median {sorted(lags)[len(lags) // 2]:.2f} s, max {max(lags):.2f} s")
    finally:
        for process in processes:
            process.kill()
            process.wait()
    check.finish(work)


if __name__ == "__main__":
    main()
