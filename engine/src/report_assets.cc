// report_assets.cc — the report page's style sheet and script. The script reads the page's JSON
// data block, shows hover details built with textContent (never innerHTML: the data holds text
// from inputs) and zooms the SVG's viewBox into aligned quarters of the current view, each one an
// aligned sub-block (two prefix bits longer) thanks to the Hilbert curve.
#include "report_assets.h"

namespace ipplan::report_assets {

const std::string_view kStyle = R"css(
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em; color: #1d1d1f; max-width: 1200px; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
h2 { font-size: 1.2em; margin: 1.4em 0 .4em; border-bottom: 1px solid #ddd; }
.meta, .note { color: #555; }
.proof { color: #1b5e20; font-weight: 600; }
.bad { color: #b71c1c; font-weight: 600; }
figure.map { margin: 0 1.5em 1.5em 0; display: inline-block; vertical-align: top; width: 514px; }
figure.map figcaption { margin-bottom: .4em; }
svg.hilbert { border: 1px solid #999; background: #f6f6f6; cursor: zoom-in; display: block; }
svg.hilbert rect.cell { shape-rendering: crispEdges; }
svg.hilbert rect.cell:hover { stroke: #000; stroke-width: 1.5px; vector-effect: non-scaling-stroke; }
svg.hilbert .proposed-mark { fill: none; stroke: #00b0ff; stroke-width: 2.5px; vector-effect: non-scaling-stroke; pointer-events: none; }
svg.hilbert .reserved-mark { pointer-events: none; }
.zoombar { margin: .3em 0; }
.zoombar button { font: inherit; margin-right: .4em; }
.view { font-family: ui-monospace, monospace; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3em 1.2em; }
ul.legend li { display: flex; align-items: center; gap: .35em; }
.swatch { width: 14px; height: 14px; display: inline-block; border: 1px solid #777; }
.swatch.free { background: #f6f6f6; }
.swatch.conflict { background: #e53935; }
.swatch.reserved { background: repeating-linear-gradient(45deg, #fff 0 2px, #000 2px 4px); }
.swatch.proposed { background: #fff; border: 3px solid #00b0ff; width: 10px; height: 10px; }
table { border-collapse: collapse; margin: .4em 0 1em; }
th, td { border: 1px solid #ccc; padding: .2em .55em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, td.addr { font-family: ui-monospace, monospace; }
#tip { position: fixed; z-index: 10; background: #fffffe; border: 1px solid #444; padding: .4em .6em;
       box-shadow: 0 2px 8px rgba(0,0,0,.25); max-width: 34em; font-size: 12.5px; pointer-events: none; }
#tip .rec { font-family: ui-monospace, monospace; white-space: pre-wrap; }
)css";

const std::string_view kScript = R"js(
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const tip = document.getElementById("tip");

  // Position of cell (x, y) on the Hilbert curve of `order` (the engine's hilbert_index).
  function hilbertIndex(order, x, y) {
    const n = 1 << order;
    let index = 0;
    for (let s = n >> 1; s > 0; s >>= 1) {
      const right = (x & s) ? 1 : 0;
      const up = (y & s) ? 1 : 0;
      index += s * s * ((3 * right) ^ up);
      if (up === 0) {
        if (right === 1) { x = n - 1 - x; y = n - 1 - y; }
        const t = x; x = y; y = t;
      }
    }
    return index;
  }

  function formatAddress(family, value) {
    if (family === 4) {
      return [24, 16, 8, 0].map(function (s) { return ((value >> BigInt(s)) & 255n).toString(); }).join(".");
    }
    const groups = [];
    for (let i = 7; i >= 0; --i) groups.push(Number((value >> BigInt(16 * i)) & 0xffffn));
    let bestStart = -1, bestLength = 1;
    for (let i = 0; i < 8;) {
      if (groups[i] !== 0) { ++i; continue; }
      let j = i;
      while (j < 8 && groups[j] === 0) ++j;
      if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
      i = j;
    }
    const hex = groups.map(function (g) { return g.toString(16); });
    if (bestStart < 0) return hex.join(":");
    return hex.slice(0, bestStart).join(":") + "::" + hex.slice(bestStart + bestLength).join(":");
  }

  function line(parent, tag, text, cls) {
    const element = document.createElement(tag);
    element.textContent = text;
    if (cls) element.className = cls;
    parent.appendChild(element);
    return element;
  }

  function showTip(cell, event) {
    tip.replaceChildren();
    line(tip, "strong", cell.b);
    line(tip, "div", cell.n + " record" + (cell.n === 1 ? "" : "s") + (cell.c ? " (" + cell.c + " container" + (cell.c === 1 ? "" : "s") + ")" : "") + ", " + cell.u + " of the block used");
    if (cell.d) line(tip, "div", "coloured by domain: " + cell.d);
    if (cell.f.length) line(tip, "div", cell.f.join(", "), "flags");
    cell.r.forEach(function (r) {
      line(tip, "div", r[0] + "  " + r[1] + "  " + r[2] + (r[3] ? "  \u201c" + r[3] + "\u201d" : "") + "  (" + r[4] + ")", "rec");
    });
    if (cell.n > cell.r.length) line(tip, "div", "\u2026 and " + (cell.n - cell.r.length) + " more");
    tip.hidden = false;
    const x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    const y = Math.min(event.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = Math.max(0, x) + "px";
    tip.style.top = Math.max(0, y) + "px";
  }

  document.querySelectorAll("figure.map").forEach(function (figure, m) {
    const map = data.maps[m];
    const svg = figure.querySelector("svg");
    const side = 1 << map.order;
    const label = figure.querySelector(".view");
    let view = { x: 0, y: 0, side: side };

    function blockOf(v) {
      const levels = Math.round(Math.log2(v.side));
      const run = v.side * v.side;
      const start = Math.floor(hilbertIndex(map.order, v.x, v.y) / run) * run;
      const first = BigInt("0x" + map.first) + (BigInt(start) << BigInt(map.hostBits));
      return formatAddress(map.family, first) + "/" + (map.cellLength - 2 * levels);
    }
    function show() {
      svg.setAttribute("viewBox", [view.x, view.y, view.side, view.side].join(" "));
      const block = blockOf(view);
      figure.dataset.view = block;
      label.textContent = (view.side === side ? "whole map " : "zoomed to ") + block +
          (view.side < side && view.side <= 4 ? " \u2014 finer cells: ipplan report --zoom " + block + " \u2026" : "");
    }
    function cellAt(event) {
      const point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      const p = point.matrixTransform(svg.getScreenCTM().inverse());
      return { x: Math.min(side - 1, Math.max(0, Math.floor(p.x))), y: Math.min(side - 1, Math.max(0, Math.floor(p.y))) };
    }
    function zoomTo(x, y, size) {
      view = { x: Math.floor(x / size) * size, y: Math.floor(y / size) * size, side: size };
      show();
    }
    svg.addEventListener("click", function (event) {
      if (view.side === 1) return;
      const p = cellAt(event);
      zoomTo(p.x, p.y, view.side / 2);
    });
    figure.querySelector(".zoom-out").addEventListener("click", function () {
      if (view.side < side) zoomTo(view.x, view.y, view.side * 2);
    });
    figure.querySelector(".zoom-reset").addEventListener("click", function () { zoomTo(0, 0, side); });
    svg.addEventListener("mousemove", function (event) {
      const rect = event.target.closest ? event.target.closest("rect.cell") : null;
      if (!rect) { tip.hidden = true; return; }
      showTip(map.cells[Number(rect.dataset.n)], event);
    });
    svg.addEventListener("mouseleave", function () { tip.hidden = true; });
    show();
    figure.querySelector(".map-status").textContent = map.cells.length + " cells with records \u2014 hover a cell for its records, click to zoom into a quarter";
    figure.dataset.ready = String(map.cells.length);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") document.querySelectorAll("figure.map .zoom-reset").forEach(function (b) { b.click(); });
  });
  document.body.dataset.ready = "1";
})();
)js";

}  // namespace ipplan::report_assets
