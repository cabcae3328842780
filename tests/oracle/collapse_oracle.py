#!/usr/bin/env python3
"""Differential test: `ipplan aggregate` against Python's `ipaddress.collapse_addresses`.

Usage: python3 collapse_oracle.py PATH_TO_IPPLAN [--seed N] [--rounds N]

Generates deterministic (seeded) list files of both families: prefixes and `first-last` ranges
crowded into small windows (so that nesting, duplicates, crossings and adjacency -- x.255 next
to the following .0 -- are common), windows at the bottom and the top of each space and in the
IPv4-mapped block, sparse prefixes anywhere, and the edges (/0, /32, /128, 0.0.0.0,
255.255.255.255, ::, all-ones). For each file it runs `ipplan aggregate --format json FILE`
(and once with two files, whose union is aggregated) and compares the printed prefixes with
Python's answer: per family, `collapse_addresses` over every prefix and every range (ranges via
`summarize_address_range`), IPv4 first, then IPv6. SPEC section 2 prints IPv4-mapped IPv6 with
a dotted tail (`::ffff:1.2.3.4`) where Python 3.11 prints hex (`::ffff:102:304`): the oracle
converts.

Exit 0 when every run matches, 1 otherwise; the last line is a one-line summary.
"""

import argparse
import ipaddress
import json
import os
import random
import subprocess
import sys
import tempfile

V4_MAX = (1 << 32) - 1
V6_MAX = (1 << 128) - 1
MAPPED = 0xFFFF << 32


def bits_of(fam):
    return 32 if fam == 4 else 128


def max_of(fam):
    return V4_MAX if fam == 4 else V6_MAX


def addr(fam, value):
    return ipaddress.IPv4Address(value) if fam == 4 else ipaddress.IPv6Address(value)


def canon_addr(a):
    """RFC 5952 as Python prints it, with a dotted tail for IPv4-mapped addresses (SPEC)."""
    if a.version == 6 and a.ipv4_mapped is not None:
        return "::ffff:" + str(a.ipv4_mapped)
    return str(a)


def canon_net(net):
    return "%s/%d" % (canon_addr(net.network_address), net.prefixlen)


