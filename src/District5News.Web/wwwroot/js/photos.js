// Photos in the bulletin body: "Chèn ảnh" on the editor's toolbar, a pasted or dropped image file, or a photo already
// in the library. The file is uploaded to the media library (the server decodes, turns upright, strips every metadata
// block and stores a few sizes), then inserted at the cursor as <figure><img src alt><figcaption>caption — credit</figcaption></figure>.
// The alternative text is required here and again by the server. Without JavaScript the library page takes uploads.
(function () {
  'use strict';

  var ALT_REQUIRED = 'Vui lòng nhập mô tả ảnh (văn bản thay thế) cho người không xem được ảnh.';

  function imageFiles(list) {
    var files = [];
    for (var i = 0; list && i < list.length; i++) {
      if (list[i] && /^image\//.test(list[i].type || '')) { files.push(list[i]); }
    }
    return files;
  }

  function setUp(wrap) {
    var api = wrap.richEditor;
    var uploadUrl = wrap.getAttribute('data-photo-upload');
    var pickerUrl = wrap.getAttribute('data-photo-picker');
    var form = wrap.closest('form');
    var tokenInput = form && form.querySelector('input[name=__RequestVerificationToken]');
    if (!api || !uploadUrl || !window.fetch || !window.FormData) { return; }

    var panel = document.createElement('div');
    panel.className = 'editor-photo-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', 'Chèn ảnh');
    panel.setAttribute('data-test', 'photo-panel');
    panel.innerHTML =
      '<div class="photo-file">' +
      '<label class="button button-secondary file-button" for="photo-file-input">Chọn ảnh từ máy…</label>' +
      '<input type="file" id="photo-file-input" class="visually-hidden-file" accept="image/jpeg,image/png,image/webp" data-test="photo-file">' +
      '<span class="file-name" data-test="photo-file-name">Chưa chọn ảnh nào</span>' +
      (pickerUrl ? '<button type="button" class="button-secondary" data-test="photo-library">Ảnh đã tải lên…</button>' : '') +
      '</div>' +
      '<div class="photo-library" hidden data-test="photo-library-list"></div>' +
      '<label>Mô tả ảnh (bắt buộc) <input type="text" maxlength="300" data-test="photo-alt"></label>' +
      '<label>Chú thích <input type="text" maxlength="500" data-test="photo-caption"></label>' +
      '<label>Tác giả ảnh <input type="text" maxlength="150" placeholder="Ảnh: …" data-test="photo-credit"></label>' +
      '<div class="photo-actions">' +
      '<button type="button" data-test="photo-insert">Chèn ảnh</button>' +
      '<button type="button" class="button-secondary" data-test="photo-cancel">Hủy</button>' +
      '</div>' +
      '<p class="hint" role="status" data-test="photo-status"></p>' +
      '<p class="field-error" role="alert" data-test="photo-error"></p>';

    var fileInput = panel.querySelector('[data-test=photo-file]');
    var fileName = panel.querySelector('[data-test=photo-file-name]');
    var altInput = panel.querySelector('[data-test=photo-alt]');
    var captionInput = panel.querySelector('[data-test=photo-caption]');
    var creditInput = panel.querySelector('[data-test=photo-credit]');
    var insertButton = panel.querySelector('[data-test=photo-insert]');
    var status = panel.querySelector('[data-test=photo-status]');
    var error = panel.querySelector('[data-test=photo-error]');
    var libraryButton = panel.querySelector('[data-test=photo-library]');
    var libraryList = panel.querySelector('[data-test=photo-library-list]');
    var chosenFile = null;
    var chosenPhoto = null; // a photo already in the library
    var busy = false;

    function reset() {
      chosenFile = null;
      chosenPhoto = null;
      fileInput.value = '';
      fileName.textContent = 'Chưa chọn ảnh nào';
      altInput.value = '';
      captionInput.value = '';
      creditInput.value = '';
      status.textContent = '';
      error.textContent = '';
      libraryList.hidden = true;
    }

    function open(file) {
      if (panel.hidden) {
        api.saveSelection();
        reset();
      }
      panel.hidden = false;
      if (file) { choose(file); }
      (chosenFile || chosenPhoto ? altInput : fileInput).focus();
    }

    function close() {
      panel.hidden = true;
      reset();
      api.restoreSelection();
    }

    function choose(file) {
      chosenFile = file;
      chosenPhoto = null;
      fileName.textContent = file.name || 'Ảnh dán từ bộ nhớ tạm';
      error.textContent = '';
    }

    function insert(photo, alt, caption, credit) {
      var figure = document.createElement('figure');
      var img = document.createElement('img');
      img.setAttribute('src', photo.src);
      img.setAttribute('alt', alt);
      figure.appendChild(img);
      var text = [caption, credit].filter(function (t) { return t; }).join(' — ');
      if (text) {
        var figcaption = document.createElement('figcaption');
        figcaption.textContent = text;
        figure.appendChild(figcaption);
      }
      panel.hidden = true;
      api.restoreSelection();
      api.insertHtml(figure.outerHTML + '<p><br></p>');
      api.sync();
      reset();
    }

    function submit() {
      if (busy) { return; }
      var alt = altInput.value.trim();
      var caption = captionInput.value.trim();
      var credit = creditInput.value.trim();
      if (!chosenFile && !chosenPhoto) {
        error.textContent = 'Vui lòng chọn một ảnh.';
        fileInput.focus();
        return;
      }
      if (!alt) {
        error.textContent = ALT_REQUIRED;
        altInput.focus();
        return;
      }
      if (chosenPhoto) {
        insert(chosenPhoto, alt, caption, credit);
        return;
      }
      var data = new FormData();
      data.append('Input.File', chosenFile, chosenFile.name || 'anh-dan.png');
      data.append('Input.AltText', alt);
      data.append('Input.Caption', caption);
      data.append('Input.Credit', credit);
      if (tokenInput) { data.append('__RequestVerificationToken', tokenInput.value); }
      busy = true;
      insertButton.disabled = true;
      error.textContent = '';
      status.textContent = 'Đang tải ảnh lên và xử lý…';
      fetch(uploadUrl, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; },
            function () { return { ok: false, body: { error: 'Không tải được ảnh lên (lỗi ' + response.status + '). Vui lòng thử lại.' } }; });
        })
        .then(function (result) {
          if (!result.ok) {
            status.textContent = '';
            error.textContent = result.body.error || 'Không tải được ảnh lên. Vui lòng thử lại.';
            return;
          }
          insert(result.body, alt, caption, credit);
        }, function () {
          status.textContent = '';
          error.textContent = 'Không kết nối được máy chủ: ảnh chưa được tải lên. Vui lòng thử lại.';
        })
        .then(function () {
          busy = false;
          insertButton.disabled = false;
        });
    }

    function showLibrary(page) {
      libraryList.hidden = false;
      libraryList.textContent = 'Đang tải danh sách ảnh…';
      fetch(pickerUrl + '?page=' + page, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          libraryList.textContent = '';
          if (!result.items || result.items.length === 0) {
            libraryList.textContent = 'Chưa có ảnh nào trong thư viện.';
            return;
          }
          result.items.forEach(function (item) {
            var pick = document.createElement('button');
            pick.type = 'button';
            pick.className = 'photo-pick';
            pick.setAttribute('data-test', 'photo-pick');
            var thumb = document.createElement('img');
            thumb.setAttribute('src', item.thumbnail);
            thumb.setAttribute('alt', '');
            thumb.setAttribute('width', '96');
            thumb.setAttribute('height', '72');
            pick.appendChild(thumb);
            var label = document.createElement('span');
            label.textContent = item.altText;
            pick.appendChild(label);
            pick.addEventListener('click', function () {
              chosenPhoto = item;
              chosenFile = null;
              fileInput.value = '';
              fileName.textContent = 'Ảnh trong thư viện: ' + item.altText;
              altInput.value = item.altText || '';
              captionInput.value = item.caption || '';
              creditInput.value = item.credit || '';
              libraryList.hidden = true;
              altInput.focus();
            });
            libraryList.appendChild(pick);
          });
          if (result.hasMore) {
            var more = document.createElement('button');
            more.type = 'button';
            more.className = 'button-secondary';
            more.textContent = 'Xem thêm ảnh cũ hơn';
            more.addEventListener('click', function () { showLibrary(page + 1); });
            libraryList.appendChild(more);
          }
        }, function () {
          libraryList.textContent = 'Không tải được danh sách ảnh. Vui lòng thử lại.';
        });
    }

    fileInput.addEventListener('change', function () {
      if (fileInput.files && fileInput.files[0]) { choose(fileInput.files[0]); altInput.focus(); }
    });
    insertButton.addEventListener('click', submit);
    panel.querySelector('[data-test=photo-cancel]').addEventListener('click', close);
    if (libraryButton) { libraryButton.addEventListener('click', function () { showLibrary(1); }); }
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && e.target.tagName === 'INPUT' && e.target.type === 'text') { e.preventDefault(); submit(); }
      if (e.key === 'Escape') { e.preventDefault(); close(); }
    });

    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'editor-button';
    button.textContent = 'Chèn ảnh';
    button.title = 'Chèn ảnh tại vị trí con trỏ (cũng có thể dán hoặc kéo thả ảnh vào nội dung)';
    button.setAttribute('aria-label', button.title);
    button.setAttribute('data-test', 'editor-photo');
    button.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep the selection in the text
    button.addEventListener('click', function () { open(null); });
    api.toolbar.appendChild(button);
    wrap.insertBefore(panel, api.panelBefore);

    // A pasted image file (a screenshot, a photo copied on a phone) goes to the panel before the editor's own paste runs.
    wrap.addEventListener('paste', function (e) {
      var files = imageFiles(e.clipboardData && e.clipboardData.files);
      if (files.length === 0 || !api.editable.contains(e.target)) { return; }
      e.preventDefault();
      e.stopPropagation();
      open(files[0]);
    }, true);

    api.editable.addEventListener('dragover', function (e) {
      if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0) { e.preventDefault(); }
    });
    api.editable.addEventListener('drop', function (e) {
      var files = imageFiles(e.dataTransfer && e.dataTransfer.files);
      if (files.length === 0) { return; }
      e.preventDefault();
      // The photo goes where it was dropped.
      var range = document.caretRangeFromPoint ? document.caretRangeFromPoint(e.clientX, e.clientY) : null;
      if (range && api.editable.contains(range.startContainer)) {
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
      panel.hidden = true;
      open(files[0]);
    });
  }

  document.querySelectorAll('[data-editor-for]').forEach(function (wrap) {
    if (wrap.richEditor) {
      setUp(wrap);
    } else {
      wrap.addEventListener('rich-editor:ready', function () { setUp(wrap); });
    }
  });
})();
