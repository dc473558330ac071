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
