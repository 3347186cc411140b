"""Holds the running release server to its OpenAPI document (issue 18).

Starts `pathway-server serve --demo` on a fresh temporary database and a
free port, then runs schemathesis against /api/v1/openapi.json signed in
as a young person, a PA and a manager in turn (hooks.py), with the checks
that matter for a contract: no server error, and every answer's status,
content type and body as the document says. Prints the counts per role
and exits non-zero on any failure, any error, or a server that logged a
panic or a 500.

Usage: run.py SERVER_BIN CASES_PER_OPERATION
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROLES = [("young person", "jade"), ("PA", "pa.sam"), ("manager", "manager.liverpool")]
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, work):
    port = free_port()
    os.makedirs(os.path.join(work, "dist"))
    env = dict(
        os.environ,
        PATHWAY_ADDR=f"127.0.0.1:{port}",
        DATABASE_URL=f"sqlite://{work}/contract.db?mode=rwc",
        PATHWAY_DIST=os.path.join(work, "dist"),
        # Our sign-ins name their own address (hooks.py), so the generated
        # wrong sign-ins from 127.0.0.1 never stop them.
        PATHWAY_TRUSTED_PROXIES="127.0.0.1",
        RUST_LOG="warn",
    )
    env.pop("PATHWAY_PUBLIC_URL", None)
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([binary, "serve", "--demo"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"{base}/api/v1/health", timeout=1) as res:
                if res.status == 200:
                    return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("pathway-server did not start within 30 s")


def check_document(base):
    """The served document against the OpenAPI 3.1 meta-schema that
    schemathesis carries, before any case is generated from it."""
    from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

    with urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=10) as res:
        doc = json.load(res)
    problems = [str(e) for e in OPENAPI_31_VALIDATOR.iter_errors(doc)]
    operations = sum(1 for item in doc["paths"].values() for m in ("get", "put", "post", "delete") if m in item)
    return doc["openapi"], operations, problems


def run_role(base, user, cases, work):
    report = os.path.join(work, f"{user}.json")
    counts = os.path.join(work, f"{user}.counts.json")
    env = dict(
        os.environ,
        CONTRACT_BASE=base,
        CONTRACT_USER=user,
        CONTRACT_COUNTS=counts,
        SCHEMATHESIS_HOOKS="hooks",
        PYTHONPATH=HERE,
    )
    command = [
        os.path.join(os.path.dirname(sys.executable), "schemathesis"),
        "run",
        f"{base}/api/v1/openapi.json",
        "--url", f"{base}/api/v1",
        "--checks", CHECKS,
        "--max-examples", str(cases),
        "--phases", "examples,coverage,fuzzing",
        # One at a time: the session is shared, and a sign-out must not
        # race another worker's case.
        "--workers", "1",
        "--suppress-health-check", "all",
        "--report", "json",
        "--report-json-path", report,
        "--no-color",
    ]
    started = time.monotonic()
    # In the temporary folder: schemathesis keeps a cache of what it found
    # in its working directory, and each run starts fresh.
    out = subprocess.run(command, env=env, capture_output=True, text=True, cwd=work)
    seconds = time.monotonic() - started
    with open(report) as f:
        result = json.load(f)
    with open(counts) as f:
        calls = json.load(f)
    return out, result, calls, seconds


def server_trouble(work):
    with open(os.path.join(work, "server.log")) as f:
        return [line.rstrip() for line in f if "panicked" in line or "request failed" in line]


def main():
    binary, cases = sys.argv[1], int(sys.argv[2])
    ok = True
    with tempfile.TemporaryDirectory(prefix="pathway-contract-") as work:
        server, base = start_server(binary, work)
        try:
            version, operations, problems = check_document(base)
            print(f"/api/v1/openapi.json: OpenAPI {version}, {operations} operations, "
                  f"{len(problems)} problems against the 3.1 meta-schema")
            if problems or version != "3.1.0":
                print("\n".join(problems[:20]))
                return 1
            rows = []
            for role, user in ROLES:
                out, result, calls, seconds = run_role(base, user, cases, work)
                ops = result["operations"]
                tc = result["test_cases"]
                per_op = sorted(calls["calls"].values()) or [0]
                failures = tc["with_failures"]
                errors = len(result["errors"]) + ops["errored"]
                below = sorted(op for op, n in calls["calls"].items() if n < cases)
                rows.append((role, user, ops["tested"], tc["generated"], sum(per_op), per_op[0], failures, errors,
                             calls["sign_ins"], seconds, below))
                if result["exit_code"] != 0 or failures or errors:
                    ok = False
                    print(out.stdout[-20000:])
                    print(out.stderr[-5000:], file=sys.stderr)
            trouble = server_trouble(work)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"\nschemathesis, {cases} cases per operation; checks: {CHECKS}")
    print(f"{'role':<13}{'user':<19}{'operations':>11}{'cases':>8}{'requests':>10}{'fewest':>8}"
          f"{'failures':>10}{'errors':>8}{'sign-ins':>10}{'seconds':>9}")
    for role, user, n_ops, n_cases, n_calls, fewest, failures, errors, sign_ins, seconds, _ in rows:
        print(f"{role:<13}{user:<19}{n_ops:>11}{n_cases:>8}{n_calls:>10}{fewest:>8}"
              f"{failures:>10}{errors:>8}{sign_ins:>10}{seconds:>9.0f}")
    # Hypothesis stops early when an operation has fewer distinct inputs
    # than asked for (GET /me has exactly one): these are listed, not failed.
    for role, user, *_, below in rows:
        if below:
            print(f"{user}: {len(below)} operations with fewer than {cases} distinct inputs: {', '.join(below)}")
    if trouble:
        ok = False
        print("\nthe server logged panics or 500s:\n" + "\n".join(trouble[:20]))
    print("\n" + ("contract kept: 0 server errors, 0 nonconformant responses" if ok else "CONTRACT BROKEN"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
