// "In bài": print just the bulletin (css/print.css hides the rest of the page).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
