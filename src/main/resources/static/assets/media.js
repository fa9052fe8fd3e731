// Drag-and-drop uploads for the media library; the plain form works without this script.
(function () {
  'use strict';
  var zone = document.getElementById('drop-zone');
  var form = document.getElementById('upload-form');
  var status = document.getElementById('upload-status');
  if (!zone || !form) { return; }
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (e) {
    var files = Array.prototype.slice.call(e.dataTransfer.files || []);
    if (!files.length) { return; }
    var done = 0, failed = [];
    status.textContent = 'Uploading ' + files.length + ' file(s)…';
    files.reduce(function (chain, file) {
      return chain.then(function () {
        var data = new FormData(form);
        data.set('file', file);
        return fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin',
          headers: { 'X-Requested-By': 'fetch', 'Accept': 'application/json' } })
          .then(function (r) {
            if (r.status === 413) { return { error: 'the file is too large (the limit is 20 MB).' }; }
            if (r.status === 403) { return { error: 'your session has expired; reload the page and sign in.' }; }
            return r.json().catch(function () { return { error: 'the upload was refused (' + r.status + ').' }; });
          })
          .then(function (json) { if (json.error) { failed.push(file.name + ': ' + json.error); } else { done++; } })
          .catch(function () { failed.push(file.name + ': no connection.'); });
      });
    }, Promise.resolve()).then(function () {
      if (failed.length) {
        status.textContent = done + ' uploaded. Not uploaded — ' + failed.join(' ');
        status.classList.add('problem');
      } else {
        window.location.reload();
      }
    });
  });
})();
