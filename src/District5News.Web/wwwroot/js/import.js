// "Nhập tin cũ": refuse a selection over the upload limit before sending it (the server refuses it too, but only
// after the browser has sent it all), and keep a slow upload from being sent twice.
document.querySelectorAll("[data-import-form]").forEach(function (form) {
  var input = form.querySelector("input[type=file]");
  var warning = form.querySelector("[data-size-warning]");
  var button = form.querySelector("button[type=submit]");
  var maxBytes = Number(form.getAttribute("data-max-bytes"));

  function tooLarge() {
    var total = 0;
    Array.prototype.forEach.call(input.files || [], function (file) { total += file.size; });
    return total > maxBytes;
  }

  input.addEventListener("change", function () { warning.hidden = !tooLarge(); });
  form.addEventListener("submit", function (event) {
    if (tooLarge()) {
      warning.hidden = false;
      event.preventDefault();
      return;
    }

    button.disabled = true;
    button.textContent = "Đang nhập…";
  });
});
