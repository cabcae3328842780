#!/usr/bin/env python3
"""Renders the fixture report in headless Chromium: a screenshot kept as a CI artefact, and the
DOM after the page's script ran, checked for the maps, cells, legend and tables.

Usage: render_report.py IPPLAN FIXTURES_DIR ARTEFACT_DIR

No network: the page is opened from a file:// URL, every host name resolves to nothing, and the
page's own Content-Security-Policy forbids any load. A missing Chromium fails the test: CI
installs it (.ci/deps), so a skip would only hide a broken setup.
"""
import html.parser
import ipaddress
import os
import shutil
import struct
import subprocess
import sys
import tempfile

INPUTS = ["onprem-generic.csv", "netbox-prefixes.csv", "infoblox-networks.csv",
          "phpipam-subnets.csv", "onprem-datacenter.txt", "azure-vnets.json"]
WIDTH, HEIGHT = 1200, 1400


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


class Dom(html.parser.HTMLParser):
    """Collects what the checks need from the dumped DOM."""

    def __init__(self):
        super().__init__()
        self.body = {}
        self.figures = []       # attribute dicts
        self.cells = 0
        self.conflict_cells = 0
        self.legend_domains = 0
        self.tables = []
        self.statuses = []
        self.views = []
        self._capture = None
        self.tip_open = False
        self.tip_text = []
        self._in_tip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "body":
            self.body = a
        elif tag == "figure" and "map" in classes:
            self.figures.append(a)
        elif tag == "rect" and "cell" in classes:
            self.cells += 1
            self.conflict_cells += "conflict" in classes
        elif tag == "li" and "domain" in classes:
            self.legend_domains += 1
        elif tag == "table":
            self.tables.append(a.get("id"))
        elif tag == "p" and "map-status" in classes:
            self._capture = self.statuses
        elif tag == "span" and "view" in classes:
            self._capture = self.views
        if tag == "div" and a.get("id") == "tip":
            self.tip_open = "hidden" not in a
            self._in_tip = 1
        elif self._in_tip and tag == "div":
            self._in_tip += 1

    def handle_endtag(self, tag):
        if self._in_tip and tag == "div":
            self._in_tip -= 1

    def handle_data(self, data):
        if self._in_tip:
            self.tip_text.append(data)
        if self._capture is not None:
            self._capture.append(data)
            self._capture = None


def chromium_command(binary, profile):
    return [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile,
            "--window-size=%d,%d" % (WIDTH, HEIGHT)]


# Appended to a copy of the page: clicks the first cell of each map and hovers one cell, as a
# person would, so that the dumped DOM shows what the page's script made of it.
PROBE = """<script>
document.querySelectorAll("figure.map").forEach(function (figure) {
  const rect = figure.querySelector("rect.cell");
  const box = rect.getBoundingClientRect();
  rect.dispatchEvent(new MouseEvent("click", {bubbles: true,
      clientX: box.left + box.width / 2, clientY: box.top + box.height / 2}));
  figure.setAttribute("data-probe-block", rect.dataset.block);
});
const target = document.querySelector('rect.cell[data-block="10.200.0.0/20"]');
const box = target.getBoundingClientRect();
target.dispatchEvent(new MouseEvent("mousemove", {bubbles: true,
    clientX: box.left + box.width / 2, clientY: box.top + box.height / 2}));
</script>
"""


def dump_dom(binary, url):
    with tempfile.TemporaryDirectory() as profile:
        dump = subprocess.run(chromium_command(binary, profile) + ["--dump-dom", url],
                              capture_output=True, text=True, timeout=180)
    if dump.returncode != 0:
        fail("chromium --dump-dom failed (%d): %s" % (dump.returncode, dump.stderr[-2000:]))
    dom = Dom()
    dom.feed(dump.stdout)
    return dom


