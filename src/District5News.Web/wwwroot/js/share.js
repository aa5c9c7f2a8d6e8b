// "Sao chép liên kết": copies the bulletin's address instead of following it. Without script (or without clipboard
// access) it stays a plain link to the bulletin, which the browser can copy from its own menu.
document.querySelectorAll("[data-copy-link]").forEach(function (link) {
  var status = link.closest("nav") && link.closest("nav").querySelector("[data-copy-status]");
  link.addEventListener("click", function (event) {
    if (!navigator.clipboard || !window.isSecureContext) {
      return;
    }
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () {
      if (status) { status.textContent = "Đã sao chép liên kết bản tin."; }
    }, function () {
      if (status) { status.textContent = "Không sao chép được. Hãy giữ lâu vào liên kết để sao chép."; }
    });
  });
});
