// Tollbook linkage: a run takes from seconds to minutes, so its button is disabled once
// pressed and says so (the form works the same without this script).
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("run-form");
  if (!form) {
    return;
  }
  form.addEventListener("submit", function () {
    var button = document.getElementById("run-linkage");
    if (!button) {
      return;
    }
    // disabled after this tick, so the browser still sends the form
    setTimeout(function () {
      button.disabled = true;
      button.textContent = button.getAttribute("data-busy") || "Linking…";
      form.classList.add("busy");
    }, 0);
  });
});