def check_interaction(binary, source, artefacts):
    """Clicking zooms each map into the quarter holding the clicked cell; hovering shows the
    cell's block and its records with their sources."""
    probe = os.path.join(artefacts, "report-probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(source.replace("</body>", PROBE + "</body>"))
    dom = dump_dom(binary, "file://" + probe)
    problems = []
    for figure in dom.figures:
        area = ipaddress.ip_network(figure["data-area"])
        expected = ipaddress.ip_network(figure["data-probe-block"]).supernet(
            new_prefix=area.prefixlen + 2)
        if figure.get("data-view") != str(expected):
            problems.append("a click in %s showed %s, not %s"
                            % (area, figure.get("data-view"), expected))
    tip = "".join(dom.tip_text)
    if not dom.tip_open:
        problems.append("hovering a cell left the details hidden")
    for expected in ("10.200.0.0/20", "onprem-generic.csv:12", "infoblox-networks.csv:10",
                     "report/ledger.csv:2", "conflict, reserved"):
        if expected not in tip:
            problems.append("hover details lack %r: %r" % (expected, tip))
    return problems


def main():
    if len(sys.argv) != 4:
        fail(__doc__)
    ipplan, fixtures, artefacts = (os.path.abspath(p) for p in sys.argv[1:])
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        fail("chromium is not installed (Debian package 'chromium'; .ci/deps installs it)")
    os.makedirs(artefacts, exist_ok=True)
    page = os.path.join(os.path.abspath(artefacts), "report.html")
    screenshot = os.path.join(os.path.abspath(artefacts), "report.png")
    for stale in (page, screenshot):
        if os.path.exists(stale):
            os.remove(stale)
    run = subprocess.run([ipplan, "report", "-q", "--pool", "10.0.0.0/8", "--pool", "172.16.0.0/12",
                          "--pool6", "2001:db8::/32", "--ledger", "report/ledger.csv", "-o", page]
                         + INPUTS, cwd=fixtures, capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        fail("ipplan report exited %d: %s" % (run.returncode, run.stderr))
    with open(page, encoding="utf-8") as f:
        source = f.read()
    source_cells = source.count('<rect class="cell')
    url = "file://" + page
    with tempfile.TemporaryDirectory() as profile:
        shot = subprocess.run(chromium_command(binary, profile) + ["--screenshot=" + screenshot, url],
                              capture_output=True, text=True, timeout=180)
        if shot.returncode != 0 or not os.path.exists(screenshot):
            fail("chromium --screenshot failed (%d): %s" % (shot.returncode, shot.stderr[-2000:]))
    with open(screenshot, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    width, height = struct.unpack(">II", head[16:24])
    if (width, height) != (WIDTH, HEIGHT) or os.path.getsize(screenshot) < 10000:
        fail("unexpected screenshot: %dx%d, %d bytes" % (width, height, os.path.getsize(screenshot)))
    dom = dump_dom(binary, url)
    problems = check_interaction(binary, source, artefacts)
    if dom.body.get("data-ready") != "1":
        problems.append("the page's script did not finish (body has no data-ready)")
    areas = [f.get("data-area") for f in dom.figures]
    if areas != ["10.0.0.0/8", "172.16.0.0/12", "2001:db8::/32"]:
        problems.append("maps: %r" % areas)
    views = [f.get("data-view") for f in dom.figures]
    if views != areas:  # the script's own Hilbert and address arithmetic names each whole map
        problems.append("views computed by the script: %r" % views)
    for figure in dom.figures:
        if not figure.get("data-ready", "0").isdigit() or int(figure.get("data-ready", "0")) == 0:
            problems.append("map %s wired no cells" % figure.get("data-area"))
    if len(dom.statuses) != 3 or not all("cells with records" in s for s in dom.statuses):
        problems.append("map status lines: %r" % dom.statuses)
    if not all(v.startswith("whole map ") for v in dom.views):
        problems.append("view labels: %r" % dom.views)
    if dom.cells != source_cells or dom.cells == 0:
        problems.append("cells in the DOM: %d, in the file: %d" % (dom.cells, source_cells))
    if dom.conflict_cells == 0:
        problems.append("no conflict cell drawn")
    if dom.legend_domains != 8:
        problems.append("legend domains: %d (8 expected: 6 inputs' domains + 3 VNets - 1 file)"
                        % dom.legend_domains)
    for table in ("verification", "containers", "reservations", "inputs"):
        if table not in dom.tables:
            problems.append("table %s missing (tables: %r)" % (table, dom.tables))
    if problems:
        fail("; ".join(problems))
    print("ok: %d maps, %d cells, %d conflict cells, %d legend domains; screenshot %s (%dx%d)"
          % (len(dom.figures), dom.cells, dom.conflict_cells, dom.legend_domains, screenshot,
             width, height))


if __name__ == "__main__":
    main()
