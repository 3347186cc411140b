# Shared by scripts/run-demo and scripts/test-all: install what is missing,
# quickly skip what is there. Assumes only Rust (rustup), Node/npm and apt.
# Source it; do not run it.

set -euo pipefail

export PATH="$HOME/.cargo/bin:$PATH"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TRUNK_VERSION=0.21.14

# Each line says how long since the first script started (scripts that
# test-all calls share its start), so a slow step shows in CI's log.
export PATHWAY_STARTED="${PATHWAY_STARTED:-$(date +%s)}"
say() {
  local t=$(($(date +%s) - PATHWAY_STARTED))
  printf '\033[1m==> [%dm%02ds] %s\033[0m\n' $((t / 60)) $((t % 60)) "$*" >&2
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# apt packages, installed only when one is missing (dpkg knows at once).
APT_UPDATED=0
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt: installing ${missing[*]}"
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || { say "rustup: adding wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
    # 0.22 needs a newer rustc than this machine has (see shared TOOLCHAIN notes).
    say "cargo: installing trunk $TRUNK_VERSION (about 8 minutes the first time)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

# Trunk uses wasm-bindgen from PATH only if it is exactly the version in
# Cargo.lock, and the test runner must match too.
ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$" \
     || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "cargo: installing wasm-bindgen-cli $want (about 2 minutes)"
    # Without --locked: its lockfile pins a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# npm tools: wasm-opt (binaryen, Debian's is too old), Playwright, axe.
ensure_npm_tools() {
  if [ ! -x "$ROOT/e2e/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/e2e/node_modules/@playwright/test" ] \
     || [ "$ROOT/e2e/package-lock.json" -nt "$ROOT/e2e/node_modules/.package-lock.json" ]; then
    say "npm: installing e2e tools and binaryen"
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  export PATH="$ROOT/e2e/node_modules/.bin:$PATH"
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm_tools
}

# Two builds (docs/decisions/0008-staff-build.md): the young person's app into
# dist/, then the staff screens into dist/staff/. In this order: Trunk empties
# its whole dist folder, so building dist/ second would delete dist/staff/.
build_app() {
  say "trunk: building the young person's app into dist/"
  (cd "$ROOT" && trunk build --release --offline)
  say "trunk: building the staff app into dist/staff/"
  (cd "$ROOT" && trunk build --release --offline --features staff --dist dist/staff --public-url /staff/)
}

build_server() {
  say "cargo: building pathway-server (release)"
  (cd "$ROOT" && cargo build --release -p pathway-server)
}

# Schemathesis (PyPI) for scripts/api-contract, in a venv of its own under
# the ignored .tools/. Pinned: its checks decide whether the build passes.
SCHEMATHESIS_VERSION=4.32.5
CONTRACT_VENV="$ROOT/.tools/contract-venv"
ensure_contract_tools() {
  if ! "$CONTRACT_VENV/bin/schemathesis" --version 2>/dev/null | grep -q " $SCHEMATHESIS_VERSION\$"; then
    python3 -c 'import ensurepip, venv' 2>/dev/null || ensure_apt python3-venv
    say "pip: installing schemathesis $SCHEMATHESIS_VERSION into .tools/contract-venv"
    python3 -m venv "$CONTRACT_VENV"
    "$CONTRACT_VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
  fi
}

# An independent FHIR library to check the passport's FHIR export (issue 19,
# scripts/validate-fhir). fhir.resources 6.4.0 is the last release whose
# default model is FHIR R4 (4.0.1), which we export: 6.5.0 moved it to R4B
# (4.3.0) and 7.x to R5 with R4B beside it. It is written for pydantic 1.
FHIR_RESOURCES_VERSION=6.4.0
FHIR_PYDANTIC_VERSION=1.10.27
FHIR_VENV="$ROOT/.tools/fhir-venv"
ensure_fhir_tools() {
  if ! "$FHIR_VENV/bin/python" -c "import fhir.resources as f, pydantic as p, sys; \
sys.exit(f.__version__ != '$FHIR_RESOURCES_VERSION' or p.VERSION != '$FHIR_PYDANTIC_VERSION')" 2>/dev/null; then
    python3 -c 'import ensurepip, venv' 2>/dev/null || ensure_apt python3-venv
    say "pip: installing fhir.resources $FHIR_RESOURCES_VERSION into .tools/fhir-venv"
    python3 -m venv "$FHIR_VENV"
    "$FHIR_VENV/bin/pip" install -q "fhir.resources==$FHIR_RESOURCES_VERSION" "pydantic[email]==$FHIR_PYDANTIC_VERSION"
  fi
}
