/*
 * Import upload: send the file to POST /api/imports (multipart), then follow GET /api/imports/{id} until the import
 * has finished, showing processed / total and the result of every record.
 */
(function () {
  'use strict';

  var form = document.getElementById('import-form');
  if (!form) {
    return;
  }
  var input = document.getElementById('import-file');
  var alertBox = document.getElementById('import-alert');
  var fileError = document.getElementById('import-file-error');
  var button = document.getElementById('import-submit');
  var progress = document.getElementById('import-progress');
  var bar = document.getElementById('import-bar');
  var status = document.getElementById('import-status');
  var results = document.getElementById('import-results');
  var tbody = document.querySelector('#import-table tbody');
  var WORDS = { RECORDED: 'Recorded', ALREADY_RECORDED: 'Already recorded', REJECTED: 'Rejected' };
  var CLASSES = { RECORDED: 'status-recorded', ALREADY_RECORDED: 'status-already-recorded', REJECTED: 'status-rejected' };

  function clear() {
    alertBox.hidden = true;
    alertBox.textContent = '';
    fileError.hidden = true;
    fileError.textContent = '';
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', 'import-file-hint');
  }

  function refuse(message, onField) {
    if (onField) {
      fileError.textContent = message;
      fileError.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'import-file-hint import-file-error');
      input.focus();
    }
    alertBox.textContent = '';
    var p = document.createElement('p');
    p.textContent = 'Not imported: ' + message;
    alertBox.appendChild(p);
    alertBox.hidden = false;
    if (!onField) {
      alertBox.focus();
    }
  }

  function render(report) {
    bar.max = Math.max(1, report.total);
    bar.value = report.processed;
    var words = report.processed + ' of ' + report.total + ' records processed';
    if (report.status !== 'RUNNING') {
      words = (report.status === 'COMPLETED' ? 'Import finished: ' : 'Import failed: ') + words + ' — ' + report.recorded + ' recorded, '
        + report.alreadyRecorded + ' already recorded, ' + report.rejected + ' rejected'
        + (report.failure ? '. ' + report.failure : '') + '.';
    }
    status.textContent = words;
    tbody.textContent = '';
    (report.results || []).forEach(function (r) {
      var row = tbody.insertRow();
      row.setAttribute('data-result', r.result);
      var cells = [String(r.index + 1), r.id || '', r.fact || '', null, r.streamId || '',
        r.result === 'REJECTED' ? (r.errorCode || '') + (r.field ? ' (' + r.field + ')' : '') + ': ' + (r.message || '') : ''];
      cells.forEach(function (text, i) {
        var c = i === 1 ? document.createElement('th') : document.createElement('td');
        if (i === 1) {
          c.scope = 'row';
        }
        if (text === null) {
          var span = document.createElement('span');
          span.className = 'status ' + (CLASSES[r.result] || '');
          span.textContent = WORDS[r.result] || r.result;
          c.appendChild(span);
        } else {
          c.textContent = text;
        }
        row.appendChild(c);
      });
    });
    results.hidden = !(report.results && report.results.length);
  }

  function follow(id) {
    return fetch('/api/imports/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (report) {
        render(report);
        if (report.status === 'RUNNING') {
          return new Promise(function (resolve) { setTimeout(resolve, 400); }).then(function () { return follow(id); });
        }
        return report;
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clear();
    if (!input.files || !input.files.length) {
      refuse('choose a file to import.', true);
      return;
    }
    var data = new FormData();
    data.append('file', input.files[0]);
    button.disabled = true;
    progress.hidden = false;
    results.hidden = true;
    bar.value = 0;
    status.textContent = 'Uploading…';
    var token = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    fetch('/api/imports', { method: 'POST', body: data, headers: { Accept: 'application/json, application/problem+json',
                                                                  'X-XSRF-TOKEN': token ? decodeURIComponent(token[1]) : '' } })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (body) {
          if (response.status !== 202) {
            progress.hidden = true;
            var detail = body && body.detail ? body.detail : 'the registry answered with status ' + response.status;
            refuse(detail + (body && body.field && body.field !== 'file' ? ' (field ' + body.field + ' of the file)' : ''), true);
            return null;
          }
          render(body);
          return follow(body.id);
        });
      })
      .catch(function (error) {
        refuse('the registry could not be reached: ' + error.message, false);
      })
      .then(function () {
        button.disabled = false;
      });
  });
}());
