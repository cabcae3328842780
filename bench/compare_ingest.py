#!/usr/bin/env python3
"""Side-by-side ingest per input format: `ipplan stats` / `ipplan normalize` against Python's
csv+ipaddress and json+ipaddress reading the same files (SPEC section 8, the ingest issue).

What it measures, per format (default list, csv, netbox-json, azure-vnets) and size (default 1M
and 10M records):
  * generates the file with `ipplan_gen --format F --family mixed --count N --overlap-share 0.05`
    (fixed seed) into a work directory (the files are in the page cache for every run);
  * runs, one after the other and interleaved, `--runs` times each, whole processes (start-up
    counted on both sides) with their wall-clock and CPU (user + sys) time, peak RSS (VmHWM) and
    peak RssAnon (heap and stacks, not the mmapped input), both polled every 5 ms from /proc:
      (a) `ipplan stats --quiet FILE`: detect, read, keep every record in an Inventory, then
          count per family/domain and compute exact address counts (that includes a sort of all
          ranges); its "records: N" and detected format are checked;
      (b) `ipplan normalize --quiet FILE > /dev/null`: detect and read, streaming, nothing kept;
          formats every record in canonical text and writes it;
      (c) a fresh `python3` process: list/csv files through `csv.reader` with
          `ipaddress.ip_network(row[0])` per row (a `first-last` range: `ip_address` of both
          ends); JSON files through `json.load` and `ip_network` per prefix; it streams the CSV
          rows (keeps nothing) but json.load holds the whole document; its count is checked;
    for sizes >= --large (default 5M), Python runs --python-runs-large times (default 1); any
    command is skipped when its peak RSS, extrapolated linearly from the previous size, would
    pass --memory-share (default 0.7) of MemAvailable (said so in the output);
  * before each run waits (up to --idle-wait s) for the CPUs to be mostly idle, and reports how
    busy other processes kept them;
  * prints the medians: seconds, MB/s (10^6 bytes of input), records/s, peak RSS in MB (10^6),
    bytes/record = (peak - the same command's peak on 10 records fed through stdin, i.e. its
    start-up) / records, for RSS and for RssAnon, and python time / ipplan time.

Run from the repository root after building:
  python3 bench/compare_ingest.py --ipplan BUILD/cli/ipplan --gen BUILD/bench/ipplan_gen \\
      [--sizes 1000000,10000000] [--formats list,csv,netbox-json,azure-vnets] [--runs 3] \\
      [--workdir DIR] [--keep]
Standard library only.
"""

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PYTHON_CSV = r"""
import csv, ipaddress, sys
path, fmt = sys.argv[1], sys.argv[2]
count = 0
with open(path, newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    if fmt not in ("list", "infoblox-csv"):
        next(rows)  # the header
    for row in rows:
        if not row:
            continue
        if fmt == "infoblox-csv":  # typed rows: network,ADDRESS,NETMASK-or-CIDR,...
            if row[0].lower().startswith("header-"):
                continue
            ipaddress.ip_network(row[1] + "/" + row[2])
            count += 1
            continue
        text = row[0].strip()
        if "-" in text:
            first, last = text.split("-", 1)
            if ipaddress.ip_address(first) > ipaddress.ip_address(last):
                raise ValueError(text)
        else:
            ipaddress.ip_network(text)  # strict: host bits must be zero, as ipplan's default
        count += 1
print(count)
"""

PYTHON_JSON = r"""
import ipaddress, json, sys
path, fmt = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    doc = json.load(f)
count = 0
ip_network = ipaddress.ip_network
if fmt == "netbox-json":
    for item in doc["results"]:
        ip_network(item["prefix"])
        count += 1
elif fmt == "azure-vnets":
    for vnet in doc:
        for prefix in (vnet.get("addressSpace") or {}).get("addressPrefixes") or []:
            ip_network(prefix)
            count += 1
        for subnet in vnet.get("subnets") or []:
            prefixes = list(subnet.get("addressPrefixes") or [])
            if subnet.get("addressPrefix") and subnet["addressPrefix"] not in prefixes:
                prefixes.append(subnet["addressPrefix"])
            for prefix in prefixes:
                ip_network(prefix)
                count += 1
elif fmt == "servicetags":
    for tag in doc["values"]:
        for prefix in tag["properties"]["addressPrefixes"]:
            ip_network(prefix)
            count += 1
else:
    raise SystemExit("no JSON peer for " + fmt)
print(count)
"""

