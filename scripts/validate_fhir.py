"""Validates FHIR R4 Bundles with fhir.resources (run by scripts/validate-fhir).

Each file must parse as a Bundle: every element known to R4 with the right
type and cardinality (fhir.resources forbids unknown elements), and every
entry's resource parsed and checked as its own resourceType. Prints one line
per file; exits 1 with the problem if any file fails.

fhir.resources checks structure and types but not the codes of R4's
*required* bindings (a Bundle of type "nonsense" parses), so those we use are
checked here against R4's value sets.
"""

import collections
import json
import sys

import fhir.resources
from fhir.resources.bundle import Bundle


# R4 required bindings: (resourceType, element) -> allowed codes. A coded
# element (CodeableConcept) is checked by each coding's code.
REQUIRED = {
    ("Bundle", "type"): {"document", "message", "transaction", "transaction-response", "batch",
                         "batch-response", "history", "searchset", "collection"},
    ("Patient", "gender"): {"male", "female", "other", "unknown"},
    ("AllergyIntolerance", "type"): {"allergy", "intolerance"},
    ("AllergyIntolerance", "category"): {"food", "medication", "environment", "biologic"},
    ("AllergyIntolerance", "criticality"): {"low", "high", "unable-to-assess"},
    ("AllergyIntolerance", "clinicalStatus"): {"active", "inactive", "resolved"},
    ("AllergyIntolerance", "verificationStatus"): {"unconfirmed", "confirmed", "refuted", "entered-in-error"},
    ("MedicationStatement", "status"): {"active", "completed", "entered-in-error", "intended", "stopped",
                                        "on-hold", "unknown", "not-taken"},
    ("Immunization", "status"): {"completed", "entered-in-error", "not-done"},
    ("Condition", "clinicalStatus"): {"active", "recurrence", "relapse", "inactive", "remission", "resolved"},
    ("FamilyMemberHistory", "status"): {"partial", "completed", "entered-in-error", "health-unknown"},
    ("Observation", "status"): {"registered", "preliminary", "final", "amended", "corrected", "cancelled",
                                "entered-in-error", "unknown"},
}


def codes_of(value):
    """The codes in a code, a list of codes, or a CodeableConcept."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [c for v in value for c in codes_of(v)]
    if isinstance(value, dict):
        return [c.get("code") for c in value.get("coding", [])]
    return [value]


def check_required_codes(resource):
    kind = resource.get("resourceType")
    for (rtype, element), allowed in REQUIRED.items():
        if rtype == kind and element in resource:
            for code in codes_of(resource[element]):
                if code not in allowed:
                    raise ValueError(f"{kind}.{element} is {code!r}, not one of R4's codes")


def check(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("resourceType") != "Bundle":
        raise ValueError(f"resourceType is {data.get('resourceType')!r}, not 'Bundle'")
    bundle = Bundle.parse_obj(data)
    check_required_codes(data)
    for entry in data.get("entry", []):
        check_required_codes(entry.get("resource", {}))
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
