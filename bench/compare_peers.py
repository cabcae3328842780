#!/usr/bin/env python3
"""The Python peers bench/compare.py times against ipplan: each is what a user would write with
Python's `ipaddress` or `netaddr` for the same job, run as its own process on the same file.

  compare_peers.py ipaddress-aggregate FILE       collapse_addresses per family
  compare_peers.py netaddr-aggregate FILE         netaddr.cidr_merge
  compare_peers.py ipaddress-verify FILE          conflicting pairs by sort + sweep (SPEC 4's rule
                                                  for one list input: duplicates and crossing
                                                  ranges conflict, strict containment does not)
  compare_peers.py ipaddress-free POOL FILE       pool minus collapse_addresses(used), as CIDRs
  compare_peers.py netaddr-free POOL FILE         IPSet([pool]) - IPSet(used), iter_cidrs()
  compare_peers.py ipaddress-suggest POOL FILE    first 1,000 aligned free /28 (sort + sweep)
  compare_peers.py netaddr-suggest POOL FILE      first 1,000 /28 of (IPSet difference).iter_cidrs()

FILE holds one prefix (or `first-last` range, verify only) a line. Each prints one line,
`COUNT DIGEST`: the number of blocks (conflicting pairs for verify, digest `-`) and the SHA-256
of the blocks as `VERSION NETWORK-INT LENGTH` lines in output order, so compare.py can check the
answer equals ipplan's without depending on how each library prints addresses.
"""

import hashlib
import heapq
import sys

SUGGEST_LENGTH = 28
SUGGEST_COUNT = 1000


def report(blocks):
    """blocks: (version, network int, prefix length) in output order."""
    digest = hashlib.sha256()
    count = 0
    for version, network, length in blocks:
        digest.update(f"{version} {network} {length}\n".encode())
        count += 1
    print(count, digest.hexdigest())


def read_lines(path):
    with open(path, encoding="ascii") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


# ---- ipaddress -------------------------------------------------------------------------------

def ipaddress_blocks(networks):
    return ((n.version, int(n.network_address), n.prefixlen) for n in networks)


def ipaddress_aggregate(path):
    import ipaddress
    v4, v6 = [], []
    for line in read_lines(path):
        network = ipaddress.ip_network(line)
        (v4 if network.version == 4 else v6).append(network)
    merged = list(ipaddress.collapse_addresses(v4)) + list(ipaddress.collapse_addresses(v6))
    report(ipaddress_blocks(merged))


def ipaddress_verify(path):
    import ipaddress
    keys = []
    for line in read_lines(path):
        if "-" in line:
            first_text, last_text = line.split("-", 1)
            first, last = ipaddress.ip_address(first_text), ipaddress.ip_address(last_text)
            keys.append((first.version, int(first), -int(last)))
        else:
            network = ipaddress.ip_network(line)
            keys.append((network.version, int(network.network_address),
                         -int(network.broadcast_address)))
    keys.sort()  # by family, first ascending, last descending: containers before contents
    conflicts = 0
    open_ranges = []  # min-heap of (last, first, family) still open at the sweep point
    for version, first, negative_last in keys:
        last = -negative_last
        while open_ranges and (open_ranges[0][2] != version or open_ranges[0][0] < first):
            heapq.heappop(open_ranges)
        for open_last, open_first, _ in open_ranges:
            # An open range started at or before `first`: it crosses this one when it ends
            # before `last`, duplicates it when equal; otherwise it strictly contains it.
            if open_last < last or (open_last == last and open_first == first):
                conflicts += 1
        heapq.heappush(open_ranges, (last, first, version))
    print(conflicts, "-")


def sorted_used_spans(path):
    """(first, last) ints of every used IPv4 prefix, sorted."""
    import ipaddress
    spans = []
    for line in read_lines(path):
        network = ipaddress.IPv4Network(line)
        spans.append((int(network.network_address), int(network.broadcast_address)))
    spans.sort()
    return spans


def gaps(pool_first, pool_last, spans):
    """Free (first, last) spans of the pool between sorted used spans, ascending."""
    cursor = pool_first
    for first, last in spans:
        if last < cursor:
            continue
        if first > pool_last:
            break
        if first > cursor:
            yield cursor, first - 1
        cursor = last + 1
        if cursor > pool_last:
            return
    if cursor <= pool_last:
        yield cursor, pool_last


def ipaddress_free(pool_text, path):
    import ipaddress
    pool = ipaddress.IPv4Network(pool_text)
    used = [ipaddress.IPv4Network(line) for line in read_lines(path)]
    merged = [(int(n.network_address), int(n.broadcast_address))
              for n in ipaddress.collapse_addresses(used)]
    free = []
    for first, last in gaps(int(pool.network_address), int(pool.broadcast_address), merged):
        free.extend(ipaddress.summarize_address_range(ipaddress.IPv4Address(first),
                                                      ipaddress.IPv4Address(last)))
    report(ipaddress_blocks(free))


def ipaddress_suggest(pool_text, path):
    import ipaddress
    pool = ipaddress.IPv4Network(pool_text)
    size = 1 << (32 - SUGGEST_LENGTH)
    found = []
    for first, last in gaps(int(pool.network_address), int(pool.broadcast_address),
                            sorted_used_spans(path)):
        start = (first + size - 1) // size * size
        while start + size - 1 <= last and len(found) < SUGGEST_COUNT:
            found.append((4, start, SUGGEST_LENGTH))
            start += size
        if len(found) == SUGGEST_COUNT:
            break
    report(found)


# ---- netaddr ---------------------------------------------------------------------------------

def netaddr_blocks(networks):
    return ((n.version, n.first, n.prefixlen) for n in networks)


def netaddr_aggregate(path):
    import netaddr
    merged = netaddr.cidr_merge([netaddr.IPNetwork(line) for line in read_lines(path)])
    report(netaddr_blocks(merged))


def netaddr_free_set(pool_text, path):
    import netaddr
    used = netaddr.IPSet(netaddr.IPNetwork(line) for line in read_lines(path))
    return netaddr.IPSet([netaddr.IPNetwork(pool_text)]) - used


def netaddr_free(pool_text, path):
    report(netaddr_blocks(netaddr_free_set(pool_text, path).iter_cidrs()))


def netaddr_suggest(pool_text, path):
    found = []
    for cidr in netaddr_free_set(pool_text, path).iter_cidrs():
        if cidr.prefixlen > SUGGEST_LENGTH:
            continue
        for block in cidr.subnet(SUGGEST_LENGTH):
            found.append(block)
            if len(found) == SUGGEST_COUNT:
                break
        if len(found) == SUGGEST_COUNT:
            break
    report(netaddr_blocks(found))


PEERS = {
    "ipaddress-aggregate": ipaddress_aggregate,
    "netaddr-aggregate": netaddr_aggregate,
    "ipaddress-verify": ipaddress_verify,
    "ipaddress-free": ipaddress_free,
    "netaddr-free": netaddr_free,
    "ipaddress-suggest": ipaddress_suggest,
    "netaddr-suggest": netaddr_suggest,
}


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in PEERS:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(PEERS)} [POOL] FILE")
    PEERS[sys.argv[1]](*sys.argv[2:])


if __name__ == "__main__":
    main()
