// Site-wide notices: "Đóng" hides a notice for the rest of this visit (sessionStorage, so this tab until it is closed).
// The key holds the notice's version, so a notice edited after it was closed shows again. Without script (or storage)
// the notices simply stay, and the button stays hidden since it could do nothing.
(function () {
  "use strict";
  var storageKey = "tt-q5-thong-bao-da-dong";
  var closed = [];
  try {
    closed = JSON.parse(window.sessionStorage.getItem(storageKey) || "[]");
    if (!Array.isArray(closed)) { closed = []; }
  } catch (e) {
    closed = [];
  }

  function remember(key) {
    closed.push(key);
    try { window.sessionStorage.setItem(storageKey, JSON.stringify(closed)); } catch (e) { /* private mode: closed for this page only */ }
  }

  document.querySelectorAll("[data-site-notices]").forEach(function (section) {
    var notices = Array.prototype.slice.call(section.querySelectorAll("[data-notice]"));
    function hideSectionWhenEmpty() {
      section.hidden = notices.every(function (n) { return n.hidden; });
    }

    notices.forEach(function (notice) {
      var key = notice.getAttribute("data-notice");
      if (closed.indexOf(key) >= 0) {
        notice.hidden = true;
        return;
      }

      var button = notice.querySelector("[data-notice-close]");
      if (!button) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        notice.hidden = true;
        remember(key);
        hideSectionWhenEmpty();
        // Focus goes to the next notice still shown, else to the page's content, never lost on the hidden button.
        var next = notices.filter(function (n) { return !n.hidden; })[0];
        var target = next ? next.querySelector("[data-notice-close]") : document.getElementById("noi-dung");
        if (target) { target.focus(); }
      });
    });
    hideSectionWhenEmpty();
  });
})();
