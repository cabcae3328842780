#!/usr/bin/env python3
"""Instruction-count regression gate: fails when a fixed ipplan workload got more than 3% costlier.

Each workload runs the ipplan CLI once on a small deterministic input (about 50k records made by
`ipplan_gen` with its fixed seeds) under `valgrind --tool=callgrind`, which counts the
instructions executed (Ir): unlike wall-clock time this is the same from run to run and from
machine to machine with the same Debian build, so a 3% threshold is meaningful on a noisy
2-core CI machine. (perf's hardware counters would be faster but are not available in this VM.)

The counts are compared with the committed budget bench/instruction_budget.csv (`workload,
instructions`, comment lines at the top saying when and why it last moved). The gate prints old,
new and new/old for every workload and exits 1 when any workload grew by more than the tolerance,
or when a workload is missing from either side. A workload that got more than 3% cheaper passes
with a hint to lock the gain in. After a change that is meant to cost more (or less):
  python3 bench/gate.py --build build --update "why the counts moved"
rewrites the budget in one command, keeping the previous reasons below the new one.

Run from the repository root on a Release build (the budget is for Debian 12's g++ -O2/-O3 of the
default CMake configuration):
  python3 bench/gate.py --build build [--runs 2] [--budget bench/instruction_budget.csv]
--runs N runs every workload N times and reports how far the counts spread (they should not).
Standard library only; needs valgrind.
"""

import argparse
import datetime
import os
import re
import subprocess
import sys
import tempfile

from generated_input import write_generated

TOLERANCE = 0.03
RECORDS = 50_000
DEFAULT_BUDGET = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              "instruction_budget.csv")
KEPT_REASONS = 12  # update lines kept at the top of the budget file

# Inputs: name -> ipplan_gen arguments (fixed seeds are ipplan_gen's defaults).
INPUTS = {
    "list_mixed.txt": ["--family", "mixed", "--count", str(RECORDS)],
    "list_v4.txt": ["--family", "v4", "--count", str(RECORDS)],
    "inventory_mixed.csv": ["--format", "csv", "--family", "mixed", "--count", str(RECORDS),
                            "--overlap-share", "0.05"],
    "netbox_mixed.json": ["--format", "netbox-json", "--family", "mixed", "--count",
                          str(RECORDS), "--overlap-share", "0.05"],
    "used_10_8.txt": ["--within", "10.0.0.0/8", "--count", str(RECORDS)],
}

# Workloads: name -> (ipplan arguments with {INPUT} placeholders, accepted exit codes).
WORKLOADS = {
    "normalize_list_mixed": (["normalize", "--quiet", "{list_mixed.txt}"], {0}),
    "stats_csv_mixed": (["stats", "--quiet", "{inventory_mixed.csv}"], {0}),
    "verify_csv_mixed": (["verify", "--quiet", "{inventory_mixed.csv}"], {1}),
    "verify_netbox_json_mixed": (["verify", "--quiet", "{netbox_mixed.json}"], {1}),
    "aggregate_list_v4": (["aggregate", "--quiet", "{list_v4.txt}"], {0}),
    "free_pool_10_8": (["free", "--quiet", "--pool", "10.0.0.0/8", "{used_10_8.txt}"], {0}),
    "suggest_1000_slash28": (["suggest", "--quiet", "--pool", "10.0.0.0/8", "--size", "28",
                              "--count", "1000", "{used_10_8.txt}"], {0}),
    "suggest_best_fit": (["suggest", "--quiet", "--pool", "10.0.0.0/8", "--size", "28",
                          "--count", "100", "--strategy", "best-fit", "{used_10_8.txt}"], {0}),
    "peering_private": (["peering", "--quiet", "--pool", "10.0.0.0/8", "--asn", "65010",
                         "--peering", "private", "--circuits", "4", "{used_10_8.txt}"], {0}),
}


# ---- the budget file and the comparison (tested by tests/gate_logic_test.py) ----------------

