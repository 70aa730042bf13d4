(function () {
  "use strict";
  var d = document;
  var form = d.getElementById("filters");
  if (!form) return;
  form.hidden = false;
  var status = d.getElementById("shown");
  var only = d.getElementById("only");
  var rank = { error: 3, warning: 2, info: 1 };
  function apply() {
    var off = {};
    form.querySelectorAll("input[data-key]").forEach(function (i) {
      if (!i.checked) off[i.getAttribute("data-key")] = true;
    });
    var shown = 0, total = 0;
    d.querySelectorAll(".finding").forEach(function (f) {
      var hide = off[f.getAttribute("data-sev")] || off[f.getAttribute("data-rule")];
      f.hidden = !!hide;
      total++;
      if (!hide) shown++;
    });
    d.querySelectorAll("mark[data-f]").forEach(function (m) {
      var worst = "";
      m.getAttribute("data-f").split(" ").forEach(function (id) {
        var f = d.getElementById(id);
        var s = f && !f.hidden ? f.getAttribute("data-sev") : "";
        if (s && (!worst || rank[s] > rank[worst])) worst = s;
      });
      m.classList.remove("sev-error", "sev-warning", "sev-info");
      if (worst) m.classList.add("sev-" + worst);
    });
    d.querySelectorAll("[data-fs]").forEach(function (el) {
      var any = el.getAttribute("data-fs").split(" ").some(function (p) {
        var k = p.split(":");
        return p && !off[k[0]] && !off[k[1]];
      });
      el.hidden = only.checked && !any;
    });
    status.textContent = shown + " of " + total + " findings shown on this page" +
      (only.checked ? "; only articles with a shown finding are listed" : "");
  }
  form.addEventListener("change", apply);
  apply();
  // Escape hides the details of the figure in focus; moving on shows them again.
  d.addEventListener("keydown", function (e) {
    var a = d.activeElement;
    if (e.key === "Escape" && a && a.closest) {
      var m = a.closest("mark.fig");
      if (m) m.classList.add("tip-off");
    }
  });
  function reset(e) {
    var m = e.target.closest && e.target.closest("mark.fig");
    if (m) m.classList.remove("tip-off");
  }
  d.addEventListener("focusin", reset);
  d.addEventListener("mouseover", reset);
  // Print every note, then close again what the reader had closed.
  window.addEventListener("beforeprint", function () {
    d.querySelectorAll("details:not([open])").forEach(function (x) {
      x.open = true;
      x.setAttribute("data-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    d.querySelectorAll("details[data-print]").forEach(function (x) {
      x.open = false;
      x.removeAttribute("data-print");
    });
  });
})();
