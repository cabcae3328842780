#!/usr/bin/env python3
"""Differential test: `ipplan normalize` against Python's `ipaddress`, on random input.

Usage: python3 ipaddress_oracle.py PATH_TO_IPPLAN [--seed N] [--lines N]

Generates a deterministic (seeded) list file of valid and invalid lines, both families, biased
toward edges (/0, /32, /128, 0.0.0.0, 255.255.255.255, ::, all-ones, long zero runs,
IPv4-mapped addresses written dotted and in hex, `::` for a single group, upper case, leading
zeros inside groups, dotted tails, `first-last` ranges), runs
`ipplan normalize --format json FILE` and checks every record:

* a valid line must come back as its canonical text, computed by Python's `ipaddress`
  (`str(ip_network(...))`; a range that is not one prefix is `first-last`), except that SPEC
  section 2 prints IPv4-mapped addresses with a dotted tail (`::ffff:1.2.3.4`) where Python 3.11
  prints hex (`::ffff:102:304`): the oracle converts;
* an invalid line must come back as an error for that line.

The generator knows the verdict of every line it writes. Where SPEC is stricter than Python
(zone ids, `/08`, netmask lengths, text after the value), the verdict comes from SPEC and the
oracle checks that Python indeed accepts the value, so the difference is deliberate; everywhere
else Python must agree with the generator, or the oracle itself is wrong and says so.

Also runs a file of valid lines only (exit 0 required), the mixed file (exit 2 required), and
the host-bits lines with --allow-host-bits (truncated like `ip_network(strict=False)`).
Exit 0 when everything matches, 1 on any mismatch (the first 20 are printed).
"""

import argparse
import ipaddress
import json
import os
import random
import subprocess
import sys
import tempfile

V4_BITS = 32
V6_BITS = 128
V4_MAX = (1 << V4_BITS) - 1
V6_MAX = (1 << V6_BITS) - 1


# --------------------------------------------------------------------------------------------
# Canonical text per SPEC section 2, from Python's ipaddress objects.

def canon_addr(addr):
    """RFC 5952 as Python prints it, with a dotted tail for IPv4-mapped addresses (SPEC)."""
    if addr.version == 6 and addr.ipv4_mapped is not None:
        return "::ffff:" + str(addr.ipv4_mapped)
    return str(addr)


def canon_net(net):
    return "%s/%d" % (canon_addr(net.network_address), net.prefixlen)


def python_canonical(value):
    """Canonical text of a spec-valid value according to Python, or raise ValueError."""
    if "-" in value:
        first_text, last_text = value.split("-", 1)
        first = ipaddress.ip_address(first_text)
        last = ipaddress.ip_address(last_text)
        if first.version != last.version or first > last:
            raise ValueError("not a range")
        nets = list(ipaddress.summarize_address_range(first, last))
        if len(nets) == 1:
            return canon_net(nets[0])
        return "%s-%s" % (canon_addr(first), canon_addr(last))
    return canon_net(ipaddress.ip_network(value))


def python_accepts(value):
    """Whether Python's ip_network (strict) accepts the value as a prefix or address."""
    try:
        ipaddress.ip_network(value)
        return True
    except ValueError:
        return False


# --------------------------------------------------------------------------------------------
# Values and spellings.

