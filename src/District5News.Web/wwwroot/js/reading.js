// Reading comfort, chosen per browser: text size (A− / A / A+) and high contrast. Pages are cached and shared, so the
// choice lives in localStorage and is applied here, in <head>, as classes on <html> before the page is painted (no
// server cookie, no jump). Loaded without defer on purpose; the buttons are wired once the document is parsed.
(function () {
  var root = document.documentElement;
  var sizeKey = "tt-q5-co-chu";
  var contrastKey = "tt-q5-tuong-phan";
  var minSize = -1;
  var maxSize = 3;

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function write(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: the choice lasts this page only */ }
  }

  function currentSize() {
    var size = parseInt(read(sizeKey) || "0", 10);
    return isNaN(size) ? 0 : Math.min(maxSize, Math.max(minSize, size));
  }

  function applySize(size) {
    for (var s = minSize; s <= maxSize; s++) {
      root.classList.remove("text-size-" + (s < 0 ? "m" + -s : s));
    }
    if (size !== 0) {
      root.classList.add("text-size-" + (size < 0 ? "m" + -size : size));
    }
  }

  root.classList.add("js");
  applySize(currentSize());
  root.classList.toggle("high-contrast", read(contrastKey) === "1");

  function wire() {
    var sizeButtons = document.querySelectorAll("[data-text-size]");
    var contrastButton = document.querySelector("[data-high-contrast]");

    function showState() {
      var size = currentSize();
      sizeButtons.forEach(function (button) {
        var step = parseInt(button.getAttribute("data-text-size"), 10);
        if (step === 0) {
          button.setAttribute("aria-pressed", size === 0 ? "true" : "false");
        } else {
          button.disabled = (step < 0 && size <= minSize) || (step > 0 && size >= maxSize);
        }
      });
      if (contrastButton) {
        contrastButton.setAttribute("aria-pressed", root.classList.contains("high-contrast") ? "true" : "false");
      }
    }

    sizeButtons.forEach(function (button) {
      button.addEventListener("click", function () {
        var step = parseInt(button.getAttribute("data-text-size"), 10);
        var size = step === 0 ? 0 : Math.min(maxSize, Math.max(minSize, currentSize() + step));
        write(sizeKey, String(size));
        applySize(size);
        showState();
      });
    });

    if (contrastButton) {
      contrastButton.addEventListener("click", function () {
        var on = !root.classList.contains("high-contrast");
        root.classList.toggle("high-contrast", on);
        write(contrastKey, on ? "1" : "0");
        showState();
      });
    }

    showState();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
