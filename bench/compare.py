#!/usr/bin/env python3
"""Side-by-side: the ipplan CLI against the tools a user would otherwise reach for (SPEC 8).

Workloads, each on inputs made by `ipplan_gen` with its fixed seeds:
  aggregate  v4 N (random prefixes, `ipplan_gen --family v4 --count N`), N = 1M and 10M:
             `ipplan aggregate` vs firehol `iprange FILE`, Python ipaddress.collapse_addresses,
             netaddr.cidr_merge; and mixed 1M (ipaddress, netaddr: iprange is IPv4 only)
  verify     v4 N and mixed 1M (a list with 5% of records overlapping an earlier one,
             `ipplan_gen --format list --overlap-share 0.05`): `ipplan verify` vs an ipaddress
             sort + sweep counting the same conflicting pairs
  free       a /8 holding 1M used prefixes (`ipplan_gen --within 10.0.0.0/8`): `ipplan free
             --pool 10.0.0.0/8` vs ipaddress (collapse, gaps, summarize_address_range) and
             netaddr (IPSet difference)
  suggest    the same input: the first 1,000 free /28 (`ipplan suggest --count 1000`) vs
             ipaddress (sort + sweep) and netaddr (IPSet difference, iter_cidrs, subnet)
The peers are bench/compare_peers.py run by --python (Debian's /usr/bin/python3, which sees the
python3-netaddr package), and `iprange`. Every tool runs as a whole process (start-up, reading
and printing included), one after the other, `--runs` times each; the table shows medians and
peer time / ipplan time. A peer whose runs already took more than --peer-budget seconds is not
run again (the table says how many runs each median is of). Every peer's answer is checked
against ipplan's (the same blocks, in the same order, or the same number of conflicting
pairs); a mismatch is shown and makes the exit status 1. --python-max leaves the Python peers
out on larger inputs (at 10M records they take many minutes a run).

Run from the repository root after building the ipplan and ipplan_gen targets (Release):
  python3 bench/compare.py --build build [--runs 3] [--sizes 1000000,10000000]
      [--mixed-size 1000000] [--pool-size 1000000] [--only aggregate,verify,free,suggest]
      [--peer-budget 240] [--python-max 10000000] > table.md
Standard library only (the peers need python3-netaddr and iprange).
"""

import argparse
import datetime
import hashlib
import ipaddress
import os
import platform
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

from generated_input import write_generated

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "compare_peers.py")
POOL = "10.0.0.0/8"


def human(count):
    return f"{count // 1_000_000}M" if count % 1_000_000 == 0 else f"{count:,}"


def block_digest(lines):
    """compare_peers.py's `COUNT DIGEST` for ipplan's or iprange's printed blocks."""
    digest = hashlib.sha256()
    count = 0
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if "/" not in line:
            line += "/32" if ":" not in line else "/128"  # iprange prints hosts bare
        network = ipaddress.ip_network(line)
        digest.update(f"{network.version} {int(network.network_address)} "
                      f"{network.prefixlen}\n".encode())
        count += 1
    return f"{count} {digest.hexdigest()}"


CONFLICT_COUNT = re.compile(r'"conflict_count":\s*(\d+)')


def conflict_answer(text):
    match = CONFLICT_COUNT.search(text)
    return f"{match.group(1)} -" if match else "no conflict_count in ipplan's output"


class Case:
    """One workload on one input: ipplan's command and each peer's, with how to read answers."""

    def __init__(self, workload, input_name, gen_args, ipplan_args, peers, answer):
        self.workload = workload
        self.records = int(gen_args[gen_args.index("--count") + 1])
        self.input_name = input_name
        self.gen_args = gen_args
        self.ipplan_args = ipplan_args  # "{FILE}" stands for the input
        self.peers = peers              # [(peer name, argv with "{FILE}")]
        self.answer = answer            # "blocks" or "conflicts"