class Gen:
    """Random lines; each line is (text, family, first, last)."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def window(self, fam):
        """A window (base, size) of 2^k addresses, aligned, at an edge or anywhere."""
        r = self.r
        k = r.choice([4, 8, 10, 12, 16]) if fam == 4 else r.choice([4, 8, 12, 16, 24])
        size = 1 << k
        roll = r.random()
        if roll < 0.15:
            base = 0
        elif roll < 0.3:
            base = max_of(fam) + 1 - size
        elif roll < 0.45 and fam == 6:
            base = MAPPED | (r.getrandbits(32) & ~(size - 1) & V4_MAX)     # ::ffff:a.b.c.d
        elif roll < 0.45:
            base = (10 << 24) | (r.getrandbits(24) & ~(size - 1))
        else:
            base = r.getrandbits(bits_of(fam)) & ~(size - 1)
        return base, size

    def spelling(self, fam, value):
        """Canonical text, or for IPv4-mapped sometimes the dotted form, sometimes hex."""
        a = addr(fam, value)
        if fam == 6 and a.ipv4_mapped is not None and self.r.random() < 0.5:
            return "::ffff:" + str(a.ipv4_mapped)
        return str(a)

    def in_window(self, fam, base, size):
        """A prefix or a range inside [base, base + size)."""
        r = self.r
        off = r.randrange(size)
        roll = r.random()
        if roll < 0.55:                                   # a prefix, any size up to the window
            host = r.randint(0, size.bit_length() - 1)
            first = base + (off & ~((1 << host) - 1))
            last = first + (1 << host) - 1
            text = "%s/%d" % (self.spelling(fam, first), bits_of(fam) - host)
            if host == 0 and r.random() < 0.3:
                text = self.spelling(fam, first)          # a bare address
            return text, fam, first, last
        if roll < 0.75:                                   # a short run, often across a boundary
            first = base + off
            last = min(base + size - 1, first + r.randint(0, 40))
        else:
            other = base + r.randrange(size)
            first, last = min(base + off, other), max(base + off, other)
        return "%s-%s" % (self.spelling(fam, first), self.spelling(fam, last)), fam, first, last

    def adjacent(self, fam, line):
        """A block that starts right after (or ends right before) an earlier line."""
        r = self.r
        _, _, first, last = line
        host = r.randint(0, 8)
        if r.random() < 0.5 and last < max_of(fam):
            start = last + 1
            host = min(host, (start & -start).bit_length() - 1) if start else host
            end = start + (1 << host) - 1
            if end > max_of(fam):
                end = start
                host = 0
        elif first > 0:
            end = first - 1
            size = 1 << host
            start = end + 1 - size
            if start < 0 or start % size:
                start, host = end, 0
        else:
            return None
        return "%s/%d" % (self.spelling(fam, start), bits_of(fam) - host), fam, start, start + (1 << host) - 1

    def anywhere(self, fam):
        r = self.r
        length = r.randint(0, bits_of(fam))
        if r.random() < 0.5:
            length = r.choice([8, 16, 24, 32] if fam == 4 else [32, 48, 56, 64, 128])
        host = bits_of(fam) - length
        first = r.getrandbits(bits_of(fam)) >> host << host
        return "%s/%d" % (self.spelling(fam, first), length), fam, first, first + (1 << host) - 1

    def edge(self, fam):
        top = max_of(fam)
        b = bits_of(fam)
        choices = [
            ("0.0.0.0/0" if fam == 4 else "::/0", 0, top),
            (self.spelling(fam, 0), 0, 0),
            (self.spelling(fam, top), top, top),
            ("%s/%d" % (self.spelling(fam, 0), b), 0, 0),
            ("%s/%d" % (self.spelling(fam, top), b), top, top),
            ("%s/1" % self.spelling(fam, 0), 0, (top >> 1)),
            ("%s/1" % self.spelling(fam, 1 << (b - 1)), 1 << (b - 1), top),
            ("%s-%s" % (self.spelling(fam, 1), self.spelling(fam, top - 1)), 1, top - 1),
            ("%s-%s" % (self.spelling(fam, 0), self.spelling(fam, top)), 0, top),
        ]
        # The whole space swallows everything else in the file: keep it rare.
        whole = self.r.random() < 0.1
        text, first, last = self.r.choice([c for c in choices if (c[2] - c[1] == top) == whole])
        return text, fam, first, last

    def file_lines(self, count, families, edge_share, windows_per_family=None, small_only=False):
        """`small_only`: no line spans more than 1/1024 of its space, so that the result keeps
        many blocks instead of collapsing into a few huge ones."""
        r = self.r
        windows = {fam: [self.window(fam) for _ in range(windows_per_family or r.randint(1, 6))]
                   for fam in families}
        lines = []
        while len(lines) < count:
            if lines and small_only and lines[-1][3] - lines[-1][2] > max_of(lines[-1][1]) >> 10:
                lines.pop()
            fam = r.choice(families)
            roll = r.random()
            if roll < edge_share:
                line = self.edge(fam)
            elif roll < edge_share + 0.05:
                line = self.anywhere(fam)
            elif roll < edge_share + 0.2 and lines:
                prev = r.choice(lines)
                line = self.adjacent(prev[1], prev)
                if line is None:
                    continue
            elif roll < edge_share + 0.25 and lines:
                line = r.choice(lines)                    # an exact duplicate
            else:
                line = self.in_window(fam, *r.choice(windows[fam]))
            lines.append(line)
        return lines


def python_collapse(lines):
    """What ipplan should print: IPv4 collapsed, then IPv6 collapsed, canonical text."""
    nets = {4: [], 6: []}
    for text, fam, first, last in lines:
        if "-" in text:
            a, b = text.split("-", 1)
            got = list(ipaddress.summarize_address_range(ipaddress.ip_address(a),
                                                         ipaddress.ip_address(b)))
        else:
            got = [ipaddress.ip_network(text)]
        # Self-check: the generator meant exactly these addresses.
        if (int(got[0].network_address), int(got[-1].broadcast_address)) != (first, last) \
                or got[0].version != fam:
            raise AssertionError("oracle self-check: %r is not [%d, %d]" % (text, first, last))
        nets[fam].extend(got)
    out = []
    for fam in (4, 6):
        out.extend(canon_net(n) for n in ipaddress.collapse_addresses(nets[fam]))
    return out


def run_ipplan(binary, paths):
    proc = subprocess.run([binary, "aggregate", "--format", "json", *paths],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    if proc.returncode != 0:
        return None, "exit %d: %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace")[:300])
    try:
        doc = json.loads(proc.stdout)
    except ValueError as e:
        return None, "output is not JSON (%s): %r" % (e, proc.stdout[:300])
    prefixes = doc.get("prefixes") if isinstance(doc, dict) else None
    if not isinstance(prefixes, list):
        return None, "no prefixes array: %r" % (proc.stdout[:300],)
    return prefixes, None


def compare(name, want, got, failures):
    if got == want:
        return
    missing = [p for p in want if p not in set(got)]
    extra = [p for p in got if p not in set(want)]
    detail = "%s: expected %d prefixes, got %d" % (name, len(want), len(got))
    if not missing and not extra:
        detail += "; same prefixes, different order"
        for i, (w, g) in enumerate(zip(want, got)):
            if w != g:
                detail += " (first at %d: expected %s, got %s)" % (i, w, g)
                break
    else:
        detail += "; missing %s; unexpected %s" % (missing[:5], extra[:5])
    failures.append(detail)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ipplan", help="path to the ipplan binary")
    parser.add_argument("--seed", type=int, default=20251125)
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()

    g = Gen(args.seed)
    failures = []
    files = 0
    lines_total = 0
    prefixes_total = 0
    with tempfile.TemporaryDirectory(prefix="ipplan-collapse-") as tmp:
        def write(name, lines):
            path = os.path.join(tmp, name)
            with open(path, "w") as f:
                for text, _, _, _ in lines:
                    f.write(text + "\n")
            return path

        scenarios = []
        for i in range(args.rounds):
            families = g.r.choice([(4,), (6,), (4, 6), (4, 6)])
            count = g.r.choice([1, 2, 5, 30, 200, 1000])
            edge_share = g.r.choice([0.0, 0.0, 0.02, 0.1])
            scenarios.append(("round%d.txt" % i, g.file_lines(count, families, edge_share,
                                                              small_only=g.r.random() < 0.5)))
        scenarios.append(("big.txt", g.file_lines(30000, (4, 6), 0.001, windows_per_family=300,
                                                  small_only=True)))

        previous = None
        for name, lines in scenarios:
            path = write(name, lines)
            want = python_collapse(lines)
            got, err = run_ipplan(args.ipplan, [path])
            files += 1
            lines_total += len(lines)
            prefixes_total += len(want)
            if err:
                failures.append("%s: %s" % (name, err))
            else:
                compare(name, want, got, failures)
            # Two inputs at once: their union.
            if previous is not None and len(lines) <= 1000:
                prev_path, prev_lines = previous
                want2 = python_collapse(prev_lines + lines)
                got2, err2 = run_ipplan(args.ipplan, [prev_path, path])
                files += 1
                if err2:
                    failures.append("%s + %s: %s" % (os.path.basename(prev_path), name, err2))
                else:
                    compare("%s + %s" % (os.path.basename(prev_path), name), want2, got2,
                            failures)
            previous = (path, lines)

    for f in failures[:20]:
        print("  " + f)
    verdict = "OK" if not failures else "FAILED"
    print("collapse oracle %s: %d runs, %d input lines, %d expected prefixes, %d mismatching "
          "runs (seed %d)" % (verdict, files, lines_total, prefixes_total, len(failures),
                              args.seed))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
