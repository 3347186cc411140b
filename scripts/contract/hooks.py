"""Schemathesis hooks for scripts/api-contract: sign in as one demo person
(CONTRACT_USER) and stay signed in while the generated cases try to end
the session.

Some operations end or lock the session on purpose: logout, /auth/lock
(ends it without a PIN, locks it with one), ten wrong PINs at
/auth/unlock, /me/close. After any answer that says the session has gone
(401 or 423), or a 204 from one of those, the next case signs in again.

Sign-in limits (auth/limiter.rs) would otherwise stop that sign-in:
- the generated wrong sign-ins fill the count of 127.0.0.1, so the server
  is started trusting 127.0.0.1 as a proxy and each of our sign-ins names
  an address of its own in X-Forwarded-For;
- a wrong current passphrase at /auth/passphrase or /me/close, or a wrong
  authenticator code, counts against the account itself, ten in 15
  minutes; a right sign-in starts that count again, so after each one
  (any 4xx of those operations) we sign in at once; so too after a
  generated sign-in that names our own username (schemathesis reuses
  values it has seen in answers).
The cookie is put on each case just before it is sent (`before_call`):
a case's auth may be set when it is generated, before an earlier case
ended the session.
"""

import atexit
import json
import os
import threading

import requests
import schemathesis

BASE = os.environ["CONTRACT_BASE"]  # http://127.0.0.1:PORT
USER = os.environ["CONTRACT_USER"]
PASSPHRASE = os.environ.get("CONTRACT_PASSPHRASE", "pathway-demo")
COOKIE = "pathway_session"

# Operations whose 204 means this session has ended or is locked.
ENDS_SESSION = {"POST /auth/logout", "POST /auth/lock", "POST /me/close"}
# Operations whose wrong passphrase or code counts against the account.
COUNTED_AGAINST_ACCOUNT = {"POST /auth/passphrase", "POST /me/close", "POST /auth/second-factor/confirm"}
# Public operations: their 401s are about the body, not our session.
PUBLIC = {"POST /auth/login", "POST /auth/code", "POST /auth/redeem"}


class Session:
    """The current session's token, shared by schemathesis's workers."""

    def __init__(self):
        self.lock = threading.Lock()
        self.token = None
        self.sign_ins = 0

    def current(self):
        with self.lock:
            if self.token is None:
                self.token = self._sign_in()
            return self.token

    def gone(self):
        with self.lock:
            self.token = None

    def _sign_in(self):
        self.sign_ins += 1
        n = self.sign_ins
        address = f"10.77.{(n // 250) % 250}.{n % 250 + 1}"
        res = requests.post(
            f"{BASE}/api/v1/auth/login",
            json={"username": USER, "passphrase": PASSPHRASE},
            headers={"X-Forwarded-For": address},
            timeout=30,
        )
        if res.status_code != 200:
            raise RuntimeError(f"sign-in as {USER} failed: {res.status_code} {res.text}")
        return res.cookies[COOKIE]


SESSION = Session()


@schemathesis.auth(refresh_interval=None, retry_on=[])
class PathwaySession:
    """The session cookie on every case; a fresh sign-in when it has gone."""

    def get(self, case, context):
        return SESSION.current()

    def set(self, case, data, context):
        case.cookies = dict(case.cookies or {})
        case.cookies[COOKIE] = data


# Calls per operation, written at exit for scripts/contract/run.py's counts.
CALLS = {}


@schemathesis.hook
def before_call(context, case, kwargs):
    # Here, not only in `PathwaySession.set`: cases may be given their auth
    # when they are generated, before an earlier case ended the session.
    case.cookies = dict(case.cookies or {})
    case.cookies[COOKIE] = SESSION.current()


@schemathesis.hook
def after_call(context, case, response):
    label = f"{case.method.upper()} {case.operation.path}"
    if case.method.upper() == case.operation.method.upper():
        # Not the coverage phase's tries of methods the path does not have.
        CALLS[label] = CALLS.get(label, 0) + 1
    status = response.status_code
    if label == "POST /auth/login" and status >= 400 and _names_us(case.body):
        # Schemathesis reuses values it saw in answers, such as our own
        # username: a wrong passphrase for it counts against our account.
        SESSION.gone()
        SESSION.current()
    if label in PUBLIC:
        return
    if status in (401, 423) or (status == 204 and label in ENDS_SESSION):
        SESSION.gone()
    if label in COUNTED_AGAINST_ACCOUNT and status >= 400:
        # Any refusal after the try was counted (a wrong passphrase or
        # code, or a 422 such as "start setting up first") stays counted:
        # sign in now, as a right sign-in starts the account's count again.
        SESSION.gone()
        SESSION.current()


def _names_us(body):
    if not isinstance(body, dict) or not isinstance(body.get("username"), str):
        return False
    return body["username"].strip().lower() == USER


def _write_counts():
    path = os.environ.get("CONTRACT_COUNTS")
    if path:
        with open(path, "w") as f:
            json.dump({"calls": CALLS, "sign_ins": SESSION.sign_ins}, f)


atexit.register(_write_counts)