JSON_FORMATS = {"netbox-json", "azure-vnets", "servicetags"}
EXTENSIONS = {"list": "txt", "csv": "csv", "netbox-csv": "csv", "infoblox-csv": "csv",
              "azure-vnets": "json", "servicetags": "json", "netbox-json": "json"}
# What `ipplan stats` must report as the detected format.
IPPLAN_FORMAT_NAMES = {"servicetags": "azure-servicetags"}


def fail(message):
    sys.exit(f"compare_ingest: {message}")


def memory_status(pid):
    """(VmHWM, RssAnon) of a running process in bytes, or None when it is gone.

    VmHWM is the peak RSS of the process since its exec; rusage's ru_maxrss is not used because
    Linux carries the forking parent's RSS (this Python) into it across exec. RssAnon is heap and
    stacks, without file pages (the libraries, and the input ipplan mmaps)."""
    hwm = anon = None
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmHWM:"):
                    hwm = int(line.split()[1]) * 1024
                elif line.startswith(b"RssAnon:"):
                    anon = int(line.split()[1]) * 1024
    except OSError:
        return None
    if hwm is None or anon is None:
        return None
    return hwm, anon


class Sample:
    """One measured run: wall and CPU seconds, peak RSS, peak anonymous RSS (both sampled)."""

    def __init__(self, wall, cpu, peak, anon):
        self.wall, self.cpu, self.peak, self.anon = wall, cpu, peak, anon


def run_measured(argv, stdout_path, stderr_path, feed=None):
    """Runs argv with stdout to a file (or /dev/null when None); polls its memory every 5 ms.

    With `feed`, the process reads it from a pipe that stays empty for 0.3 s first, so that its
    RssAnon after start-up is sampled even though the work itself takes less than a sample."""
    out_path = stdout_path or os.devnull
    with open(out_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err,
                                stdin=subprocess.PIPE if feed is not None else None)
        peak = anon = 0

        def poll():
            nonlocal peak, anon
            found = memory_status(proc.pid)
            if found:
                peak, anon = max(peak, found[0]), max(anon, found[1])

        if feed is not None:
            until = time.perf_counter() + 0.3
            while time.perf_counter() < until:
                poll()
                time.sleep(0.005)
            proc.stdin.write(feed)
            proc.stdin.close()
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid != 0:
                break
            poll()
            time.sleep(0.005)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is the child's own peak whenever it passes this (forking) process's peak, and it
    # catches a peak between two samples.
    maxrss = usage.ru_maxrss * 1024
    if maxrss > resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024:
        peak = max(peak, maxrss)
    sample = Sample(elapsed, usage.ru_utime + usage.ru_stime, peak or maxrss, anon)
    captured = None
    if stdout_path:
        with open(stdout_path, "rb") as f:
            captured = f.read(1 << 20)
    return sample, proc.returncode, captured


def checked(argv, stdout_path, stderr_path, feed=None):
    sample, code, captured = run_measured(argv, stdout_path, stderr_path, feed)
    if code != 0:
        with open(stderr_path, "rb") as err:
            tail = err.read()[-2000:].decode(errors="replace")
        fail(f"{' '.join(argv)} exited {code}:\n{tail}")
    return sample, captured


def cpu_busy(seconds=1.0):
    """Share of all CPUs busy over `seconds` (from /proc/stat), or None."""
    def snapshot():
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return idle, sum(fields)
    try:
        idle0, total0 = snapshot()
        time.sleep(seconds)
        idle1, total1 = snapshot()
    except (OSError, ValueError):
        return None
    total = total1 - total0
    return 1.0 - (idle1 - idle0) / total if total > 0 else None


def generate(args, fmt, count, path):
    argv = [args.gen, "--format", fmt, "--family", args.family, "--count", str(count),
            "--overlap-share", str(args.overlap_share), "--seed", str(args.seed)]
    with open(path, "wb") as out:
        proc = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        fail(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode(errors='replace')}")


def mem_available():
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


