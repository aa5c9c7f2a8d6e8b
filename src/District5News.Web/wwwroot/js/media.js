// The media library page: the chosen file's name beside the Vietnamese button, and "Sao chép địa chỉ" beside each
// photo's address (without JavaScript the address field can be selected and copied by hand).
(function () {
  'use strict';

  var input = document.getElementById('Input_File');
  var name = document.querySelector('[data-file-name-for="Input_File"]');
  if (input && name) {
    input.addEventListener('change', function () {
      name.textContent = input.files && input.files[0] ? input.files[0].name : 'Chưa chọn ảnh nào';
    });
  }

  if (!navigator.clipboard) { return; }
  document.querySelectorAll('[data-copy-from-previous]').forEach(function (button) {
    var field = button.previousElementSibling && button.previousElementSibling.querySelector('input');
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(new URL(field.value, window.location.href).href).then(function () {
        button.textContent = 'Đã sao chép';
      }, function () {
        field.select();
      });
    });
  });
})();
