// The attachments picker: the chosen files' names beside the Vietnamese "Chọn tệp…" button (the native text cannot be
// translated). What is accepted is decided on the server, by each file's content.
(function () {
  'use strict';

  document.querySelectorAll('[data-file-names-for]').forEach(function (label) {
    var input = document.getElementById(label.getAttribute('data-file-names-for'));
    if (!input) { return; }
    var empty = label.textContent;
    input.addEventListener('change', function () {
      var names = Array.prototype.map.call(input.files || [], function (file) { return file.name; });
      label.textContent = names.length ? names.join(', ') : empty;
    });
  });
})();