class Runner:
    def __init__(self, args, workdir):
        self.args = args
        self.workdir = workdir
        self.err = os.path.join(workdir, "stderr.txt")
        self.out = os.path.join(workdir, "stdout.txt")
        self.peaks = {}  # (tool, format) -> (records, median peak RSS) at the last size run
        self.busy_seen = []    # CPU busy share (others) measured before each run

    def settle(self):
        """Waits (up to --idle-wait s) until the other processes leave the CPUs mostly idle."""
        if self.args.idle_wait <= 0:
            return
        deadline = time.monotonic() + self.args.idle_wait
        while True:
            busy = cpu_busy(0.5)
            if busy is None or busy <= self.args.idle_busy or time.monotonic() >= deadline:
                if busy is not None:
                    self.busy_seen.append(busy)
                return

    def stats(self, path, expect_records, fmt, feed=None):
        self.settle()
        sample, out = checked([self.args.ipplan, "stats", "--quiet", path], self.out, self.err,
                              feed)
        text = out.decode(errors="replace")
        found = re.search(r"^records: (\d+)", text, re.M)
        if not found or int(found.group(1)) != expect_records:
            fail(f"ipplan stats {path}: expected {expect_records} records, got:\n{text[:500]}")
        want = IPPLAN_FORMAT_NAMES.get(fmt, fmt)
        if not re.search(rf"\s{re.escape(want)}\s", text):
            fail(f"ipplan stats {path}: input not detected as {want}:\n{text[-500:]}")
        return sample

    def normalize(self, path, feed=None):
        self.settle()
        sample, _ = checked([self.args.ipplan, "normalize", "--quiet", path], None, self.err,
                            feed)
        return sample

    def python(self, path, fmt, expect_records, feed=None):
        self.settle()
        code = PYTHON_JSON if fmt in JSON_FORMATS else PYTHON_CSV
        sample, out = checked([self.args.python, "-c", code, path, fmt], self.out, self.err,
                              feed)
        got = int(out.decode().strip() or "-1")
        if got != expect_records:
            fail(f"python read {got} records from {path}, expected {expect_records}")
        return sample

    def baselines(self, fmt):
        """Each command on 10 records of the format read from stdin: median peak RSS and
        RssAnon (what start-up costs)."""
        path = os.path.join(self.workdir, f"tiny.{fmt}.{EXTENSIONS[fmt]}")
        generate(self.args, fmt, 10, path)
        with open(path, "rb") as f:
            feed = f.read()
        runs = {"stats": [], "normalize": [], "python": []}
        for _ in range(self.args.runs):
            runs["stats"].append(self.stats("-", 10, fmt, feed))
            runs["normalize"].append(self.normalize("-", feed))
            runs["python"].append(self.python("/dev/stdin", fmt, 10, feed))
        return {tool: (statistics.median(x.peak for x in samples),
                       statistics.median(x.anon for x in samples))
                for tool, samples in runs.items()}

    def too_big(self, tool, fmt, count):
        """Why `tool` must not run at this size (its peak RSS extrapolated linearly from the
        previous size would pass --memory-share of MemAvailable), or None."""
        measured = self.peaks.get((tool, fmt))
        available = mem_available()
        if not measured or not available:
            return None
        records, peak = measured
        estimate = peak * count / records
        limit = self.args.memory_share * available
        if estimate <= limit:
            return None
        return (f"{tool} skipped: its peak RSS extrapolated from {records:,} records is "
                f"{estimate / 1e9:.1f} GB, over {self.args.memory_share:.0%} of MemAvailable "
                f"({available / 1e9:.1f} GB)")

    def python_plan(self, fmt, count):
        """How many Python runs at this size, and a note when that is not --python-runs."""
        runs = self.args.python_runs_large if count >= self.args.large else self.args.python_runs
        if runs == 0:
            return 0, "python not run (--python-runs 0)"
        skip = self.too_big("python", fmt, count)
        if skip:
            return 0, skip
        note = None
        if runs != self.args.python_runs:
            note = (f"python ran {runs} time(s) at this size (--python-runs-large), "
                    f"not {self.args.python_runs}")
        return runs, note

    def measure(self, fmt, count, baseline):
        path = os.path.join(self.workdir, f"inventory.{fmt}.{count}.{EXTENSIONS[fmt]}")
        start = time.perf_counter()
        generate(self.args, fmt, count, path)
        generated = time.perf_counter() - start
        size = os.path.getsize(path)
        python_runs, python_note = self.python_plan(fmt, count)
        notes = [python_note] if python_note else []
        tools = ["stats"] + ([] if self.args.no_normalize else ["normalize"])
        runnable = []
        for tool in tools:
            skip = self.too_big(tool, fmt, count)
            if skip:
                notes.append(skip)
            else:
                runnable.append(tool)
        print(f"  {fmt} {count:,}: {size / 1e6:,.1f} MB generated in {generated:.1f} s; "
              f"{self.args.runs} runs of {' and '.join(runnable) or 'no ipplan command'}, "
              f"{python_runs} of python", file=sys.stderr, flush=True)
        runs = {"stats": [], "normalize": [], "python": []}
        for run in range(max(self.args.runs, python_runs)):
            if run < self.args.runs:
                if "stats" in runnable:
                    runs["stats"].append(self.stats(path, count, fmt))
                if "normalize" in runnable:
                    runs["normalize"].append(self.normalize(path))
            if run < python_runs:
                runs["python"].append(self.python(path, fmt, count))
        for tool, samples in runs.items():
            if samples:
                self.peaks[(tool, fmt)] = (count, statistics.median(x.peak for x in samples))
        if not self.args.keep:
            os.remove(path)
        row = {"format": fmt, "records": count, "bytes": size, "baseline": baseline,
               "python_runs": len(runs["python"]), "notes": notes}
        for tool, samples in runs.items():
            row[tool] = None
            if samples:
                row[tool] = {key: statistics.median(getattr(x, key) for x in samples)
                             for key in ("wall", "cpu", "peak", "anon")}
        return row


