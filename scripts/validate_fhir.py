"""Validates FHIR R4 Bundles with fhir.resources (run by scripts/validate-fhir).

Each file must parse as a Bundle: every element known to R4 with the right
type and cardinality (fhir.resources forbids unknown elements), and every
entry's resource parsed and checked as its own resourceType. Prints one line
per file; exits 1 with the problem if any file fails.
"""

import collections
import json
import sys

import fhir.resources
from fhir.resources.bundle import Bundle


def check(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("resourceType") != "Bundle":
        raise ValueError(f"resourceType is {data.get('resourceType')!r}, not 'Bundle'")
    bundle = Bundle.parse_obj(data)
    kinds = collections.Counter(e.resource.resource_type for e in bundle.entry or [])
    return bundle, kinds


def main(paths):
    failed = 0
    for path in paths:
        try:
            bundle, kinds = check(path)
        except Exception as e:  # a pydantic ValidationError names each problem
            print(f"INVALID {path}: {e}", file=sys.stderr)
            failed += 1
            continue
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        print(f"valid FHIR {fhir.resources.__fhir_version__} Bundle ({bundle.type}) {path}: {summary}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
