#!/usr/bin/env python3
"""Fails when a Catch2 test name would be mangled by catch_discover_tests.

CMake's catch_discover_tests splits names at ',' and ';' and Catch reads '[' as the start of a
tag, so such a test silently runs nothing (or a dozen others) under ctest. Usage:
check_test_names.py TEST_BINARY...
"""
import subprocess
import sys

bad = []
for binary in sys.argv[1:]:
    names = subprocess.run([binary, "--list-test-names-only"],
                           capture_output=True, text=True, check=False).stdout.splitlines()
    if not names:
        bad.append(f"{binary}: lists no tests")
    bad += [f"{binary}: {name!r}" for name in names if any(c in name for c in ",;[]")]
for line in bad:
    print(f"test name ctest cannot run: {line}", file=sys.stderr)
sys.exit(1 if bad else 0)
