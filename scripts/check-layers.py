#!/usr/bin/env python3
"""Checks the module layers of the app and the model (docs/architecture.md).

Reads every .rs file under a crate's src/, finds which top-level module each
one belongs to, and which other top-level modules it names (`crate::x`,
`super::x` from a top-level module's own file, `pathway_model` is another
crate and not counted). Then it checks, for each crate:

  * no cycle between top-level modules (shell <-> features, feature <->
    feature, model features <-> sync);
  * every module is in exactly one layer, and a module only names modules
    in its own layer's allowed set (LAYERS below);

and prints the graph either way. Exit 1 on any problem.

    python3 scripts/check-layers.py          # both crates
    python3 scripts/check-layers.py --graph  # also print every edge

Code inside `#[cfg(test)] mod tests { ... }` blocks is skipped: tests may
reach across layers to build fixtures.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each crate: its src dir, and layers from the top down. A module may name
# modules in its own layer (no cycles) and in any layer listed after its own
# in `may_use`.
CRATES = {
    "app (src/)": {
        "src": ROOT / "src",
        "layers": {
            # Frames the page and routes; nobody imports it.
            "shell": ["app", "main", "frame"],
            # One module per feature; each may use the app-wide modules and,
            # where one screen shows another feature's part (a PA's page of a
            # young person), another feature, never in a circle.
            "features": ["home", "offer", "topic", "health", "people", "plan", "me", "caseload", "council", "meeting"],
            # Used by the shell and every feature; never imports either.
            "app-wide": ["state", "access", "auth", "lock", "store", "saved", "vault", "idb", "api", "pwa", "ui", "router"],
            # Plain helpers with no state: words, dates, links.
            "helpers": ["words", "clock", "links", "i18n"],
        },
        "may_use": {
            "shell": ["features", "app-wide", "helpers"],
            "features": ["features", "app-wide", "helpers"],
            "app-wide": ["app-wide", "helpers"],
            "helpers": ["helpers"],
        },
    },
    "model (crates/model/src/)": {
        "src": ROOT / "crates" / "model" / "src",
        "layers": {
            # Dispatches a change to the kind it is for.
            "sync": ["sync", "main"],
            "features": ["topic", "entitlement", "health", "people", "plan", "offer", "caseload", "council", "auth", "meeting"],
            # Leaves: the field-rule machinery, roles, dates, errors.
            "leaves": ["record", "role", "phone", "date", "age", "error", "fold", "order", "profile", "code", "readability", "catalogue"],
        },
        "may_use": {
            "sync": ["features", "leaves"],
            "features": ["features", "leaves"],
            "leaves": ["leaves"],
        },
    },
}

USE_RE = re.compile(r"\b(crate|super)::(\{?)([a-z_][a-z0-9_]*)")
GROUP_RE = re.compile(r"\b(crate|super)::\{([^}]*)\}", re.S)


def strip_tests(text: str) -> str:
    """Removes `#[cfg(...test...)] mod x { ... }` blocks by brace counting."""
    out, i = [], 0
    pattern = re.compile(r"#\[cfg\([^\]]*test[^\]]*\)\]\s*(pub\s+)?mod\s+\w+\s*\{")
    while True:
        m = pattern.search(text, i)
        if not m:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i : m.start()])
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        i = j


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def module_of(src: Path, file: Path) -> tuple[str, bool]:
    """(top-level module, whether `super::` in this file means the crate root)."""
    rel = file.relative_to(src).parts
    if len(rel) == 1:
        name = rel[0][:-3]
        return ("main" if name in ("lib", "main") else name), True
    # src/x/mod.rs: super is the crate root; src/x/y.rs: super is x.
    return rel[0], rel[-1] == "mod.rs" and len(rel) == 2


def edges(src: Path) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    tops = {p.stem if p.is_file() else p.name for p in src.iterdir() if p.suffix == ".rs" or p.is_dir()}
    for file in sorted(src.rglob("*.rs")):
        me, super_is_root = module_of(src, file)
        if file.parent.name == "tests" or file.name == "tests.rs":
            continue
        text = strip_comments(strip_tests(file.read_text()))
        names = set()
        for m in USE_RE.finditer(text):
            if m.group(1) == "super" and not super_is_root:
                continue
            if m.group(2) != "{":
                names.add(m.group(3))
        for m in GROUP_RE.finditer(text):
            if m.group(1) == "super" and not super_is_root:
                continue
            for part in m.group(2).split(","):
                head = part.strip().split("::")[0].strip()
                if head:
                    names.add(head)
        graph.setdefault(me, set())
        for n in names:
            if n in tops and n != me and n not in ("lib", "main"):
                graph[me].add(n)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def check(name: str, spec: dict, show: bool) -> list[str]:
    graph = edges(spec["src"])
    layer_of = {m: layer for layer, mods in spec["layers"].items() for m in mods}
    problems = []
    for module in sorted(graph):
        if module not in layer_of:
            problems.append(f"{name}: module `{module}` is in no layer (add it to scripts/check-layers.py)")
    for cyc in cycles(graph):
        problems.append(f"{name}: import cycle between {', '.join(cyc)}")
    for a in sorted(graph):
        for b in sorted(graph[a]):
            la, lb = layer_of.get(a), layer_of.get(b)
            if la and lb and la != lb and lb not in spec["may_use"][la]:
                problems.append(f"{name}: `{a}` ({la}) must not import `{b}` ({lb})")
    print(f"{name}: {len(graph)} modules, {sum(len(v) for v in graph.values())} imports between them")
    if show:
        for a in sorted(graph):
            print(f"  {a} -> {', '.join(sorted(graph[a])) or '(nothing)'}")
    return problems


def main() -> int:
    show = "--graph" in sys.argv
    problems = []
    for name, spec in CRATES.items():
        problems += check(name, spec, show)
    for p in problems:
        print("  PROBLEM:", p)
    print("layers: OK" if not problems else f"layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