def cases(args):
    py = args.python
    out = []
    wanted = set(args.only.split(","))
    if "aggregate" in wanted:
        for size in args.sizes:
            out.append(Case(
                "aggregate", f"v4 {human(size)}", ["--family", "v4", "--count", str(size)],
                ["aggregate", "--quiet", "{FILE}"],
                [("iprange", [args.iprange, "{FILE}"]),
                 ("python ipaddress", [py, PEERS, "ipaddress-aggregate", "{FILE}"]),
                 ("python netaddr", [py, PEERS, "netaddr-aggregate", "{FILE}"])],
                "blocks"))
        out.append(Case(
            "aggregate", f"mixed {human(args.mixed_size)}",
            ["--family", "mixed", "--count", str(args.mixed_size)],
            ["aggregate", "--quiet", "{FILE}"],
            [("python ipaddress", [py, PEERS, "ipaddress-aggregate", "{FILE}"]),
             ("python netaddr", [py, PEERS, "netaddr-aggregate", "{FILE}"])],
            "blocks"))
    if "verify" in wanted:
        inputs = [("v4", size) for size in args.sizes] + [("mixed", args.mixed_size)]
        for family, size in inputs:
            out.append(Case(
                "verify", f"{family} {human(size)}, 5% overlapping",
                ["--format", "list", "--family", family, "--count", str(size),
                 "--overlap-share", "0.05"],
                ["verify", "--format", "json", "--max-conflicts", "0", "{FILE}"],
                [("python ipaddress sort+sweep", [py, PEERS, "ipaddress-verify", "{FILE}"])],
                "conflicts"))
    pool_input = f"{human(args.pool_size)} used in {POOL}"
    pool_gen = ["--within", POOL, "--count", str(args.pool_size)]
    if "free" in wanted:
        out.append(Case(
            "free", pool_input, pool_gen, ["free", "--quiet", "--pool", POOL, "{FILE}"],
            [("python ipaddress", [py, PEERS, "ipaddress-free", POOL, "{FILE}"]),
             ("python netaddr IPSet", [py, PEERS, "netaddr-free", POOL, "{FILE}"])],
            "blocks"))
    if "suggest" in wanted:
        out.append(Case(
            "suggest 1,000 /28", pool_input, pool_gen,
            ["suggest", "--quiet", "--pool", POOL, "--size", "28", "--count", "1000", "{FILE}"],
            [("python ipaddress sort+sweep", [py, PEERS, "ipaddress-suggest", POOL, "{FILE}"]),
             ("python netaddr IPSet", [py, PEERS, "netaddr-suggest", POOL, "{FILE}"])],
            "blocks"))
    return out


def generate(gen, gen_args, path, cache):
    key = tuple(gen_args)
    if key in cache:
        return cache[key]
    cache[key] = write_generated(gen, gen_args, path, "compare")
    return path


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(argv, out_path, timeout):
    """((wall seconds, cpu seconds), stdout text, exit code), or (None, reason, None) on a
    timeout. CPU time (user + system of the child) is steadier than wall time on a busy machine."""
    with open(out_path, "wb") as out:
        cpu_before = children_cpu()
        start = time.perf_counter()
        try:
            proc = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, f"timed out after {timeout} s", None
        elapsed = (time.perf_counter() - start, children_cpu() - cpu_before)
    with open(out_path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if proc.returncode not in (0, 1):
        stderr = proc.stderr.decode(errors="replace").strip()
        sys.exit(f"compare: `{shlex.join(argv)}` exited {proc.returncode}: {stderr[-1000:]}")
    return elapsed, text, proc.returncode


def measure(argv, runs, budget, timeout, out_path, read_answer):
    """((median wall s, median cpu s) over up to `runs` runs, fewer once `budget` wall seconds
    are spent), runs, and the answer of the last run."""
    times, answer = [], None
    while len(times) < runs and (not times or sum(t[0] for t in times) < budget):
        elapsed, text, _ = run_timed(argv, out_path, timeout)
        if elapsed is None:
            return None, len(times), text
        times.append(elapsed)
        answer = read_answer(text)
    return ((statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)),
            len(times), answer)


