"""Writes one input with ipplan_gen, for bench/gate.py and bench/compare.py (standard library)."""

import subprocess
import sys


def write_generated(gen, gen_args, path, tool):
    """Runs `gen gen_args > path`; exits naming `tool` when ipplan_gen fails."""
    with open(path, "wb") as out:
        proc = subprocess.run([gen] + gen_args, stdout=out, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        sys.exit(f"{tool}: {gen} {' '.join(gen_args)} failed: {proc.stderr.decode().strip()}")
    return path
