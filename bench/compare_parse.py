#!/usr/bin/env python3
"""Side-by-side parse speed: `ipplan normalize` against Python's `ipaddress` (SPEC section 8).

What it measures, per family (v4, v6):
  * generates one list file with `ipplan_gen --family F --count N` (fixed seed) in a temp dir;
  * runs, one after the other and `--runs` times each, the wall-clock time of
      (a) `ipplan normalize --quiet FILE > /dev/null`   (read, parse, format, write), and
      (b) a fresh `python3` process that calls `ipaddress.ip_network(line)` (strict, like
          ipplan's default) on every line of the same file;
    both are whole processes, so start-up and file reading are counted on both sides;
  * prints the medians: seconds, MB/s (10^6 bytes) and prefixes/s, and python time / ipplan time.
With `--bench BUILD/bench/ipplan_bench` it also runs the ReadList / ParsePrefix Google
benchmarks (5 repetitions) and prints their median lines (bytes_per_second there is in MiB/s).

Run from the repository root after building:
  python3 bench/compare_parse.py --ipplan BUILD/cli/ipplan --gen BUILD/bench/ipplan_gen \
      [--count 1000000] [--runs 5] [--bench BUILD/bench/ipplan_bench]
Standard library only.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

# The Python side: read the file, parse every line, print the count (checked against N).
PYTHON_LOOP = """
import ipaddress, sys
count = 0
with open(sys.argv[1], encoding="ascii") as f:
    for line in f:
        ipaddress.ip_network(line.rstrip("\\n"))
        count += 1
print(count)
"""


def time_run(argv, stdout):
    """Wall-clock seconds of one subprocess run; fails loudly on a non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=stdout, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"compare_parse: {' '.join(argv)} exited {proc.returncode}: "
                 f"{proc.stderr.decode(errors='replace').strip()}")
    return elapsed, proc


def generate(gen, family, count, path):
    with open(path, "wb") as out:
        proc = subprocess.run([gen, "--family", family, "--count", str(count)], stdout=out)
    if proc.returncode != 0:
        sys.exit(f"compare_parse: {gen} failed with exit {proc.returncode}")


def measure_family(args, family, workdir):
    path = os.path.join(workdir, f"list_{family}.txt")
    generate(args.gen, family, args.count, path)
    size = os.path.getsize(path)

    ipplan_times = []
    with open(os.devnull, "wb") as devnull:
        for _ in range(args.runs):
            elapsed, _ = time_run([args.ipplan, "normalize", "--quiet", path], devnull)
            ipplan_times.append(elapsed)

    python_times = []
    for _ in range(args.runs):
        elapsed, proc = time_run([args.python, "-c", PYTHON_LOOP, path], subprocess.PIPE)
        parsed = int(proc.stdout.decode().strip())
        if parsed != args.count:
            sys.exit(f"compare_parse: python parsed {parsed} lines, expected {args.count}")
        python_times.append(elapsed)

    return {
        "family": family,
        "lines": args.count,
        "bytes": size,
        "ipplan": statistics.median(ipplan_times),
        "python": statistics.median(python_times),
    }


def print_table(rows):
    header = ["family", "lines", "bytes", "ipplan s", "ipplan MB/s", "ipplan pfx/s",
              "python s", "python MB/s", "python pfx/s", "py/ipplan"]
    table = [header]
    for r in rows:
        table.append([
            r["family"], f"{r['lines']:,}", f"{r['bytes']:,}",
            f"{r['ipplan']:.3f}", f"{r['bytes'] / r['ipplan'] / 1e6:.1f}",
            f"{r['lines'] / r['ipplan'] / 1e6:.2f}M",
            f"{r['python']:.3f}", f"{r['bytes'] / r['python'] / 1e6:.1f}",
            f"{r['lines'] / r['python'] / 1e6:.3f}M",
            f"{r['python'] / r['ipplan']:.1f}x",
        ])
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for n, row in enumerate(table):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        print("  ".join(cells))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def run_google_benchmark(bench):
    argv = [bench, "--benchmark_filter=ReadList|ParsePrefix", "--benchmark_repetitions=5",
            "--benchmark_report_aggregates_only=true"]
    print(f"\n$ {' '.join(argv)}   (median lines)")
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    text = proc.stdout.decode(errors="replace")
    if proc.returncode != 0:
        sys.exit(f"compare_parse: {bench} exited {proc.returncode}:\n{text}")
    for line in text.splitlines():
        if line.startswith("Benchmark") or "_median" in line:
            print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ipplan", required=True, help="path to the ipplan CLI")
    parser.add_argument("--gen", required=True, help="path to ipplan_gen")
    parser.add_argument("--count", type=int, default=1_000_000, help="lines per file")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each tool")
    parser.add_argument("--bench", help="path to ipplan_bench (optional)")
    parser.add_argument("--python", default=sys.executable,
                        help="Python interpreter for the ipaddress side (default: this one)")
    args = parser.parse_args()
    if args.count < 1 or args.runs < 1:
        parser.error("--count and --runs must be positive")

    print(f"ipplan normalize vs Python {sys.version.split()[0]} ipaddress.ip_network; "
          f"{args.count:,} lines, median of {args.runs} runs, wall clock incl. start-up\n")
    with tempfile.TemporaryDirectory(prefix="ipplan_compare_") as workdir:
        rows = [measure_family(args, family, workdir) for family in ("v4", "v6")]
    print_table(rows)
    if args.bench:
        run_google_benchmark(args.bench)


if __name__ == "__main__":
    main()