def parse_budget(text):
    """(comment lines, {workload: instructions}) from the budget file's text."""
    comments, budget = [], {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            comments.append(stripped)
            continue
        fields = stripped.split(",")
        if fields == ["workload", "instructions"]:
            continue
        if len(fields) != 2 or not fields[1].strip().isdigit():
            raise ValueError(f"line {number}: expected `workload,instructions`, got {line!r}")
        budget[fields[0].strip()] = int(fields[1])
    return comments, budget


def format_budget(counts, reason, previous_comments, today):
    """The budget file's text: header, the new reason above the kept older ones, then counts."""
    header = [
        "# instruction_budget.csv: instructions (callgrind Ir) of each bench/gate.py workload,",
        "# Release build, Debian 12 g++. The gate fails when a count grows more than 3%.",
        "# Refresh: python3 bench/gate.py --build build --update \"reason\". Moves, newest first:",
    ]
    older = [c for c in previous_comments if c.startswith("# 20")]
    reason_line = f"# {today}: {' '.join(reason.split())}"
    lines = header + [reason_line] + older[:KEPT_REASONS - 1] + ["workload,instructions"]
    lines += [f"{name},{counts[name]}" for name in sorted(counts)]
    return "\n".join(lines) + "\n"


def compare(budget, measured, tolerance=TOLERANCE):
    """(ok, rows): rows are (workload, old or None, new or None, ratio or None, verdict)."""
    rows, ok = [], True
    for name in sorted(set(budget) | set(measured)):
        old, new = budget.get(name), measured.get(name)
        if old is None:
            rows.append((name, None, new, None, "FAIL: not in the budget (run --update)"))
            ok = False
            continue
        if new is None:
            rows.append((name, old, None, None, "FAIL: in the budget but not measured"))
            ok = False
            continue
        ratio = new / old if old > 0 else float("inf")
        if ratio > 1 + tolerance:
            verdict = f"FAIL: +{(ratio - 1) * 100:.2f}% > {tolerance * 100:g}%"
            ok = False
        elif ratio < 1 - tolerance:
            verdict = f"ok, {(1 - ratio) * 100:.2f}% cheaper: --update to lock it in"
        else:
            verdict = "ok"
        rows.append((name, old, new, ratio, verdict))
    return ok, rows


def format_rows(rows):
    def cell(value):
        return "-" if value is None else f"{value:,}"
    table = [("workload", "old", "new", "new/old", "verdict")]
    for name, old, new, ratio, verdict in rows:
        table.append((name, cell(old), cell(new), "-" if ratio is None else f"{ratio:.4f}",
                      verdict))
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    out = []
    for row in table:
        out.append("  ".join([row[0].ljust(widths[0])] +
                             [c.rjust(w) for c, w in zip(row[1:4], widths[1:4])] + [row[4]]))
    return "\n".join(out)


# ---- measuring -------------------------------------------------------------------------------

def generate_inputs(gen, workdir):
    paths = {}
    for name, args in INPUTS.items():
        paths[name] = write_generated(gen, args, os.path.join(workdir, name), "gate")
    return paths


COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def count_instructions(ipplan, args, accepted, workdir):
    """Instructions of one ipplan run under callgrind; exits on an unexpected exit code."""
    argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" +
            os.path.join(workdir, "callgrind.out"), ipplan] + args
    # A fixed, small environment: the same on every machine (the environment's size moves the
    # loader's instruction count a little).
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C"}
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                          stdin=subprocess.DEVNULL)
    stderr = proc.stderr.decode(errors="replace")
    if proc.returncode not in accepted:
        sys.exit(f"gate: `ipplan {' '.join(args)}` exited {proc.returncode}, expected "
                 f"{sorted(accepted)}:\n{stderr[-2000:]}")
    match = COLLECTED.search(stderr)
    if not match:
        sys.exit(f"gate: no instruction count in callgrind's output:\n{stderr[-2000:]}")
    return int(match.group(1))


def measure(build, runs):
    ipplan = os.path.join(build, "cli", "ipplan")
    gen = os.path.join(build, "bench", "ipplan_gen")
    for tool in (ipplan, gen):
        if not os.access(tool, os.X_OK):
            sys.exit(f"gate: {tool} is missing: build the ipplan and ipplan_gen targets first")
    counts = {}
    with tempfile.TemporaryDirectory(prefix="ipplan_gate_") as workdir:
        paths = generate_inputs(gen, workdir)
        for name, (template, accepted) in WORKLOADS.items():
            args = [paths[a[1:-1]] if a.startswith("{") else a for a in template]
            samples = [count_instructions(ipplan, args, accepted, workdir) for _ in range(runs)]
            counts[name] = max(samples)
            if runs > 1:
                spread = (max(samples) - min(samples)) / min(samples)
                print(f"{name}: {runs} runs, min {min(samples):,}, max {max(samples):,}, "
                      f"spread {spread * 100:.4f}%")
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default="build", help="build directory (Release)")
    parser.add_argument("--budget", default=DEFAULT_BUDGET, help="the budget CSV")
    parser.add_argument("--update", metavar="REASON",
                        help="rewrite the budget with the counts measured now, and why")
    parser.add_argument("--runs", type=int, default=1, help="runs per workload (keeps the max)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be positive")
    if args.update is not None and not args.update.strip():
        parser.error("--update needs a reason")

    previous_comments, budget = [], {}
    if os.path.exists(args.budget):
        with open(args.budget, encoding="utf-8") as f:
            try:
                previous_comments, budget = parse_budget(f.read())
            except ValueError as error:
                sys.exit(f"gate: {args.budget}: {error}")
    elif args.update is None:
        sys.exit(f"gate: {args.budget}: no such file (create it with --update \"reason\")")

    measured = measure(args.build, args.runs)
    ok, rows = compare(budget, measured)
    print(format_rows(rows))
    if args.update is not None:
        today = datetime.date.today().isoformat()
        with open(args.budget, "w", encoding="utf-8") as f:
            f.write(format_budget(measured, args.update, previous_comments, today))
        print(f"gate: budget {args.budget} updated ({len(measured)} workloads)")
        return 0
    if not ok:
        print(f"gate: FAILED: a workload costs more than {TOLERANCE * 100:g}% over its budget "
              "(or is missing). If that is intended, refresh the budget with "
              "bench/gate.py --update \"reason\" and commit it.")
        return 1
    print("gate: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
