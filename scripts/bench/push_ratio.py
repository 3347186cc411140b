"""The push ratio (issue 12, item 5), driven by scripts/bench/push-ratio.

Each round: N single-change pushes through POST /api/v1/sync/push, one after
another on one keep-alive connection, as one young person's device; then N
rows inserted into the same `sync_records` table of the same SQLite file (the
server idle beside it) in N transactions, with the server's pragmas (WAL,
synchronous=FULL, foreign_keys=ON); and, as a second baseline, N transactions
that do every statement a push does (counter, three look-ups, the record, the
stored answer, the device's last seq). fsync times on a shared machine vary,
so the rounds alternate and the medians are compared. Prints times, per-change
latency and the ratios.

Both sides sync every commit, but not the same way: strace shows Python's
SQLite calling fdatasync once per transaction and the server's (bundled by
sqlx) fsync once per push. On a quiet disk either takes ~0.1 ms and the
ratio measures the server's own cost; while other work floods the disk a
flush can take milliseconds, and then it measures the disk (runs on a busy
machine have shown 0.4x as well as 4.7x). Compare builds in the same minutes.
"""

import http.client
import json
import sqlite3
import statistics
import sys
import time
import uuid


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def push_phase(port, cookie, n):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    device = str(uuid.uuid4())
    headers = {"Cookie": f"pathway_session={cookie}", "Content-Type": "application/json"}
    lat = []
    start = time.perf_counter()
    for seq in range(1, n + 1):
        body = json.dumps({"mutations": [{
            "mutation_id": str(uuid.uuid4()), "client_id": device, "seq": seq, "entity": "topic",
            "record_id": str(uuid.uuid4()), "op": "put", "payload": {"text": f"Ratio topic {seq}"},
            "base_version": None,
        }]})
        t = time.perf_counter()
        conn.request("POST", "/api/v1/sync/push", body=body, headers=headers)
        res = conn.getresponse()
        data = res.read()
        lat.append(time.perf_counter() - t)
        if res.status != 200 or json.loads(data)["results"][0]["result"]["status"] != "applied":
            sys.exit(f"push {seq} not applied: {res.status} {data[:300]!r}")
    conn.close()
    return time.perf_counter() - start, lat


def connect(db_file):
    db = sqlite3.connect(db_file, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "busy_timeout = 5000"):
        db.execute(f"PRAGMA {pragma}")
    return db


def direct_phases(db_file, n, round_no):
    """The two direct baselines, on the same file the server has open (idle)."""
    db = connect(db_file)
    # A row exactly like one the server wrote for a pushed topic.
    owner, fields, stamps, updated_by, vis = db.execute(
        "SELECT owner_id, fields, stamps, updated_by, visible_to_pa FROM sync_records "
        "WHERE entity = 'topic' ORDER BY version DESC LIMIT 1").fetchone()
    base = 10**12 + round_no * 10 * n  # versions far above the server's, never touched by it

    def time_it(one):
        lat = []
        start = time.perf_counter()
        for i in range(n):
            t = time.perf_counter()
            one(i)
            lat.append(time.perf_counter() - t)
        return time.perf_counter() - start, lat

    def insert_only(i):
        db.execute("BEGIN")
        now = int(time.time() * 1000)
        db.execute(
            "INSERT INTO sync_records (id, entity, owner_id, version, fields, stamps, deleted, updated_at, "
            "updated_by, visible_to_pa, pa_ever_saw, created_at) VALUES (?, 'topic', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), owner, base + i, fields, stamps, now, updated_by, vis, vis, now))
        db.execute("COMMIT")

    device = str(uuid.uuid4())

    def like_a_push(i):
        db.execute("BEGIN")
        version = db.execute("UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value").fetchone()[0]
        mid, rid = str(uuid.uuid4()), str(uuid.uuid4())
        db.execute("SELECT person_id, result FROM applied_mutations WHERE mutation_id = ?", (mid,)).fetchall()
        db.execute("SELECT person_id FROM sync_clients WHERE client_id = ?", (device,)).fetchall()
        db.execute("SELECT id, entity, owner_id, version, fields, stamps, deleted, updated_at FROM sync_records "
                   "WHERE id = ?", (rid,)).fetchall()
        now = int(time.time() * 1000)
        db.execute(
            "INSERT INTO sync_records (id, entity, owner_id, version, fields, stamps, deleted, updated_at, "
            "updated_by, visible_to_pa, pa_ever_saw, created_at) VALUES (?, 'topic', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
            (rid, owner, version, fields, stamps, now, updated_by, vis, vis, now))
        db.execute("INSERT INTO applied_mutations (mutation_id, person_id, client_id, seq, result, at) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   (mid, owner, device, i + 1, json.dumps({"status": "applied", "version": version}), now))
        db.execute("INSERT INTO sync_clients (client_id, person_id, last_seq) VALUES (?, ?, ?) "
                   "ON CONFLICT (client_id) DO UPDATE SET last_seq = CASE WHEN excluded.last_seq > "
                   "sync_clients.last_seq THEN excluded.last_seq ELSE sync_clients.last_seq END",
                   (device, owner, i + 1))
        db.execute("COMMIT")

    insert = time_it(insert_only)
    full = time_it(like_a_push)
    db.close()
    return insert, full


def main(port, cookie, n, db_file, rounds):
    ms = lambda s: s * 1000
    names = [f"{n} pushes through /sync/push (1 client)", f"{n} sync_records inserts, {n} transactions",
             f"{n} transactions with a push's statements"]
    totals = {k: [] for k in names}
    lats = {k: [] for k in names}
    print(f"\nPushing {n} changes vs inserting the same rows directly, SQLite (WAL, synchronous=FULL), "
          f"{rounds} rounds, alternating, on {db_file}")
    print(f"{'round':6} {'':44} {'total s':>8} {'per change ms':>14} {'p50 ms':>8} {'p99 ms':>8}")
    for r in range(1, rounds + 1):
        push = push_phase(port, cookie, n)
        insert, full = direct_phases(db_file, n, r)
        for name, (tot, lat) in zip(names, [push, insert, full]):
            totals[name].append(tot)
            lats[name].extend(lat)
            print(f"{r:<6} {name:44} {tot:8.3f} {ms(tot) / n:14.3f} {ms(statistics.median(lat)):8.3f} "
                  f"{ms(pct(lat, 99)):8.3f}")
        print(f"{r:<6} ratio push / direct insert {push[0] / insert[0]:.2f}x, "
              f"push / a push's statements {push[0] / full[0]:.2f}x")
    print()
    print("median over the rounds (p50/p99 over every change of every round):")
    for name in names:
        tot = statistics.median(totals[name])
        lat = lats[name]
        print(f"{'':6} {name:44} {tot:8.3f} {ms(tot) / n:14.3f} {ms(statistics.median(lat)):8.3f} "
              f"{ms(pct(lat, 99)):8.3f}")
    med = {k: statistics.median(v) for k, v in totals.items()}
    print()
    print(f"ratio push / direct insert:            {med[names[0]] / med[names[1]]:.2f}x   (goal <= 2x)")
    print(f"ratio push / same statements directly: {med[names[0]] / med[names[2]]:.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