class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def chance(self, p):
        return self.r.random() < p

    # -- IPv4 --------------------------------------------------------------------------------
    def v4_value(self):
        r = self.r
        roll = r.random()
        if roll < 0.06:
            return 0
        if roll < 0.12:
            return V4_MAX
        if roll < 0.45:
            octets = [r.choice([0, 0, 255, 1, 10, 127, 128, 254, r.randrange(256)])
                      for _ in range(4)]
            return int.from_bytes(bytes(octets), "big")
        return r.getrandbits(32)

    @staticmethod
    def v4_text(value):
        return str(ipaddress.IPv4Address(value))

    def v4_length(self):
        if self.chance(0.45):
            return self.r.choice([0, 1, 8, 16, 24, 28, 29, 30, 31, 32])
        return self.r.randint(0, 32)

    # -- IPv6 --------------------------------------------------------------------------------
    def v6_groups_value(self):
        r = self.r
        groups = []
        for _ in range(8):
            roll = r.random()
            if roll < 0.5:
                groups.append(0)
            elif roll < 0.6:
                groups.append(0xFFFF)
            elif roll < 0.8:
                groups.append(r.randint(1, 0xFF))
            else:
                groups.append(r.getrandbits(16))
        value = 0
        for g in groups:
            value = (value << 16) | g
        return value

    def v6_value(self):
        r = self.r
        roll = r.random()
        if roll < 0.05:
            return 0
        if roll < 0.10:
            return V6_MAX
        if roll < 0.13:
            return 1
        if roll < 0.25:
            return (0xFFFF << 32) | self.v4_value()          # IPv4-mapped
        if roll < 0.29:
            return self.v4_value()                           # IPv4-compatible
        if roll < 0.33:
            return (0x0064FF9B << 96) | self.v4_value()      # NAT64
        if roll < 0.45:
            return (0x20010DB8 << 96) | (r.getrandbits(96) if self.chance(0.3)
                                          else self.v6_groups_value() & ((1 << 96) - 1))
        if roll < 0.50:
            return (0xFE80 << 112) | r.getrandbits(64)
        if roll < 0.80:
            return self.v6_groups_value()
        return r.getrandbits(128)

    def group_text(self, group):
        r = self.r
        text = "%x" % group
        if self.chance(0.25):
            text = "0" * r.randint(0, 4 - len(text)) + text   # leading zeros inside a group
        style = r.random()
        if style < 0.2:
            text = text.upper()
        elif style < 0.3:
            text = "".join(c.upper() if r.random() < 0.5 else c for c in text)
        return text

    def v6_text(self, value, dotted=None):
        """A valid RFC 4291 spelling of value: any '::' placement over zero groups, optional
        dotted tail, random case and leading zeros."""
        r = self.r
        groups = [(value >> (112 - 16 * i)) & 0xFFFF for i in range(8)]
        mapped = (value >> 32) == 0xFFFF
        if dotted is None:
            dotted = self.chance(0.6 if mapped else 0.08)
        hex_count = 6 if dotted else 8
        tail = str(ipaddress.IPv4Address(value & V4_MAX)) if dotted else None
        # Zero runs among the hex groups; '::' may stand for any non-empty part of one of them.
        runs = []
        i = 0
        while i < hex_count:
            if groups[i] == 0:
                j = i
                while j < hex_count and groups[j] == 0:
                    j += 1
                runs.append((i, j))
                i = j
            else:
                i += 1
        parts = [self.group_text(g) for g in groups[:hex_count]]
        if tail is not None:
            parts.append(tail)
        if runs and self.chance(0.8):
            start, end = r.choice(runs)
            if self.chance(0.5):
                s, e = start, end                         # the whole run
            else:
                s = r.randint(start, end - 1)
                e = r.randint(s + 1, end)                 # any part of it, one group at least
            left = ":".join(parts[:s])
            right = ":".join(parts[e:])
            return left + "::" + right
        return ":".join(parts)

    def v6_length(self):
        if self.chance(0.45):
            return self.r.choice([0, 1, 10, 32, 48, 56, 64, 96, 104, 112, 120, 124, 127, 128])
        return self.r.randint(0, 128)

    # -- either family -----------------------------------------------------------------------
    def family(self):
        return 4 if self.chance(0.45) else 6

    def value(self, fam):
        return self.v4_value() if fam == 4 else self.v6_value()

    def text(self, fam, value):
        return self.v4_text(value) if fam == 4 else self.v6_text(value)

    def length(self, fam):
        return self.v4_length() if fam == 4 else self.v6_length()


def bits_of(fam):
    return V4_BITS if fam == 4 else V6_BITS


def netmask(fam, length):
    bits = bits_of(fam)
    return ((1 << length) - 1) << (bits - length)


def hostmask(fam, length):
    return ((1 << bits_of(fam)) - 1) >> length


def max_of(fam):
    return V4_MAX if fam == 4 else V6_MAX


