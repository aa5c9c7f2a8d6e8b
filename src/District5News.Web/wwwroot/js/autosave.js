// The bulletin form's autosave. Every 30 seconds and when the page is left (tab closed, another page opened, phone
// locked) what is typed goes to the server as this staff member's draft; a copy is also kept on this device
// (localStorage) at every keystroke, so text typed while the sign-in had expired or the network was down is not lost:
// on the next visit to the form, once signed in again, that copy is sent to the server and the page offers it back.
// Times are compared on the server's clock (the page says what it is), whatever this device's clock says.
(function () {
  'use strict';

  var config = document.querySelector('[data-autosave]');
  var form = document.querySelector('form[data-test=article-form]');
  if (!config || !form || !window.fetch || !window.URLSearchParams) { return; }

  var FIELDS = ['Input.Title', 'Input.CategoryId', 'Input.Lead', 'Input.Body', 'Input.PublishDate', 'Input.PublishTime',
    'Input.ByNewsroom', 'Input.Version'];
  var INTERVAL = 30000;
  var url = config.getAttribute('data-autosave-url');
  var key = config.getAttribute('data-autosave-key');
  var skew = Number(config.getAttribute('data-server-now')) - Date.now();
  var storedAt = Number(config.getAttribute('data-stored-at')) || 0;
  var draftAt = Number(config.getAttribute('data-draft-at')) || 0;
  var opened = config.getAttribute('data-opened') === 'true';
  var justSaved = config.getAttribute('data-just-saved') === 'true';
  var status = document.querySelector('[data-autosave-status]');
  var tokenInput = form.querySelector('input[name=__RequestVerificationToken]');
  var newKey = key.replace(/:[^:]*$/, ':moi');

  function serverNow() { return Date.now() + skew; }

  function say(text) { if (status) { status.textContent = text; } }

  function values() {
    var result = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) { return; }
      if (field.type === 'checkbox') {
        result[name] = field.checked ? 'true' : 'false';
      } else {
        result[name] = field.value;
      }
    });
    return result;
  }

  function readCopy(storageKey) {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || 'null'); } catch (e) { return null; }
  }

  function writeCopy(fields, sent) {
    try { window.localStorage.setItem(key, JSON.stringify({ at: serverNow(), sent: !!sent, fields: fields })); } catch (e) { /* full or disabled: the server copy remains */ }
  }

  function dropCopy(storageKey) {
    try { window.localStorage.removeItem(storageKey); } catch (e) { /* nothing kept */ }
  }

  function payload(fields) {
    var body = new URLSearchParams();
    Object.keys(fields).forEach(function (name) { body.append(name, fields[name]); });
    if (tokenInput) { body.append('__RequestVerificationToken', tokenInput.value); }
    return body;
  }

  function post(fields) {
    return fetch(url, {
      method: 'POST',
      body: payload(fields),
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      redirect: 'manual'
    });
  }

  var lastSent = JSON.stringify(values());
  var submitting = false;

  function answer(response, text) {
    if (response.status === 401) {
      say('Phiên đăng nhập đã hết hạn: nội dung vẫn được giữ trên máy này. Hãy đăng nhập lại (ở thẻ khác hoặc sau khi rời trang) rồi mở lại biểu mẫu này để lưu tiếp.');
      return null;
    }
    if (!response.ok) {
      say('Chưa tự lưu lên máy chủ được: nội dung vẫn được giữ trên máy này.');
      return null;
    }
    return response.json().then(function (saved) {
      lastSent = text;
      var copy = readCopy(key);
      if (copy && JSON.stringify(copy.fields) === text) { copy.sent = true; try { window.localStorage.setItem(key, JSON.stringify(copy)); } catch (e) { /* ignore */ } }
      say('Đã tự động lưu bản nháp lúc ' + saved.savedAtText + '.');
    });
  }

  function save() {
    if (submitting) { return; }
    var fields = values();
    var text = JSON.stringify(fields);
    if (text === lastSent) { return; }
    post(fields).then(function (response) { return answer(response, text); })
      .catch(function () { say('Mất kết nối: nội dung vẫn được giữ trên máy này và sẽ được lưu khi có mạng.'); });
  }

  // Leaving the page: a beacon outlives it (the token is in the body: a beacon cannot set headers).
  function saveOnLeaving() {
    if (submitting) { return; }
    var fields = values();
    var text = JSON.stringify(fields);
    if (text === lastSent) { return; }
    writeCopy(fields, false);
    var sent = navigator.sendBeacon && navigator.sendBeacon(url, payload(fields));
    if (!sent) {
      try { fetch(url, { method: 'POST', body: payload(fields), credentials: 'same-origin', keepalive: true }); } catch (e) { /* the device copy remains */ }
    }
    lastSent = text;
  }

  // A save that went through: copies of forms that were sent (this bulletin's, or the new bulletin's it became) are done with.
  if (justSaved) {
    [key, newKey].forEach(function (storageKey) {
      var copy = readCopy(storageKey);
      if (copy && copy.submitted) { dropCopy(storageKey); }
    });
  }

  // The device's copy, when it is newer than anything the server holds and says something else: send it, then let the
  // page offer it back. Only on a form just opened: a form sent back after a refused save already holds the text.
  var copy = readCopy(key);
  if (opened && copy && copy.fields) {
    if (copy.at > Math.max(storedAt, draftAt) && JSON.stringify(copy.fields) !== lastSent && !copy.sent) {
      say('Đang gửi nội dung còn giữ trên máy này lên máy chủ…');
      post(copy.fields).then(function (response) {
        if (response.ok) {
          dropCopy(key);
          window.location.replace(window.location.href);
          return null;
        }
        return answer(response, JSON.stringify(copy.fields));
      }).catch(function () { say('Mất kết nối: nội dung còn giữ trên máy này chưa gửi được.'); });
    } else if (copy.at <= Math.max(storedAt, draftAt)) {
      dropCopy(key);
    }
  }

  form.addEventListener('input', function () { writeCopy(values(), false); });
  form.addEventListener('change', function () { writeCopy(values(), false); });
  form.addEventListener('submit', function (e) {
    // "Xem trước" opens another tab: this page stays, and so does its autosave.
    if (e.submitter && e.submitter.getAttribute('formtarget') === '_blank') { return; }
    submitting = true;
    var fields = values();
    try { window.localStorage.setItem(key, JSON.stringify({ at: serverNow(), sent: false, submitted: true, fields: fields })); } catch (err) { /* ignore */ }
  });
  var discard = document.querySelector('[data-autosave-discard]');
  if (discard) { discard.addEventListener('submit', function () { dropCopy(key); }); }

  window.setInterval(save, INTERVAL);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') { saveOnLeaving(); }
  });
  window.addEventListener('pagehide', saveOnLeaving);
})();
