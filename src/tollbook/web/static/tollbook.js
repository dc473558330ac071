// Tollbook: the pages work without this script; it only scrolls a report's text box so
// that the claim being reviewed is in view (the page itself stays where it is).
document.addEventListener("DOMContentLoaded", function () {
  var mark = document.querySelector(".report-text mark.claim.current");
  if (!mark && location.hash.indexOf("#evidence-") === 0) {
    mark = document.getElementById(location.hash.slice(1));
  }
  var box = mark && mark.closest(".report-text");
  if (box) {
    box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
  }
});

// The claims list: "select all" ticks every claim on the page (without the script,
// each claim is ticked by hand).
document.addEventListener("DOMContentLoaded", function () {
  var all = document.getElementById("select-all");
  if (!all) return;
  all.addEventListener("change", function () {
    document.querySelectorAll('#bulk-review input[name="claim_id"]').forEach(function (box) {
      box.checked = all.checked;
    });
  });
});

// A form the server refused comes back on its page (web/form_return.py): put the values
// typed back into it and the message beside the field it is about.
document.addEventListener("DOMContentLoaded", function () {
  var data = document.getElementById("form-problem-data");
  if (!data) return;
  var problem = JSON.parse(data.textContent);
  var forms = Array.prototype.filter.call(document.forms, function (f) {
    return new URL(f.action, location.href).pathname === problem.action;
  });
  var values = problem.values || {};
  var form = forms.filter(function (f) {
    return Array.prototype.every.call(f.querySelectorAll("input[type=hidden]"), function (h) {
      return !(h.name in values) || values[h.name] === h.value;
    });
  })[0] || forms[0];
  if (!form) return;
  Array.prototype.forEach.call(form.elements, function (el) {
    if (!el.name || !(el.name in values) || el.type === "hidden" || el.type === "file") return;
    var v = values[el.name];
    var list = Array.isArray(v) ? v : [v];
    if (el.type === "checkbox" || el.type === "radio") el.checked = list.indexOf(el.value) >= 0;
    else el.value = list[0];
  });
  for (var up = form.parentElement; up; up = up.parentElement) {
    if (up.tagName === "DETAILS") up.open = true;
  }
  var field = problem.field && form.elements[problem.field];
  if (field && field.length && !field.tagName) field = field[0];
  var note = document.createElement("span");
  note.className = "error field-error";
  note.setAttribute("role", "alert");
  note.textContent = field ? problem.beside : problem.message;
  if (field) {
    field.setAttribute("aria-invalid", "true");
    var label = field.closest("label");
    if (label) label.classList.add("invalid");
    field.insertAdjacentElement("afterend", note);
    field.focus();
  } else {
    form.insertBefore(note, form.firstChild);
  }
  form.scrollIntoView({ block: "center" });
});

// Pickers beside a description field: the chosen parts, joined by ":", are added to the
// field's items (joined by "; "), in the registry's vocabulary.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".picker").forEach(function (picker) {
    picker.hidden = false;
    picker.querySelector(".add-item").addEventListener("click", function () {
      var parts = Array.prototype.map.call(picker.querySelectorAll("select[data-part]"), function (s) {
        return s.value;
      }).filter(function (v) { return v; });
      if (!parts.length) return;
      var field = picker.closest("form").elements[picker.dataset.target];
      var items = field.value.split(";").map(function (t) { return t.trim(); }).filter(Boolean);
      items.push(parts.join(":"));
      field.value = items.join("; ");
      picker.querySelectorAll("select[data-part]").forEach(function (s) { s.value = ""; });
    });
  });
});

// The trench plan: zoom buttons scale the drawing inside its box (which scrolls);
// "whole trench" fits it to the box's width. Two fingers zoom the page as usual.
document.addEventListener("DOMContentLoaded", function () {
  var box = document.querySelector(".plan-box");
  var svg = box && box.querySelector("svg");
  if (!svg) return;
  var base = svg.viewBox.baseVal;
  var zoom = 1;
  function show() {
    svg.setAttribute("width", Math.round(base.width * zoom));
    svg.setAttribute("height", Math.round(base.height * zoom));
  }
  var controls = document.querySelector(".zoom");
  controls.hidden = false;
  controls.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var how = button.dataset.zoom;
    zoom = how === "fit" ? box.clientWidth / base.width : Math.min(4, Math.max(0.1, zoom * Number(how)));
    show();
  });
});