def to_int(text):
    return int(ipaddress.ip_address(text))


# --------------------------------------------------------------------------------------------
# Line generators. Each returns (value_text, kind, meta):
#   kind "valid": meta = the intended (family, first, last) for a self-check against Python;
#   kind "invalid": meta = "py-rejects" (Python must reject the value too), "py-accepts"
#   (SPEC is stricter than Python: Python must accept it), or None (not a Python question:
#   ranges, text after the value).

def valid_address(g):
    fam = g.family()
    v = g.value(fam)
    return g.text(fam, v), "valid", (fam, v, v)


def valid_prefix(g):
    fam = g.family()
    length = g.length(fam)
    v = g.value(fam) & netmask(fam, length)
    return "%s/%d" % (g.text(fam, v), length), "valid", (fam, v, v | hostmask(fam, length))


def valid_mapped(g):
    v4 = g.v4_value()
    length = g.r.choice([96, 100, 104, 112, 120, 127, 128, g.r.randint(96, 128)])
    v = ((0xFFFF << 32) | v4) & netmask(6, length)
    text = g.v6_text(v, dotted=g.chance(0.5))
    if g.chance(0.3):
        return text, "valid", (6, v, v)
    return "%s/%d" % (text, length), "valid", (6, v, v | hostmask(6, length))


def valid_range(g):
    r = g.r
    fam = g.family()
    top = max_of(fam)
    roll = r.random()
    if roll < 0.1:
        first, last = 0, top
    elif roll < 0.3:
        first = g.value(fam)
        last = first
    elif roll < 0.55:
        length = g.length(fam)
        first = g.value(fam) & netmask(fam, length)
        last = first | hostmask(fam, length)                # exactly one prefix
    else:
        a, b = g.value(fam), g.value(fam)
        if r.random() < 0.5:
            span = r.getrandbits(r.randint(1, 12 if fam == 4 else 40))
            b = min(top, a + span)
        first, last = min(a, b), max(a, b)
    return "%s-%s" % (g.text(fam, first), g.text(fam, last)), "valid", (fam, first, last)


# -- invalid ----------------------------------------------------------------------------------

def inv_host_bits(g):
    fam = g.family()
    length = g.r.randint(0, bits_of(fam) - 1)
    v = g.value(fam) & netmask(fam, length)
    v |= 1 << g.r.randrange(bits_of(fam) - length)           # one host bit, at least
    return "%s/%d" % (g.text(fam, v), length), "invalid", "py-rejects"


def v4_octets(g):
    return [str(b) for b in g.v4_value().to_bytes(4, "big")]


def inv_v4_leading_zero(g):
    octets = v4_octets(g)
    i = g.r.randrange(4)
    octets[i] = "0" * g.r.randint(1, 2) + octets[i]
    text = ".".join(octets)
    roll = g.r.random()
    if roll < 0.25:
        text += "/%d" % g.r.randint(0, 32)
    elif roll < 0.45:
        text = "::ffff:" + text                               # a bad octet in a dotted tail
    return text, "invalid", "py-rejects"


def inv_v4_octet_too_large(g):
    octets = v4_octets(g)
    octets[g.r.randrange(4)] = str(g.r.choice([256, 300, 999, 1000, g.r.randint(256, 99999)]))
    text = ".".join(octets)
    if g.chance(0.3):
        text = g.r.choice(["::ffff:", "::", "64:ff9b::"]) + text
    return text, "invalid", "py-rejects"


def inv_v4_shape(g):
    octets = v4_octets(g)
    r = g.r
    choice = r.randrange(7)
    if choice == 0:
        text = ".".join(octets[: r.randint(1, 3)])            # shortened: 10, 10.1, 10.1.2
    elif choice == 1:
        text = ".".join(octets) + "."                         # trailing dot
    elif choice == 2:
        text = ".".join(octets) + "." + octets[0]             # five octets
    elif choice == 3:
        octets[r.randrange(4)] = ""                           # empty octet
        text = ".".join(octets)
    elif choice == 4:
        octets[r.randrange(4)] = r.choice(["0x0a", "0xff", "0x1", "0X7f"])  # hex octet
        text = ".".join(octets)
    elif choice == 5:
        text = "0x%08x" % g.v4_value()                        # hex integer
    else:
        text = ".".join(octets[:3]) + ".0" + oct(r.randint(8, 255))[2:]  # octal-looking
    if r.random() < 0.2:
        text += "/%d" % r.randint(0, 32)
    return text, "invalid", "py-rejects"