def print_table(rows, tool, title):
    header = ["format", "records", "MB", f"{tool} s", "cpu s", "MB/s", "records/s", "peak MB",
              "B/rec", "anon B/rec", "python s", "py cpu s", "py peak MB", "py runs",
              "py/ipplan"]
    table = [header]
    notes = []
    for r in rows:
        m = r[tool]
        notes.extend(f"{r['format']} {r['records']:,}: {note}" for note in r["notes"]
                     if note.startswith(("python", tool)))
        if m is None:
            continue
        n, size = r["records"], r["bytes"]
        base_peak, base_anon = r["baseline"][tool]
        py = r["python"]
        table.append([
            r["format"], f"{n:,}", f"{size / 1e6:,.1f}", f"{m['wall']:.3f}", f"{m['cpu']:.3f}",
            f"{size / m['wall'] / 1e6:,.0f}", f"{n / m['wall'] / 1e6:.2f}M",
            f"{m['peak'] / 1e6:,.0f}", f"{(m['peak'] - base_peak) / n:.0f}",
            f"{(m['anon'] - base_anon) / n:.0f}",
            f"{py['wall']:.2f}" if py else "-", f"{py['cpu']:.2f}" if py else "-",
            f"{py['peak'] / 1e6:,.0f}" if py else "-", str(r["python_runs"]),
            f"{py['wall'] / m['wall']:.1f}x" if py else "-",
        ])
    print(title)
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for k, row in enumerate(table):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        print("  ".join(cells))
        if k == 0:
            print("  ".join("-" * w for w in widths))
    for note in notes:
        print(f"  note: {note}")
    print()


