// The bulletin body editor: a contenteditable area with a small toolbar that writes its HTML into the form's
// textarea. Without JavaScript the textarea itself is the editor (plain text, one paragraph per line). The server
// sanitizes whatever arrives; the cleaning here only keeps pasted or reloaded markup tidy and inert in this page.
(function () {
  'use strict';

  var ALLOWED = ['P', 'H2', 'H3', 'H4', 'STRONG', 'B', 'EM', 'I', 'U', 'UL', 'OL', 'LI', 'A', 'IMG', 'BLOCKQUOTE', 'BR',
    'FIGURE', 'FIGCAPTION', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD'];
  var DROPPED = ['SCRIPT', 'STYLE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'NOSCRIPT', 'TEMPLATE',
    'SVG', 'MATH', 'XML', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'INPUT', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA',
    'AUDIO', 'VIDEO', 'SOURCE', 'TRACK', 'CANVAS', 'MAP', 'AREA', 'PARAM'];
  var PARAGRAPH_LIKE = ['DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'CENTER', 'PRE',
    'ADDRESS', 'DD', 'DT', 'FORM', 'FIELDSET', 'DETAILS', 'SUMMARY'];
  var BLOCKS = ['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'FIGURE', 'TABLE', 'HR', 'DL']
    .concat(PARAGRAPH_LIKE);
  var ATTRIBUTES = { A: ['href'], IMG: ['src', 'alt'], TH: ['colspan', 'rowspan'], TD: ['colspan', 'rowspan'] };
  var RENAMED = { H1: 'H2', H5: 'H4', H6: 'H4' };

  function has(list, name) { return list.indexOf(name) >= 0; }

  // The same URL policy as the server: http, https and relative paths; mailto on links only.
  function isSafeUrl(url, isLink) {
    var compact = String(url || '').replace(/[\u0000-\u0020\u007f]/g, '');
    if (!compact) { return false; }
    var scheme = /^([^\/?#]*):/.exec(compact);
    if (!scheme) { return compact.charAt(0) !== '\\'; }
    var name = scheme[1].toLowerCase();
    return name === 'http' || name === 'https' || (isLink && name === 'mailto');
  }

  // Images come only from our uploads folder, as on the server (BodyImageRules).
  function isUploadPath(url) {
    return /^\/uploads(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$/.test(String(url || ''));
  }

  function copyChildren(from, to) {
    for (var node = from.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        to.appendChild(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === 1) {
        copyElement(node, to);
      }
    }
  }

  function hasBlockChild(element) {
    for (var child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (has(BLOCKS, child.tagName.toUpperCase())) { return true; }
    }
    return false;
  }

  function copyElement(element, to) {
    var name = element.tagName.toUpperCase();
    if (has(DROPPED, name) || name.indexOf('V:') === 0) { return; }
    if (name === 'B' && (element.id || '').indexOf('docs-internal-guid') === 0) {
      copyChildren(element, to); // Google Docs wraps a whole paste in a non-bold <b>.
      return;
    }
    if (has(PARAGRAPH_LIKE, name)) {
      if (hasBlockChild(element)) {
        copyChildren(element, to);
      } else {
        var paragraph = document.createElement('p');
        copyChildren(element, paragraph);
        to.appendChild(paragraph);
      }
      return;
    }
    name = RENAMED[name] || name;
    if (!has(ALLOWED, name)) {
      copyChildren(element, to); // span, font, o:p...: keep the text, drop the wrapper.
      return;
    }
    if (name === 'IMG' && !isUploadPath(element.getAttribute('src'))) {
      return; // only our own photos (photos.js uploads them); the server drops any other image too
    }
    var copy = document.createElement(name.toLowerCase());
    (ATTRIBUTES[name] || []).forEach(function (attribute) {
      var value = element.getAttribute(attribute);
      if (value === null) { return; }
      if (attribute === 'href' && !isSafeUrl(value, true)) { return; }
      if (attribute === 'src' && !isUploadPath(value)) { return; }
      copy.setAttribute(attribute, value);
    });
    copyChildren(element, copy);
    to.appendChild(copy);
  }

  // Parsed in an inert document: nothing in it runs or loads while it is cleaned.
  function cleanHtml(html) {
    var source = new DOMParser().parseFromString(html, 'text/html');
    var container = document.createElement('div');
    copyChildren(source.body, container);
    Array.prototype.forEach.call(container.querySelectorAll('p, h2, h3, h4'), function (block) {
      if (!block.textContent.replace(/\u00a0/g, ' ').trim() && !block.querySelector('img')) { block.remove(); }
    });
    return container.innerHTML;
  }

  function escapeText(text) {
    var span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }

  // Plain text: blank lines separate paragraphs (lines inside one are joined); without blank lines, each line is one.
  function textToHtml(text) {
    var normalized = String(text || '').replace(/\r\n?/g, '\n').trim();
    if (!normalized) { return ''; }
    var paragraphs = /\n\s*\n/.test(normalized)
      ? normalized.split(/\n\s*\n/).map(function (p) { return p.replace(/\s*\n\s*/g, ' '); })
      : normalized.split('\n');
    return paragraphs
      .map(function (p) { return p.trim(); })
      .filter(function (p) { return p.length > 0; })
      .map(function (p) { return '<p>' + escapeText(p) + '</p>'; })
      .join('');
  }

  function looksLikeHtml(text) { return /<[a-z!\/?]/i.test(text); }

  function button(label, title, test, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'editor-button';
    b.textContent = label;
    b.title = title;
    b.setAttribute('aria-label', title);
    b.setAttribute('data-test', test);
    b.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep the selection in the text
    b.addEventListener('click', action);
    return b;
  }

  function setUp(wrap) {
    var textarea = document.getElementById(wrap.getAttribute('data-editor-for'));
    if (!textarea || !window.DOMParser || !document.execCommand) { return; }
    var form = textarea.form;

    var editable = document.createElement('div');
    editable.className = 'editor-area article-body';
    editable.contentEditable = 'true';
    editable.setAttribute('role', 'textbox');
    editable.setAttribute('aria-multiline', 'true');
    editable.setAttribute('aria-labelledby', 'body-label');
    editable.setAttribute('data-test', 'body-editor');
    var initial = textarea.value;
    editable.innerHTML = looksLikeHtml(initial) ? cleanHtml(initial) : textToHtml(initial);

    var savedRange = null;
    function saveSelection() {
      var selection = window.getSelection();
      if (selection.rangeCount > 0 && editable.contains(selection.getRangeAt(0).commonAncestorContainer)) {
        savedRange = selection.getRangeAt(0).cloneRange();
      }
    }
    function restoreSelection() {
      editable.focus();
      if (savedRange) {
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(savedRange);
      }
    }
    function sync() { textarea.value = editable.innerHTML; }
    function run(command, value) {
      editable.focus();
      document.execCommand(command, false, value);
      sync();
      updateState();
    }
    function insertHtml(html) {
      if (!html) { return; }
      if (!document.execCommand('insertHTML', false, html)) {
        var selection = window.getSelection();
        if (selection.rangeCount === 0) { editable.insertAdjacentHTML('beforeend', html); return; }
        var range = selection.getRangeAt(0);
        range.deleteContents();
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fragment = document.createDocumentFragment();
        while (holder.firstChild) { fragment.appendChild(holder.firstChild); }
        range.insertNode(fragment);
        range.collapse(false);
      }
      sync();
    }

    // One small panel asks for a link's address (no prompt(): it blocks the page and tests). Photos: photos.js.
    var panel = document.createElement('div');
    panel.className = 'editor-url-panel';
    panel.hidden = true;
    panel.setAttribute('data-test', 'editor-url-panel');
    panel.innerHTML =
      '<label>Địa chỉ <input type="url" data-test="editor-url" placeholder="https://"></label>' +
      '<button type="button" data-test="editor-url-ok">Chèn</button>' +
      '<button type="button" class="button-secondary" data-test="editor-url-cancel">Hủy</button>' +
      '<p class="field-error" role="alert" data-test="editor-url-error"></p>';
    var urlInput = panel.querySelector('[data-test=editor-url]');
    var panelError = panel.querySelector('[data-test=editor-url-error]');
    var panelMode = null;

    function openPanel(mode) {
      saveSelection();
      panelMode = mode;
      panel.hidden = false;
      urlInput.value = '';
      panelError.textContent = '';
      urlInput.focus();
    }
    function closePanel() {
      panel.hidden = true;
      panelMode = null;
      restoreSelection();
    }
    function applyPanel() {
      var url = urlInput.value.trim();
      if (!isSafeUrl(url, true)) {
        panelError.textContent = 'Địa chỉ liên kết phải bắt đầu bằng http://, https:// hoặc mailto: (hoặc là đường dẫn trong trang).';
        urlInput.focus();
        return;
      }
      closePanel();
      var selection = window.getSelection();
      if (selection.rangeCount === 0 || selection.isCollapsed) {
        insertHtml('<a href="' + escapeText(url).replace(/"/g, '&quot;') + '">' + escapeText(url) + '</a>');
      } else {
        run('createLink', url);
      }
      sync();
    }
    panel.querySelector('[data-test=editor-url-ok]').addEventListener('click', applyPanel);
    panel.querySelector('[data-test=editor-url-cancel]').addEventListener('click', closePanel);
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); applyPanel(); }
      if (e.key === 'Escape') { e.preventDefault(); closePanel(); }
    });

    var toolbar = document.createElement('div');
    toolbar.className = 'editor-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Định dạng nội dung');
    toolbar.setAttribute('data-test', 'editor-toolbar');
    var stateButtons = [];
    [
      // Plain words, not tag names: ward staff know "Tiêu đề lớn", not "H2".
      ['↶ Hoàn tác', 'Hoàn tác thao tác vừa rồi (Ctrl+Z)', 'editor-undo', function () { run('undo'); }],
      ['↷ Làm lại', 'Làm lại thao tác vừa hoàn tác (Ctrl+Y)', 'editor-redo', function () { run('redo'); }],
      ['Đoạn văn', 'Đoạn văn thường', 'editor-paragraph', function () { run('formatBlock', 'p'); }],
      ['Tiêu đề lớn', 'Tiêu đề lớn: mở đầu một phần của bản tin', 'editor-h2', function () { run('formatBlock', 'h2'); }],
      ['Tiêu đề nhỏ', 'Tiêu đề nhỏ: mục con trong một phần', 'editor-h3', function () { run('formatBlock', 'h3'); }],
      ['Đậm', 'In đậm (Ctrl+B)', 'editor-bold', function () { run('bold'); }, 'bold'],
      ['Nghiêng', 'In nghiêng (Ctrl+I)', 'editor-italic', function () { run('italic'); }, 'italic'],
      ['• Danh sách', 'Danh sách dấu chấm', 'editor-ul', function () { run('insertUnorderedList'); }, 'insertUnorderedList'],
      ['1. Danh sách', '1. Danh sách đánh số', 'editor-ol', function () { run('insertOrderedList'); }, 'insertOrderedList'],
      ['Liên kết', 'Chèn liên kết', 'editor-link', function () { openPanel('link'); }]
    ].forEach(function (spec) {
      var b = button(spec[0], spec[1], spec[2], spec[3]);
      if (spec[4]) {
        b.setAttribute('aria-pressed', 'false');
        stateButtons.push([b, spec[4]]);
      }
      toolbar.appendChild(b);
    });

    function updateState() {
      stateButtons.forEach(function (pair) {
        var on = false;
        try { on = document.queryCommandState(pair[1]); } catch (e) { on = false; }
        pair[0].setAttribute('aria-pressed', on ? 'true' : 'false');
      });
    }

    editable.addEventListener('focus', function () {
      document.execCommand('defaultParagraphSeparator', false, 'p');
      document.execCommand('styleWithCSS', false, false);
    });
    editable.addEventListener('input', sync);
    editable.addEventListener('keyup', updateState);
    editable.addEventListener('mouseup', updateState);
    editable.addEventListener('blur', saveSelection);
    editable.addEventListener('paste', function (e) {
      var data = e.clipboardData;
      if (!data) { return; }
      e.preventDefault();
      var html = data.getData('text/html');
      var text = data.getData('text/plain');
      if (html) {
        insertHtml(cleanHtml(html));
      } else if (text && text.indexOf('\n') < 0) {
        document.execCommand('insertText', false, text);
        sync();
      } else {
        insertHtml(textToHtml(text));
      }
    });

    textarea.hidden = true;
    textarea.setAttribute('aria-hidden', 'true');
    wrap.classList.add('is-rich');
    wrap.insertBefore(toolbar, textarea);
    wrap.insertBefore(panel, textarea);
    wrap.insertBefore(editable, textarea);
    var label = document.getElementById('body-label');
    if (label) { label.addEventListener('click', function () { editable.focus(); }); }
    var hint = document.getElementById('body-hint');
    if (hint) {
      hint.textContent = 'Dùng thanh công cụ để định dạng. Văn bản dán từ Word hoặc trang web giữ nguyên các đoạn; định dạng lạ được bỏ khi lưu.';
      editable.setAttribute('aria-describedby', 'body-hint');
    }
    if (form) { form.addEventListener('submit', sync); }

    // What photos.js needs to put a photo at the cursor: the area, its toolbar and the editor's own insertion.
    wrap.richEditor = {
      editable: editable,
      toolbar: toolbar,
      panelBefore: editable,
      saveSelection: saveSelection,
      restoreSelection: restoreSelection,
      insertHtml: insertHtml,
      sync: sync
    };
    wrap.dispatchEvent(new CustomEvent('rich-editor:ready'));
  }

  // A cover over the limit (data-max-bytes, with the server's own message) is refused here at once, instead of after a long upload.
  function checkCover(input) {
    var max = parseInt(input.getAttribute('data-max-bytes'), 10);
    var tooLargeMessage = input.getAttribute('data-too-large');
    var message = input.parentNode.querySelector('[data-test=cover-error]');
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      var tooLarge = file && max && file.size > max;
      input.setCustomValidity(tooLarge ? tooLargeMessage : '');
      if (message) { message.textContent = tooLarge ? tooLargeMessage : ''; }
      if (tooLarge) { input.value = ''; }
    });
  }

  // The day (dd/mm/yyyy) and time (HH:mm) fields, read as the server reads them (PublishTimeField): both empty is
  // "now", one empty or unreadable is an error. Returns a Vietnam local time as {y, mo, d, h, mi}, null, or false.
  function readPublishTime(dateInput, timeInput) {
    var date = dateInput.value.trim();
    var time = timeInput.value.trim();
    if (!date && !time) { return null; }
    var d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date);
    var t = /^(\d{1,2}):(\d{2})$/.exec(time);
    if (!d || !t) { return false; }
    var value = { y: +d[3], mo: +d[2], d: +d[1], h: +t[1], mi: +t[2] };
    var check = new Date(Date.UTC(value.y, value.mo - 1, value.d));
    if (value.y < 1975 || value.y > 2100 || check.getUTCMonth() !== value.mo - 1 || check.getUTCDate() !== value.d ||
        value.h > 23 || value.mi > 59) { return false; }
    return value;
  }

  function two(n) { return (n < 10 ? '0' : '') + n; }

  // "8:15 sáng 23/11/2020", as PublishTimeField.Spoken writes it.
  function spoken(v) {
    var hour = v.h % 12 === 0 ? 12 : v.h % 12;
    var part = v.h === 0 ? 'đêm' : v.h < 11 ? 'sáng' : v.h < 13 ? 'trưa' : v.h < 18 ? 'chiều' : 'tối';
    return hour + ':' + two(v.mi) + ' ' + part + ' ' + two(v.d) + '/' + two(v.mo) + '/' + v.y;
  }

  // Beside the buttons, in words, what "Đăng" will do; "Đăng" reads "Hẹn giờ đăng" when the time is still ahead.
  function describePublish(dateInput, timeInput, outcome, publishButton) {
    var original = publishButton ? publishButton.textContent : '';
    function update() {
      var v = readPublishTime(dateInput, timeInput);
      var at = v ? Date.UTC(v.y, v.mo - 1, v.d, v.h - 7, v.mi) : NaN;
      if (outcome) {
        outcome.textContent = v === null ? 'Đăng ngay'
          : v === false ? 'Chưa đăng được: thời điểm đăng chưa đủ hoặc không hợp lệ.'
          : at > Date.now() ? 'Sẽ đăng lúc ' + spoken(v) : 'Đăng với thời điểm đã qua: ' + spoken(v);
      }
      if (publishButton) { publishButton.textContent = !isNaN(at) && at > Date.now() ? 'Hẹn giờ đăng' : original; }
    }
    [dateInput, timeInput].forEach(function (input) {
      input.addEventListener('input', update);
      input.addEventListener('change', update);
    });
    update();
  }

  // The chosen file's name beside the Vietnamese "Chọn ảnh…" button (the native text cannot be translated).
  function showFileName(input) {
    var name = document.querySelector('[data-file-name-for="' + input.id + '"]');
    if (!name) { return; }
    var empty = name.textContent;
    input.addEventListener('change', function () {
      name.textContent = input.files && input.files[0] ? input.files[0].name : empty;
    });
  }

  document.querySelectorAll('[data-editor-for]').forEach(setUp);
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(checkCover);
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(showFileName);
  var publishDate = document.querySelector('[data-test=publish-date]');
  var publishTime = document.querySelector('[data-test=publish-time]');
  if (publishDate && publishTime) {
    describePublish(publishDate, publishTime, document.querySelector('[data-publish-outcome]'), document.querySelector('[data-publish-button]'));
  }
})();