def inv_length(g):
    r = g.r
    fam = g.family()
    bits = bits_of(fam)
    length = g.length(fam)
    v = g.value(fam) & netmask(fam, length)
    base = g.text(fam, v)
    choice = r.randrange(8)
    if choice == 0:
        return "%s/%d" % (base, r.randint(bits + 1, 999)), "invalid", "py-rejects"
    if choice == 1:
        return "%s/0%d" % (base, length), "invalid", "py-accepts"   # /08: SPEC refuses
    if choice == 2:
        return base + "/", "invalid", "py-rejects"
    if choice == 3:
        return "%s/+%d" % (base, length), "invalid", "py-rejects"
    if choice == 4:
        return "%s/-%d" % (base, length), "invalid", "py-rejects"
    if choice == 5:
        return "%s/%d.0" % (base, length), "invalid", "py-rejects"
    if choice == 6:
        return "%s/%s" % (base, r.choice(["a", "0x8", "8a", "1e1", "\u0668"])), "invalid", \
            "py-rejects"
    if fam == 4:                                              # netmask form: SPEC refuses
        return "%s/%s" % (base, ipaddress.IPv4Address(netmask(4, length))), "invalid", \
            "py-accepts"
    return "%s/0%d" % (base, length), "invalid", "py-accepts"


def inv_zone(g):
    r = g.r
    zone = r.choice(["eth0", "1", "en0", "lo", "25", "wlan0", "eth1.100", "Ethernet"])
    v = (0xFE80 << 112) | (r.getrandbits(64) if r.random() < 0.7 else 0)
    if r.random() < 0.3:
        v = g.v6_value()
    if r.random() < 0.4:
        length = r.choice([10, 64, 128])
        v &= netmask(6, length)
        return "%s%%%s/%d" % (g.v6_text(v), zone, length), "invalid", "py-accepts"
    return "%s%%%s" % (g.v6_text(v), zone), "invalid", "py-accepts"


def inv_brackets(g):
    text = g.v6_text(g.v6_value())
    return g.r.choice(["[%s]", "[%s]/64", "[%s", "%s]"]) % text, "invalid", "py-rejects"


def inv_v6_shape(g):
    r = g.r
    groups = ["%x" % r.getrandbits(16) for _ in range(9)]
    choice = r.randrange(12)
    if choice == 0:
        text = ":".join(groups)                                      # nine groups
    elif choice == 1:
        k = r.randint(0, 8)
        text = ":".join(groups[:k]) + "::" + ":".join(groups[k:8])   # eight groups and '::'
    elif choice == 2:
        text = ":".join(groups[: r.randint(1, 7)])                  # too few, no '::'
    elif choice == 3:
        text = groups[0] + "::" + groups[1] + "::" + groups[2]        # two '::'
    elif choice == 4:
        text = r.choice([":::", "1:::2", ":::1", "1:::", "2001:db8:::1"])
    elif choice == 5:
        groups[r.randrange(8)] = "%05x" % r.getrandbits(16)          # five hex digits
        text = ":".join(groups[:8])
    elif choice == 6:
        text = ":" + ":".join(groups[:7])                            # lone leading ':'
    elif choice == 7:
        text = ":".join(groups[:7]) + ":"                            # lone trailing ':'
    elif choice == 8:
        text = r.choice(["1.2.3.4::", "::1.2.3.4:5", "1:2:3:4:5:1.2.3.4",
                         "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4:1:2:3:4:5:6", "::1.2.3.4::"])
    elif choice == 9:
        groups[r.randrange(8)] = r.choice(["g", "xyz", "12g4", "-1", "+1", "0x1"])
        text = ":".join(groups[:8])
    elif choice == 10:
        text = ":".join(groups[:6]) + ":" + r.choice(["1.2.3", "1.2.3.4.5", "1..2.3", "a.b.c.d"])
    else:
        text = r.choice(["::ffff:1.2.3.", "::ffff:01.2.3.4", "64:ff9b::1.2.3.256", ":"])
    if r.random() < 0.15:
        text += "/64"
    return text, "invalid", "py-rejects"