def tool_versions(args):
    lines = [f"python (peers): {args.python}"]
    for argv in ([args.python, "-c", "import sys, netaddr; "
                  "print(sys.version.split()[0], 'netaddr', netaddr.__version__)"],
                 [args.iprange, "--version"]):
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        first = proc.stdout.decode(errors="replace").strip().splitlines()
        lines.append(f"{os.path.basename(argv[0])}: {first[0] if first else '?'}")
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    lines.append(f"machine: {os.cpu_count()} x {cpu}, {platform.system()} {platform.release()}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default="build", help="build directory")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool (median)")
    parser.add_argument("--sizes", default="1000000,10000000",
                        help="IPv4 sizes for aggregate and verify (comma-separated)")
    parser.add_argument("--mixed-size", type=int, default=1_000_000,
                        help="records of the mixed IPv4/IPv6 inputs")
    parser.add_argument("--pool-size", type=int, default=1_000_000,
                        help="used prefixes inside 10.0.0.0/8 for free and suggest")
    parser.add_argument("--only", default="aggregate,verify,free,suggest",
                        help="workloads to run (comma-separated)")
    parser.add_argument("--python", default="/usr/bin/python3",
                        help="interpreter for the Python peers (must see netaddr)")
    parser.add_argument("--iprange", default="iprange", help="firehol iprange")
    parser.add_argument("--peer-budget", type=float, default=240.0,
                        help="stop repeating a peer once its runs took this many seconds")
    parser.add_argument("--python-max", type=int, default=10_000_000,
                        help="run the Python peers only on inputs of at most this many records")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per run at most")
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.runs < 1 or not args.sizes:
        parser.error("--runs must be positive and --sizes non-empty")
    ipplan = os.path.abspath(os.path.join(args.build, "cli", "ipplan"))
    gen = os.path.abspath(os.path.join(args.build, "bench", "ipplan_gen"))
    for tool in (ipplan, gen):
        if not os.access(tool, os.X_OK):
            sys.exit(f"compare: {tool} is missing: build the ipplan and ipplan_gen targets")

    started = datetime.datetime.now(datetime.timezone.utc)
    print(f"## ipplan vs iprange, Python ipaddress, netaddr ({started:%Y-%m-%d %H:%M} UTC)\n")
    print(f"Command: `python3 bench/compare.py {shlex.join(sys.argv[1:])}`  ")
    print(f"Medians of up to {args.runs} runs of whole processes (start-up, reading and "
          "printing included): wall clock, and CPU (user + system) in brackets, steadier on a "
          "busy machine; ratio = peer time / ipplan time, wall (CPU).  ")
    print("  \n".join(tool_versions(args)) + "\n")
    print("| workload | input | ipplan s | peer | peer s | peer / ipplan | runs | same answer |")
    print("|---|---|---:|---|---:|---:|---:|---|")
    sys.stdout.flush()

    commands, all_same = [], True
    with tempfile.TemporaryDirectory(prefix="ipplan_compare_") as workdir:
        generated = {}
        out_path = os.path.join(workdir, "out.txt")
        for number, case in enumerate(cases(args)):
            path = generate(gen, case.gen_args, os.path.join(workdir, f"input{number}.txt"),
                            generated)
            fill = lambda argv: [path if a == "{FILE}" else a for a in argv]  # noqa: E731
            read_ipplan = conflict_answer if case.answer == "conflicts" else \
                (lambda text: block_digest(text.splitlines()))
            ipplan_argv = [ipplan] + fill(case.ipplan_args)
            ipplan_s, ipplan_runs, ipplan_answer = measure(
                ipplan_argv, args.runs, float("inf"), args.timeout, out_path, read_ipplan)
            commands.append((case, "ipplan", ["ipplan"] + case.ipplan_args))
            for name, peer_argv in case.peers:
                if name.startswith("python") and case.records > args.python_max:
                    print(f"| {case.workload} | {case.input_name} | "
                          f"{ipplan_s[0]:.3f} ({ipplan_s[1]:.3f}) | {name} | - | - | "
                          f"{ipplan_runs}/0 | not run (over --python-max {args.python_max:,}) |")
                    continue
                read_peer = (lambda text: block_digest(text.splitlines())) \
                    if name == "iprange" else (lambda text: text.strip())
                peer_s, peer_runs, peer_answer = measure(
                    fill(peer_argv), args.runs, args.peer_budget, args.timeout, out_path,
                    read_peer)
                commands.append((case, name, peer_argv))
                same = peer_s is not None and peer_answer == ipplan_answer
                all_same = all_same and same
                shown = "yes" if same else f"NO: ipplan {ipplan_answer}, peer {peer_answer}"
                if peer_s is None:
                    shown = peer_answer
                blocks = ipplan_answer.split()[0]
                unit = "conflicting pairs" if case.answer == "conflicts" else "blocks"
                ratio = "-" if peer_s is None else \
                    f"{peer_s[0] / ipplan_s[0]:.1f}x ({peer_s[1] / max(ipplan_s[1], 1e-3):.1f}x)"
                peer_cell = "-" if peer_s is None else f"{peer_s[0]:.2f} ({peer_s[1]:.2f})"
                print(f"| {case.workload} | {case.input_name} | "
                      f"{ipplan_s[0]:.3f} ({ipplan_s[1]:.3f}) | {name} | "
                      f"{peer_cell} | {ratio} | {ipplan_runs}/{peer_runs} | "
                      f"{shown} ({blocks} {unit}) |")
                sys.stdout.flush()

    print("\nCommands (FILE is the generated input of the row):\n")
    seen = set()
    for case, name, argv in commands:
        gen_line = "ipplan_gen " + shlex.join(case.gen_args) + " > FILE"
        line = shlex.join(["FILE" if a == "{FILE}" else
                           ("bench/compare_peers.py" if a == PEERS else a) for a in argv])
        key = (gen_line, line)
        if key in seen:
            continue
        seen.add(key)
        print(f"- {case.workload}, {case.input_name}: `{gen_line}`; {name}: `{line}`")
    elapsed = (datetime.datetime.now(datetime.timezone.utc) - started).total_seconds()
    print(f"\nTotal time of the comparison: {elapsed / 60:.1f} min.")
    return 0 if all_same else 1


if __name__ == "__main__":
    sys.exit(main())
