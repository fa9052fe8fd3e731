// The newsroom's article editor: Markdown toolbar, autosave of drafts, and a copy of the text kept in this
// browser so that nothing is lost when the network drops or the session expires.
(function () {
  'use strict';
  var form = document.getElementById('article-form');
  if (!form) { return; }
  var body = document.getElementById('body');
  var status = document.getElementById('autosave-status');
  var csrf = form.querySelector('input[type=hidden][name^="_csrf"]') || form.querySelector('input[type=hidden]');
  var storageKey = 'broadsheet-article-' + form.dataset.articleId;
  var fields = ['title', 'standfirst', 'body'];
  var dirty = false;
  var saving = false;

  // htmx (live preview) sends the CSRF token as a header.
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (csrf) { e.detail.headers['X-CSRF-TOKEN'] = csrf.value; }
    e.detail.headers['X-Requested-By'] = 'fetch';
  });

  function say(text, problem) {
    if (!status) { return; }
    status.textContent = text;
    status.classList.toggle('problem', !!problem);
  }

  function current() {
    var out = {};
    fields.forEach(function (name) { out[name] = form.elements[name] ? form.elements[name].value : ''; });
    return out;
  }

  function keepLocally() {
    try {
      var copy = current();
      copy.at = new Date().toISOString();
      localStorage.setItem(storageKey, JSON.stringify(copy));
    } catch (e) { /* storage full or disabled: autosave still runs */ }
  }

  function localCopy() {
    try { return JSON.parse(localStorage.getItem(storageKey) || 'null'); } catch (e) { return null; }
  }

  function forget() {
    try { localStorage.removeItem(storageKey); } catch (e) { /* nothing to forget */ }
  }

  // Offer back a copy that differs from what the server has.
  var copy = localCopy();
  var shown = current();
  if (copy) {
    var differs = fields.some(function (name) { return (copy[name] || '') !== shown[name]; });
    if (differs) {
      var box = document.getElementById('local-copy');
      box.hidden = false;
      box.querySelector('.local-copy-time').textContent = new Date(copy.at).toLocaleString();
      document.getElementById('restore-local').addEventListener('click', function () {
        fields.forEach(function (name) { if (form.elements[name]) { form.elements[name].value = copy[name] || ''; } });
        box.hidden = true;
        dirty = true;
        body.dispatchEvent(new Event('input', { bubbles: true }));
        say('Your copy is back in the form. It is saved when you press Save' + (form.dataset.autosave === 'on' ? ' or in a few seconds.' : '.'));
      });
      document.getElementById('discard-local').addEventListener('click', function () { forget(); box.hidden = true; });
    } else {
      forget();
    }
  }

  var pending;
  form.addEventListener('input', function () {
    dirty = true;
    clearTimeout(pending);
    pending = setTimeout(keepLocally, 400);
  });
  form.addEventListener('submit', keepLocally);

  function autosave() {
    if (!dirty || saving || form.dataset.autosave !== 'on') { return; }
    saving = true;
    dirty = false;
    keepLocally();
    var data = new URLSearchParams(new FormData(form));
    fetch(form.dataset.autosaveUrl, {
      method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual',
      headers: { 'X-Requested-By': 'fetch', 'Accept': 'application/json' }
    }).then(function (response) {
      var json = (response.headers.get('Content-Type') || '').indexOf('application/json') === 0;
      if (response.type === 'opaqueredirect' || response.status === 401 || (response.status === 403 && !json)) {
        dirty = true;
        say('Not saved: your session has expired. Your text is kept in this browser — sign in again in another tab, then reload this page.', true);
        return null;
      }
      return response.json().then(function (json) {
        if (response.ok) {
          form.elements.version.value = json.version;
          document.querySelectorAll('input[name=version]').forEach(function (i) { i.value = json.version; });
          forget();
          if (dirty) { keepLocally(); }
          say('Draft saved at ' + json.savedAt + '.');
        } else {
          say(json.error || 'Not saved.', true);
        }
      }, function () {
        // Not JSON: an error page from before the controller (the connection itself worked).
        dirty = true;
        say('Not saved: the server refused the draft (' + response.status + '). Your text is kept in this browser; press Save to see why.', true);
      });
    }).catch(function () {
      dirty = true;
      say('Not saved: no connection. Your text is kept in this browser and saved when the connection is back.', true);
    }).then(function () { saving = false; });
  }
  setInterval(autosave, 5000);

  // Toolbar: wraps or inserts Markdown at the cursor.
  function edit(before, after, placeholder) {
    var start = body.selectionStart, end = body.selectionEnd;
    var selected = body.value.substring(start, end) || placeholder;
    body.setRangeText(before + selected + after, start, end, 'select');
    body.focus();
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function lineStart(prefix) {
    var start = body.selectionStart;
    var at = body.value.lastIndexOf('\n', start - 1) + 1;
    body.setRangeText(prefix, at, at, 'end');
    body.focus();
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function nextFootnote() {
    var n = 1;
    while (body.value.indexOf('[^' + n + ']') >= 0) { n++; }
    return n;
  }

  var actions = {
    heading: function () { lineStart('## '); },
    bold: function () { edit('**', '**', 'bold text'); },
    italic: function () { edit('_', '_', 'italic text'); },
    quote: function () { lineStart('> '); },
    link: function () {
      var url = window.prompt('Link address (https://…)', 'https://');
      if (url) { edit('[', '](' + url + ')', 'link text'); }
    },
    image: function () {
      var url = window.prompt('Image address (copy it from the media library, e.g. /media/uploads/…)', '/media/');
      if (url) { edit('![', '](' + url + ')', 'description of the image'); }
    },
    footnote: function () {
      var n = nextFootnote();
      var end = body.selectionEnd;
      body.setRangeText('[^' + n + ']', end, end, 'end');
      body.value = body.value.replace(/\s*$/, '') + '\n\n[^' + n + ']: Note text.\n';
      body.focus();
      body.dispatchEvent(new Event('input', { bubbles: true }));
    }
  };
  // Authors and up may drop an image onto the text: it is uploaded to the media library and inserted.
  if (body.dataset.uploadUrl) {
    body.addEventListener('dragover', function (e) { e.preventDefault(); });
    body.addEventListener('drop', function (e) {
      var files = Array.prototype.filter.call(e.dataTransfer.files || [], function (f) { return /^image\//.test(f.type); });
      if (!files.length) { return; }
      e.preventDefault();
      var file = files[0];
      var data = new FormData();
      data.append('file', file);
      data.append('alt', file.name.replace(/\.[^.]+$/, ''));
      say('Uploading ' + file.name + '…');
      fetch(body.dataset.uploadUrl, { method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'X-Requested-By': 'fetch', 'X-CSRF-TOKEN': csrf ? csrf.value : '', 'Accept': 'application/json' } })
        .then(function (r) {
          if (r.status === 413) { return { error: 'the file is too large (the limit is 20 MB).' }; }
          return r.json().catch(function () { return { error: 'the upload was refused (' + r.status + ').' }; });
        })
        .then(function (json) {
          if (json.error) { say('Image not uploaded: ' + json.error, true); return; }
          edit('![', '](' + json.url + ')', 'description of the image');
          say('Image uploaded and inserted.');
        })
        .catch(function () { say('Image not uploaded: no connection.', true); });
    });
  }

  document.querySelectorAll('.md-toolbar [data-md]').forEach(function (button) {
    button.addEventListener('click', function () { actions[button.dataset.md](); });
  });
})();