def inv_range(g):
    r = g.r
    fam = g.family()
    a, b = g.value(fam), g.value(fam)
    while a == b:
        b = g.value(fam)
    lo, hi = min(a, b), max(a, b)
    choice = r.randrange(6)
    if choice == 0:                                          # reversed
        return "%s-%s" % (g.text(fam, hi), g.text(fam, lo)), "invalid", None
    if choice == 1:                                          # mixed families
        v4 = g.v4_value()
        v6 = g.v6_value()
        if r.random() < 0.3:
            v6 = (0xFFFF << 32) | v4                         # mapped stays IPv6
        pair = (g.v4_text(v4), g.v6_text(v6))
        if r.random() < 0.5:
            pair = pair[::-1]
        return "%s-%s" % pair, "invalid", None
    if choice == 2:                                          # an end that is a prefix
        length = g.length(fam)
        start = lo & netmask(fam, length)
        if r.random() < 0.5:
            return "%s/%d-%s" % (g.text(fam, start), length, g.text(fam, hi)), "invalid", None
        return "%s-%s/%d" % (g.text(fam, lo), g.text(fam, hi), bits_of(fam)), "invalid", None
    if choice == 3:                                          # an empty end
        return r.choice(["%s-", "-%s"]) % g.text(fam, lo), "invalid", None
    if choice == 4:                                          # a bad end
        bad = r.choice(["01.2.3.4", "1.2.3.256", "10.1", "1::2::3", "fe80::1%eth0", "[::1]"])
        if r.random() < 0.5:
            return "%s-%s" % (g.text(fam, lo), bad), "invalid", None
        return "%s-%s" % (bad, g.text(fam, hi)), "invalid", None
    return "%s-%s-%s" % (g.text(fam, lo), g.text(fam, lo), g.text(fam, hi)), "invalid", None


GARBAGE_ALPHABET = "0123456789abcdefABCDEF:./-ghijklmnopqrstuvwxyzGHXYZ!@$^&*()_+=[]{}<>?|~'\"`"
NEVER_VALID = "ghijklmnopqrstuvwxyzGHXYZ!@$^&*()_+={}<>?|~'\"`"


