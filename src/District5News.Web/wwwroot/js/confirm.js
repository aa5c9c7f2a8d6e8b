// A destructive link (data-confirm) opens its question in a dialog instead of its confirmation page; the dialog's
// form posts where the page's form would, with the same hidden fields. Without JavaScript, or without <dialog>
// support, the link simply opens the confirmation page, which works on its own.
(function () {
  'use strict';

  var dialog = document.querySelector('[data-confirm-dialog]');
  if (!dialog || typeof dialog.showModal !== 'function') { return; }
  var form = dialog.querySelector('[data-confirm-form]');
  var question = dialog.querySelector('[data-confirm-question]');
  var fields = dialog.querySelector('[data-confirm-fields]');
  var ok = dialog.querySelector('[data-confirm-ok]');
  var cancel = dialog.querySelector('[data-confirm-cancel]');

  cancel.addEventListener('click', function () { dialog.close(); });

  function open(link) {
    form.setAttribute('action', link.getAttribute('data-confirm-action'));
    question.textContent = link.getAttribute('data-confirm');
    ok.textContent = link.getAttribute('data-confirm-label') || link.textContent;
    while (fields.firstChild) { fields.removeChild(fields.firstChild); }
    new URLSearchParams(link.getAttribute('data-confirm-fields') || '').forEach(function (value, name) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      fields.appendChild(input);
    });
    dialog.showModal();
    cancel.focus(); // the safe answer is the one Enter picks
  }

  document.querySelectorAll('a[data-confirm][data-confirm-action]').forEach(function (link) {
    link.addEventListener('click', function (e) {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) { return; }
      e.preventDefault();
      open(link);
    });
  });
})();
