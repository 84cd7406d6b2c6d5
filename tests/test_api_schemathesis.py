"""schemathesis against /api/v3/openapi.json on a live server with the demo content.

The run fails on any server error (5xx), any status the document does not list
for the operation, a response whose body or content type the document does not
describe. Anonymous, as other apps are: writes and staff-only reads answer 401,
which the document lists. The authentication checks (ignored_auth) are left out:
they expect every operation with a security requirement to refuse anonymous
requests, and most reads here deliberately accept them beside a token
(docs/api.md, "Checking the contract"). Each run draws new examples; a failure
prints the seed that reproduces it (`st run … --seed N`).
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
SCHEMATHESIS = Path(sys.executable).with_name("st")
TOOL_CRASH = "SystemError: AST constructor recursion depth mismatch"
EVERY_CASE_PASSED = re.compile(r"^\s*(\d+) generated, \1 passed\s*$", re.MULTILINE)


def test_schemathesis_finds_no_server_error_and_no_undocumented_answer(live_server, committed_demo):
    command = [
        str(SCHEMATHESIS),
        "run",
        f"{live_server.url}/api/v3/openapi.json",
        "--checks",
        CHECKS,
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        "5",
        "--workers",
        "2",
        "--max-redirects",
        "0",
        "--request-timeout",
        "30",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    output = result.stdout + result.stderr
    if TOOL_CRASH in output and EVERY_CASE_PASSED.search(output):
        # CPython 3.11's ast.parse can crash deep inside hypothesis (describing a strategy's lambda while
        # schemathesis draws a request): a "Runtime Error" of the tool, with no request failed. Once more,
        # with new examples; a server error or an undocumented answer still fails either run.
        result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
        output = result.stdout + result.stderr
    assert result.returncode == 0, output[-8000:]
    assert "passed" in output and "Tested: " in output
