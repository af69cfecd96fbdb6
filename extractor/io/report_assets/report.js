/* Popovers for highlighted facts, and outlining the facts of the selected finding. No framework, no network. */
(function () {
  "use strict";
  var pop = document.getElementById("fact-pop");
  var hideTimer = null;
  var current = null;
  // The popover replaces the native tooltip; keep the text in data-title for scripts that want it.
  Array.prototype.forEach.call(document.querySelectorAll("mark.fact[title]"), function (m) {
    m.setAttribute("data-title", m.getAttribute("title"));
    m.removeAttribute("title");
  });
  function factOf(node) { return node && node.closest ? node.closest("mark.fact[aria-describedby]") : null; }
  function place(el) {
    var r = el.getBoundingClientRect();
    var w = pop.offsetWidth, h = pop.offsetHeight;
    var left = Math.min(Math.max(8, r.left), document.documentElement.clientWidth - w - 8);
    var top = r.bottom + 6;
    if (top + h > window.innerHeight && r.top - h - 6 > 0) { top = r.top - h - 6; }
    pop.style.left = (left + window.scrollX) + "px";
    pop.style.top = (top + window.scrollY) + "px";
  }
  function show(el) {
    var d = document.getElementById(el.getAttribute("aria-describedby"));
    if (!d) { return; }
    clearTimeout(hideTimer);
    if (current !== el) {
      pop.innerHTML = d.innerHTML;
      pop.style.setProperty("--k", getComputedStyle(el).getPropertyValue("--k"));
      current = el;
    }
    pop.hidden = false;
    place(el);
  }
  function hide() { clearTimeout(hideTimer); pop.hidden = true; current = null; }
  function hideSoon() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 250); }
  function activate(finding) {
    Array.prototype.forEach.call(document.querySelectorAll(".linked, .finding.active"), function (x) {
      x.classList.remove("linked", "active");
    });
    finding.classList.add("active");
    (finding.getAttribute("data-facts") || "").split(" ").forEach(function (id) {
      var el = id && document.getElementById(id);
      if (el) { el.classList.add("linked"); }
    });
  }
  document.addEventListener("mouseover", function (e) {
    var m = factOf(e.target);
    if (m) { show(m); } else if (e.target.closest && e.target.closest("#fact-pop")) { clearTimeout(hideTimer); }
  });
  document.addEventListener("mouseout", function (e) {
    if (factOf(e.target) || (e.target.closest && e.target.closest("#fact-pop"))) { hideSoon(); }
  });
  document.addEventListener("focusin", function (e) {
    var m = factOf(e.target);
    if (m) { show(m); } else { hide(); }
    var f = e.target.closest && e.target.closest(".finding");
    if (f) { activate(f); }
  });
  document.addEventListener("focusout", function (e) { if (factOf(e.target)) { hideSoon(); } });
  document.addEventListener("click", function (e) {
    var f = e.target.closest && e.target.closest(".finding");
    if (f) { activate(f); }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  window.addEventListener("resize", function () { if (current) { place(current); } });
  // Print everything: open collapsed sections, restore them afterwards.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    hide();
    opened = Array.prototype.filter.call(document.querySelectorAll("details.facts, details.unchecked, details.data"),
      function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { opened.forEach(function (d) { d.open = false; }); opened = []; });
}());
/* The summary table: sort by a column heading, filter by status, inconsistent check, year, agency and name. Filtered-out
   documents are hidden in the table and below it. */
(function () {
  "use strict";
  var table = document.getElementById("summary-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var form = document.querySelector("form.filters");
  function cellValue(row, col, type) {
    var cell = row.cells[col];
    if (!cell) { return type === "num" ? -Infinity : ""; }
    var raw = cell.getAttribute("data-v");
    if (raw === null) { raw = cell.textContent.trim(); }
    if (type === "num") { var n = parseFloat(raw.replace(/,/g, "")); return isNaN(n) ? -Infinity : n; }
    return raw.toLowerCase();
  }
  Array.prototype.forEach.call(table.tHead.querySelectorAll("button[data-sort]"), function (button, col) {
    button.addEventListener("click", function () {
      var th = button.parentNode;
      var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", dir);
      var type = button.getAttribute("data-sort");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = cellValue(a, col, type), y = cellValue(b, col, type);
        var c = x < y ? -1 : x > y ? 1 : 0;
        return dir === "ascending" ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  function apply() {
    var want = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-filter]"), function (el) {
      want[el.getAttribute("data-filter")] = el.value.trim().toLowerCase();
    });
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = (!want.status || row.getAttribute("data-status") === want.status) &&
        (!want.check || (" " + row.getAttribute("data-check") + " ").indexOf(" " + want.check + " ") >= 0) &&
        (!want.year || row.getAttribute("data-year") === want.year) &&
        (!want.agency || row.getAttribute("data-agency") === want.agency) &&
        (!want.text || row.cells[0].textContent.toLowerCase().indexOf(want.text) >= 0);
      row.hidden = !ok;
      if (ok) { shown += 1; }
      var doc = row.getAttribute("data-doc");
      var section = doc && document.getElementById(doc);
      if (section) { section.hidden = !ok; }
    });
    var out = form.querySelector("output.shown");
    if (out) { out.textContent = shown + " of " + body.rows.length + " shown"; }
  }
  if (form) {
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
  }
}());