def parse_sizes(text):
    sizes = []
    for item in text.split(","):
        item = item.strip().lower()
        scale = 1
        if item.endswith("k"):
            scale, item = 1_000, item[:-1]
        elif item.endswith("m"):
            scale, item = 1_000_000, item[:-1]
        sizes.append(int(item) * scale)
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sorted(sizes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ipplan", required=True, help="path to the ipplan CLI")
    parser.add_argument("--gen", required=True, help="path to ipplan_gen")
    parser.add_argument("--sizes", type=parse_sizes, default=[1_000_000, 10_000_000],
                        help="records per file, comma-separated (1M, 10M, 100k accepted)")
    parser.add_argument("--formats", default="list,csv,netbox-json,azure-vnets",
                        help="comma-separated ipplan_gen formats")
    parser.add_argument("--family", default="mixed", choices=["v4", "v6", "mixed"])
    parser.add_argument("--overlap-share", type=float, default=0.05)
    parser.add_argument("--seed", default="0x1f2e3d4c5b6a7988")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each ipplan command")
    parser.add_argument("--python-runs", type=int, help="Python runs below --large (default --runs)")
    parser.add_argument("--python-runs-large", type=int, default=1,
                        help="Python runs at sizes >= --large")
    parser.add_argument("--large", type=parse_sizes, default=[5_000_000])
    parser.add_argument("--memory-share", type=float, default=0.7,
                        help="skip a command whose peak RSS, extrapolated from the previous "
                             "size, would pass this share of MemAvailable")
    parser.add_argument("--no-normalize", action="store_true", help="time stats only")
    parser.add_argument("--idle-wait", type=float, default=60,
                        help="before each run, wait up to this many seconds for the CPUs to be "
                             "mostly idle (0: do not wait)")
    parser.add_argument("--idle-busy", type=float, default=0.25,
                        help="CPU busy share (other processes) that counts as idle enough")
    parser.add_argument("--python", default=sys.executable,
                        help="Python interpreter for the peer (default: this one)")
    parser.add_argument("--workdir", help="where the files go (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()
    args.large = args.large[0]
    if args.python_runs is None:
        args.python_runs = args.runs
    if args.runs < 1:
        parser.error("--runs must be positive")
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    for fmt in formats:
        if fmt not in EXTENSIONS:
            parser.error(f"unknown format {fmt}")
    for tool in (args.ipplan, args.gen):
        if not os.access(tool, os.X_OK):
            parser.error(f"{tool} is not executable")

    workdir = args.workdir or tempfile.mkdtemp(prefix="ipplan_ingest_")
    os.makedirs(workdir, exist_ok=True)
    load = os.getloadavg()
    print(f"ipplan ingest vs Python {sys.version.split()[0]} csv/json + ipaddress; "
          f"family {args.family}, overlap share {args.overlap_share}, seed {args.seed}; "
          f"medians of {args.runs} ipplan runs, {args.python_runs} python runs "
          f"({args.python_runs_large} at >= {args.large:,} records); wall clock incl. start-up; "
          f"load average at start {load[0]:.2f}; {os.cpu_count()} CPUs\n", flush=True)
    try:
        runner = Runner(args, workdir)
        rows = []
        for fmt in formats:
            baseline = runner.baselines(fmt)
            for count in args.sizes:
                rows.append(runner.measure(fmt, count, baseline))
    finally:
        if not args.workdir and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    legend = ("  MB = 10^6 bytes of input; s = wall clock, cpu s = user + sys of the process; "
              "MB/s and records/s from wall clock;\n"
              "  peak MB = peak RSS (VmHWM, sampled every 5 ms); B/rec = (peak RSS - the same "
              "command's peak RSS on 10 records) / records;\n"
              "  anon B/rec = the same with RssAnon sampled every 5 ms (heap and stacks, without "
              "the mmapped input's page-cache pages;\n    baseline: the command idle on an empty "
              "stdin pipe, then reading the 10 records from it);\n"
              "  python = a fresh python3: csv.reader + ipaddress.ip_network per row (list, csv; "
              "streaming, keeps nothing) or json.load + ip_network per prefix (JSON; holds the "
              "document);\n  py/ipplan = python wall s / ipplan wall s")
    print_table(rows, "stats",
                "ipplan stats --quiet FILE  (detect, read, keep every record in an Inventory, then "
                "per-family/domain counts and exact address counts, which sort all ranges)")
    if not args.no_normalize:
        print_table(rows, "normalize",
                    "ipplan normalize --quiet FILE > /dev/null  (detect, read streaming, nothing "
                    "kept; formats and writes every record)")
    print(legend)
    load = os.getloadavg()
    busy = runner.busy_seen
    if busy:
        print(f"  CPU busy share of other processes before each run: median {statistics.median(busy):.0%}, "
              f"max {max(busy):.0%} (waited up to {args.idle_wait:.0f} s for <= {args.idle_busy:.0%}); "
              f"load average at end {load[0]:.2f}")
    else:
        print(f"  load average at end {load[0]:.2f}")


if __name__ == "__main__":
    main()
