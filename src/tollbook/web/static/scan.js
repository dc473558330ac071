// The scan page: the browser's own BarcodeDetector reads the label's QR code from the
// camera (no library, no outside service); without it the page offers the typed box.
(function () {
  function message(key) {
    var t = document.getElementById("scan-messages");
    var found = t && t.content.querySelector('[data-key="' + key + '"]');
    return found ? found.textContent : key;
  }
  async function supported() {
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices) return false;
    try {
      var formats = await window.BarcodeDetector.getSupportedFormats();
      return formats.indexOf("qr_code") >= 0;
    } catch (e) {
      return false;
    }
  }
  async function start() {
    var video = document.getElementById("scan-video");
    var status = document.getElementById("scan-status");
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    var stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (e) {
      status.textContent = message("denied");
      document.getElementById("scan-unsupported").hidden = false;
      return;
    }
    video.srcObject = stream;
    await video.play();
    document.getElementById("scan-start").hidden = true;
    status.textContent = message("looking");
    var timer = setInterval(async function () {
      var codes;
      try {
        codes = await detector.detect(video);
      } catch (e) {
        return;
      }
      if (!codes.length) return;
      clearInterval(timer);
      status.textContent = message("found");
      stream.getTracks().forEach(function (track) { track.stop(); });
      location.href = "/find?ref=" + encodeURIComponent(codes[0].rawValue.trim());
    }, 250);
  }
  document.addEventListener("DOMContentLoaded", async function () {
    if (!(await supported())) return;
    document.getElementById("scanner").hidden = false;
    document.getElementById("scan-unsupported").hidden = true;
    document.getElementById("scan-start").addEventListener("click", start);
    start();
  });
})();