def inv_garbage(g):
    r = g.r
    n = r.randint(1, 40)
    chars = [r.choice(GARBAGE_ALPHABET) for _ in range(n)]
    chars.insert(r.randint(0, n), r.choice(NEVER_VALID))      # at least one impossible char
    text = "".join(chars)
    if r.random() < 0.1:
        text = r.choice(["\x00", "\xe9", "\u00a0", "\uff11", "\ufffd", "\x7f", "\x01"]).join(
            [text[: len(text) // 2], text[len(text) // 2:]])
    if text[0] in "#;":
        text = "x" + text
    return text, "invalid", "py-rejects"


def inv_attached(g):
    """A value with something glued to it (no whitespace): the whole thing is the value."""
    value, _, _ = valid_prefix(g)
    suffix = g.r.choice(["#c", ";c", "%", "\x00", "\xa0", "/", "x", ".", "\u00e9"])
    return value + suffix, "invalid", "py-rejects"


def inv_text_after(g):
    """A valid value, whitespace, then text that is not a comment: the line is refused."""
    value, _, _ = (valid_prefix if g.chance(0.7) else valid_range)(g)
    junk = g.r.choice(["extra", "10.0.0.0/8", "x#y", "-", "/8", "1", "VLAN100", "\u00e9t\u00e9"])
    return value + g.r.choice([" ", "\t", "  "]) + junk, "invalid", None


VALID_GENERATORS = [
    (valid_address, 25),
    (valid_prefix, 40),
    (valid_mapped, 10),
    (valid_range, 25),
]
INVALID_GENERATORS = [
    (inv_host_bits, 14),
    (inv_v4_leading_zero, 10),
    (inv_v4_octet_too_large, 5),
    (inv_v4_shape, 10),
    (inv_length, 12),
    (inv_zone, 8),
    (inv_brackets, 3),
    (inv_v6_shape, 14),
    (inv_range, 12),
    (inv_garbage, 8),
    (inv_attached, 4),
    (inv_text_after, 4),
]


def pick(r, weighted):
    total = sum(w for _, w in weighted)
    x = r.uniform(0, total)
    for fn, w in weighted:
        x -= w
        if x <= 0:
            return fn
    return weighted[-1][0]


def decorate(g, value):
    """Surround a value with what the list format ignores: blanks, a comment, CR before LF."""
    r = g.r
    line = value
    if r.random() < 0.15:
        line = r.choice([" ", "\t", "  ", " \t"]) + line
    roll = r.random()
    if roll < 0.08:
        line += r.choice([" # comment", "\t; SBL256894", " #", " ;x", "   # a - b / c"])
    elif roll < 0.15:
        line += r.choice([" ", "\t", "  \t"])
    if r.random() < 0.05:
        line += "\r"
    return line


# --------------------------------------------------------------------------------------------

class Line:
    __slots__ = ("text", "expect", "canonical", "value", "truncated")

    def __init__(self, text, expect, canonical=None, value=None, truncated=None):
        self.text = text            # the whole line as written (no newline)
        self.expect = expect        # "ok", "error" or "none" (blank or comment line)
        self.canonical = canonical  # for "ok"
        self.value = value          # the value text, for messages and self-checks
        self.truncated = truncated  # for host-bit lines: canonical under --allow-host-bits


def generate(seed, count, problems):
    g = Gen(seed)
    r = g.r
    lines = []
    # Start with plain lines so that no future content sniffing mistakes the file's format.
    lines.append(Line("10.0.0.0/8", "ok", "10.0.0.0/8", "10.0.0.0/8"))
    lines.append(Line("2001:db8::/32", "ok", "2001:db8::/32", "2001:db8::/32"))
    while len(lines) < count:
        roll = r.random()
        if roll < 0.01:
            lines.append(Line(r.choice(["", " ", "\t", "# a comment", "; comment", "  # x",
                                        "\r", "#10.0.0.0/8"]), "none"))
            continue
        if roll < 0.62:
            gen = pick(r, VALID_GENERATORS)
            value, _, (fam, first, last) = gen(g)
            try:
                canonical = python_canonical(value)
                if "-" in value:
                    a, b = value.split("-", 1)
                    got = (to_int(a), to_int(b))
                else:
                    net = ipaddress.ip_network(value)
                    got = (int(net.network_address), int(net.broadcast_address))
                if got != (first, last):
                    problems.append("oracle self-check: %r spells %r, meant %r"
                                    % (value, got, (first, last)))
            except ValueError as e:
                problems.append("oracle self-check: Python rejects valid %r: %s" % (value, e))
                continue
            lines.append(Line(decorate(g, value), "ok", canonical, value))
        else:
            gen = pick(r, INVALID_GENERATORS)
            value, _, meta = gen(g)
            if meta == "py-rejects" and python_accepts(value):
                problems.append("oracle self-check: Python accepts %r, generated as invalid"
                                % value)
            elif meta == "py-accepts" and not python_accepts(value):
                problems.append("oracle self-check: Python rejects %r, generated as a value "
                                "only SPEC refuses" % value)
            truncated = None
            if gen is inv_host_bits:
                truncated = canon_net(ipaddress.ip_network(value, strict=False))
            lines.append(Line(decorate(g, value), "error", value=value, truncated=truncated))
    return lines


def write_lines(path, lines):
    with open(path, "wb") as f:
        for line in lines:
            f.write(line.text.encode("utf-8", "surrogateescape") + b"\n")


def run_ipplan(binary, path, extra=()):
    proc = subprocess.run([binary, "normalize", "--format", "json", *extra, path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    try:
        doc = json.loads(proc.stdout.decode("utf-8", "replace"))
    except ValueError as e:
        return proc.returncode, None, "output is not JSON (%s): %r" % (e, proc.stdout[:300])
    return proc.returncode, doc, None


def check_run(name, binary, lines, want_exit, mismatches, extra=(), host_bits=False):
    """Runs ipplan on `lines` and appends (where, input, expected, got) for each mismatch."""
    with tempfile.TemporaryDirectory(prefix="ipplan-oracle-") as tmp:
        path = os.path.join(tmp, name + ".txt")
        write_lines(path, lines)
        code, doc, err = run_ipplan(binary, path, extra)
    if err is not None:
        mismatches.append((name, "(whole file)", "JSON output", err))
        return 0
    if code != want_exit:
        mismatches.append((name, "(exit code)", str(want_exit), str(code)))
    records = doc.get("records")
    if not isinstance(records, list):
        mismatches.append((name, "(document)", "a records array", repr(doc)[:200]))
        return 0
    by_line = {}
    previous = 0
    for record in records:
        line_no = record.get("line")
        if not isinstance(line_no, int) or line_no <= previous:
            mismatches.append((name, "(order)", "increasing line numbers", repr(record)))
            continue
        previous = line_no
        by_line[line_no] = record
    checked = 0
    for number, line in enumerate(lines, start=1):
        record = by_line.pop(number, None)
        if line.expect == "none":
            if record is not None:
                mismatches.append((name + ":%d" % number, line.text, "no record", repr(record)))
            continue
        checked += 1
        if line.expect == "error" and not (host_bits and line.truncated is not None):
            if record is None or "error" not in record or "range" in record:
                mismatches.append((name + ":%d" % number, line.text, "an error",
                                   repr(record)))
            continue
        want = line.truncated if line.expect == "error" else line.canonical
        got = None if record is None else record.get("range")
        if got != want or (record is not None and "error" in record):
            mismatches.append((name + ":%d" % number, line.text, want, repr(record)))
    for number, record in sorted(by_line.items()):
        mismatches.append((name + ":%d" % number, "(no such line)", "no record", repr(record)))
    want_errors = sum(1 for l in lines if l.expect == "error"
                      and not (host_bits and l.truncated is not None))
    want_records = sum(1 for l in lines if l.expect != "none") - want_errors
    if doc.get("record_count") != want_records or doc.get("error_count") != want_errors:
        mismatches.append((name, "(counts)", "record_count %d, error_count %d"
                           % (want_records, want_errors),
                           "record_count %s, error_count %s"
                           % (doc.get("record_count"), doc.get("error_count"))))
    return checked


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ipplan", help="path to the ipplan binary")
    parser.add_argument("--seed", type=int, default=20251125)
    parser.add_argument("--lines", type=int, default=24000)
    args = parser.parse_args()

    problems = []
    lines = generate(args.seed, args.lines, problems)
    if problems:
        print("oracle: the generator disagrees with Python (fix the oracle):")
        for p in problems[:20]:
            print("  " + p)
        return 1

    mismatches = []
    checked = check_run("mixed", args.ipplan, lines, 2, mismatches)
    valid_only = [l for l in lines if l.expect != "error"]
    checked += check_run("valid-only", args.ipplan, valid_only, 0, mismatches)
    host_bit_lines = [l for l in lines if l.expect == "ok" or l.truncated is not None]
    checked += check_run("allow-host-bits", args.ipplan, host_bit_lines, 0, mismatches,
                         extra=("--allow-host-bits", "--quiet"), host_bits=True)

    valid = sum(1 for l in lines if l.expect == "ok")
    invalid = sum(1 for l in lines if l.expect == "error")
    if mismatches:
        print("oracle: %d mismatches (seed %d); the first 20:" % (len(mismatches), args.seed))
        for where, text, want, got in mismatches[:20]:
            print("  %s\n    input:    %r\n    expected: %s\n    got:      %s"
                  % (where, text, want, got))
        return 1
    print("oracle: %d lines checked, 0 mismatches (%d valid, %d invalid, seed %d; "
          "%d records compared over 3 runs)" % (len(lines), valid, invalid, args.seed, checked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
