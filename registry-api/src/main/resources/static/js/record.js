/*
 * Recording forms: collect the inputs as the JSON of the fact (each input's data-path is its JSON path), post it to the
 * REST endpoint, show a refusal next to the field the API names (problem details' "field"), and on success show how
 * the deadlines of the instrument changed. Nothing typed is lost on a refusal: the page is not reloaded.
 */
(function () {
  'use strict';

  // the registry protects writes made with the browser's session against cross-site forgery: send its token back
  function csrfHeader() {
    var match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  var STATUS_WORDS = {
    OVERDUE: 'Overdue', REVIEWED_WITHOUT_REPORT: 'Reviewed without report', DUE_SOON: 'Due soon',
    UPCOMING: 'Upcoming', SUBMITTED_AWAITING_REVIEW: 'Submitted, awaiting review', SUBMITTED: 'Submitted',
    REVIEWED: 'Reviewed', NO_DUE_DATE: 'No due date'
  };
  var PRECISION = { YEAR: 'year', MONTH: 'month', DAY: 'day' };
  var MECHANISMS = {
    INDIVIDUAL_COMMUNICATIONS: 'Individual communications', INTER_STATE_COMMUNICATIONS: 'Inter-state communications',
    INQUIRY: 'Inquiry', VISITS: 'Visits', URGENT_ACTION: 'Urgent action'
  };

  var form = document.getElementById('fact-form');
  if (!form) {
    return;
  }
  var state = form.getAttribute('data-state');
  var alertBox = document.getElementById('form-alert');
  var result = document.getElementById('result');
  var submitButton = document.getElementById('submit-fact');
  var kindSelect = form.querySelector('[data-role="replacement-kind"]');
  var uid = 0;

  Array.prototype.forEach.call(form.querySelectorAll('[data-repeat]'), setupRepeat);
  if (kindSelect) {
    kindSelect.addEventListener('change', showReplacement);
    showReplacement();
  }
  form.addEventListener('submit', submit);

  // ---- lists of rows (follow-up requests) ----

  function setupRepeat(fieldset) {
    var template = fieldset.querySelector('template');
    var rows = fieldset.querySelector('.repeat-rows');
    var add = fieldset.querySelector('.add-row');
    add.addEventListener('click', function () {
      var fragment = template.content.cloneNode(true);
      var n = uid++;
      Array.prototype.forEach.call(fragment.querySelectorAll('[id],[for],[aria-describedby]'), function (el) {
        ['id', 'for', 'aria-describedby'].forEach(function (name) {
          var value = el.getAttribute(name);
          if (value) {
            el.setAttribute(name, value.split('__i__').join(String(n)));
          }
        });
      });
      var row = fragment.querySelector('.repeat-row');
      rows.appendChild(fragment);
      renumber();
      var first = row.querySelector('input, select, textarea');
      if (first) {
        first.focus();
      }
    });
    rows.addEventListener('click', function (event) {
      var button = event.target.closest('.remove-row');
      if (!button) {
        return;
      }
      button.closest('.repeat-row').remove();
      renumber();
      add.focus();
    });

    function renumber() {
      Array.prototype.forEach.call(rows.querySelectorAll('.repeat-row'), function (row, i) {
        Array.prototype.forEach.call(row.querySelectorAll('[data-row-path]'), function (el) {
          el.setAttribute('data-path', el.getAttribute('data-row-path').split('__i__').join(String(i)));
        });
        row.querySelector('.row-number').textContent = String(i + 1);
        row.querySelector('.remove-row').textContent = 'Remove request ' + (i + 1);
      });
    }
  }

  // ---- corrections: which record, which kind of fact ----

  function selectedKind() {
    return kindSelect.options[kindSelect.selectedIndex];
  }

  function showReplacement() {
    var option = selectedKind();
    var target = option.getAttribute('data-target');
    Array.prototype.forEach.call(form.querySelectorAll('.param-group'), function (group) {
      var on = group.getAttribute('data-targets').split(' ').indexOf(target) >= 0;
      group.hidden = !on;
      Array.prototype.forEach.call(group.querySelectorAll('select, input'), function (el) {
        el.disabled = !on;
      });
    });
    Array.prototype.forEach.call(form.querySelectorAll('[data-replacement-kind]'), function (fieldset) {
      var on = fieldset.getAttribute('data-replacement-kind') === option.value;
      fieldset.hidden = !on;
      fieldset.disabled = !on;
    });
  }

  // ---- the fact as JSON ----

  function setPath(target, path, value) {
    var tokens = [];
    path.replace(/([^.[\]]+)|\[(\d+)\]/g, function (match, key, index) {
      tokens.push(index !== undefined ? Number(index) : key);
      return match;
    });
    var node = target;
    for (var i = 0; i < tokens.length - 1; i++) {
      var token = tokens[i];
      if (node[token] === undefined || node[token] === null) {
        node[token] = typeof tokens[i + 1] === 'number' ? [] : {};
      }
      node = node[token];
    }
    node[tokens[tokens.length - 1]] = value;
  }

  function active(el) {
    return !el.matches(':disabled');
  }

  function collect() {
    var body = {};
    var params = {};
    // every row of a list is sent, an empty one as {}, so that the API's row numbers are the form's
    Array.prototype.forEach.call(form.querySelectorAll('[data-repeat]'), function (fieldset) {
      if (!active(fieldset)) {
        return;
      }
      var count = fieldset.querySelectorAll('.repeat-row').length;
      for (var i = 0; i < count; i++) {
        setPath(body, fieldset.getAttribute('data-repeat') + '[' + i + ']', {});
      }
    });
    Array.prototype.forEach.call(form.querySelectorAll('[data-path]'), function (el) {
      if (!active(el) || el.closest('template')) {
        return;
      }
      var type = el.getAttribute('data-type');
      var value;
      if (type === 'boolean') {
        value = el.checked;
      } else {
        var raw = el.value.trim();
        if (raw === '') {
          return;
        }
        if (type === 'number') {
          value = /^-?\d+$/.test(raw) ? Number(raw) : raw;
        } else if (type === 'lines') {
          value = raw.split(/\r?\n/).map(function (s) { return s.trim(); }).filter(Boolean);
        } else {
          value = raw;
        }
      }
      if (el.hasAttribute('data-param')) {
        params[el.getAttribute('data-param')] = value;
      } else {
        setPath(body, el.getAttribute('data-path'), value);
      }
    });
    var endpoint = form.getAttribute('data-endpoint');
    if (kindSelect) {
      var option = selectedKind();
      endpoint = option.getAttribute('data-endpoint');
      body.replacement = body.replacement || {};
      body.replacement.fact = option.getAttribute('data-replacement');
    }
    return { body: body, params: params, endpoint: endpoint };
  }

  // ---- errors ----

  function fieldError(el) {
    var group = el.matches('fieldset') ? el : null;
    return document.getElementById((group ? group.id : el.id) + '-error');
  }

  function clearErrors() {
    alertBox.hidden = true;
    alertBox.textContent = '';
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
      var describedBy = (el.getAttribute('aria-describedby') || '').split(' ')
        .filter(function (id) { return id && !/-error$/.test(id); });
      if (describedBy.length) {
        el.setAttribute('aria-describedby', describedBy.join(' '));
      } else {
        el.removeAttribute('aria-describedby');
      }
    });
    Array.prototype.forEach.call(form.querySelectorAll('.field-error'), function (p) {
      p.hidden = true;
      p.textContent = '';
    });
  }

  /** The input the API's field path names: the input itself, or the group it names, or the first input under it. */
  function findField(path) {
    if (!path) {
      return null;
    }
    var candidates = form.querySelectorAll('[data-path], [data-group]');
    var exact = null;
    var group = null;
    var under = null;
    Array.prototype.forEach.call(candidates, function (el) {
      if (!active(el) || el.closest('template')) {
        return;
      }
      var p = el.getAttribute('data-path');
      var g = el.getAttribute('data-group');
      if (p === path && !exact) {
        exact = el;
      } else if (g === path && !group) {
        group = el;
      } else if (p && !under && (p.indexOf(path + '.') === 0 || p.indexOf(path + '[') === 0)) {
        under = el;
      }
    });
    return exact || group || under;
  }

  function labelOf(el) {
    if (el.matches('fieldset')) {
      var legend = el.querySelector('legend');
      return legend ? legend.textContent.replace(' (required)', '').trim() : '';
    }
    var label = form.querySelector('label[for="' + el.id + '"]');
    return label ? label.textContent.replace(' (required)', '').trim() : '';
  }

  function markInvalid(el, message) {
    var error = fieldError(el);
    error.textContent = message;
    error.hidden = false;
    var input = el.matches('fieldset') ? el.querySelector('input, select, textarea') : el;
    var targets = el.matches('fieldset') ? [input] : [el];
    targets.forEach(function (t) {
      if (!t) {
        return;
      }
      t.setAttribute('aria-invalid', 'true');
      var describedBy = (t.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (describedBy.indexOf(error.id) < 0) {
        describedBy.push(error.id);
      }
      t.setAttribute('aria-describedby', describedBy.join(' '));
    });
    return input || el;
  }

  function showAlert(title, detail, field) {
    alertBox.textContent = '';
    var h = document.createElement('h3');
    h.className = 'alert-title';
    h.textContent = title;
    alertBox.appendChild(h);
    var p = document.createElement('p');
    p.textContent = detail;
    alertBox.appendChild(p);
    if (field) {
      var link = document.createElement('a');
      link.href = '#' + field.id;
      link.textContent = 'Go to the field: ' + labelOf(field.matches('fieldset') ? field : field);
      link.addEventListener('click', function (event) {
        event.preventDefault();
        field.focus();
      });
      alertBox.appendChild(link);
    }
    alertBox.hidden = false;
  }

  function showProblem(problem, status) {
    var detail = problem && problem.detail ? problem.detail : 'The registry answered with status ' + status + '.';
    var title = problem && problem.title ? 'Not recorded: ' + problem.title.toLowerCase() : 'Not recorded';
    var el = findField(problem && problem.field);
    if (el) {
      var input = markInvalid(el, detail);
      showAlert(title, detail, input);
      input.focus();
    } else {
      showAlert(title, detail, null);
      alertBox.focus();
    }
  }

  // ---- deadlines before and after ----

  function calendarUrl(params) {
    if (params.instrument) {
      return '/api/states/' + encodeURIComponent(state) + '/calendar?includeClosed=true&size=1000&instrument=' + encodeURIComponent(params.instrument);
    }
    if (params.body) {
      return '/api/states/' + encodeURIComponent(state) + '/competences?body=' + encodeURIComponent(params.body);
    }
    return null;
  }

  function snapshot(params) {
    var url = calendarUrl(params);
    if (!url) {
      return Promise.resolve(null);
    }
    return fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { return data ? data.items : null; })
      .catch(function () { return null; });
  }

  function due(item) {
    if (!item.due) {
      return 'No due date';
    }
    return item.due + ' (' + (PRECISION[item.duePrecision] || 'day') + ')';
  }

  function cell(row, text, header) {
    var c = document.createElement(header ? 'th' : 'td');
    if (header) {
      c.scope = header;
    }
    c.textContent = text;
    row.appendChild(c);
    return c;
  }

  function badge(status) {
    var span = document.createElement('span');
    span.className = 'status status-' + String(status || 'none').toLowerCase().replace(/_/g, '-');
    span.textContent = STATUS_WORDS[status] || status;
    return span;
  }

  function change(item, before) {
    if (before === null) {
      return '';
    }
    var old = before.filter(function (b) { return b.uid === item.uid; })[0];
    if (!old) {
      return 'New';
    }
    var changes = [];
    if (old.due !== item.due) {
      changes.push('Due date moved from ' + due(old));
    }
    if (old.status !== item.status) {
      changes.push('Was: ' + (STATUS_WORDS[old.status] || old.status));
    }
    return changes.length ? changes.join('; ') : 'Unchanged';
  }

  function showResult(answer, params, before, after) {
    result.textContent = '';
    var heading = document.createElement('h2');
    heading.id = 'result-title';
    heading.tabIndex = -1;
    heading.textContent = answer.result === 'ALREADY_RECORDED'
      ? 'Already recorded: this fact was in the registry, nothing changed'
      : 'Recorded';
    result.appendChild(heading);
    var p = document.createElement('p');
    p.textContent = 'Record: ' + answer.streamId + (answer.projected ? '' : ' (the calendar may take a moment to show it)');
    result.appendChild(p);

    if (after && params.instrument) {
      var title = document.createElement('h3');
      title.id = 'result-deadlines-title';
      title.textContent = 'Deadlines under ' + params.instrument + ' now';
      result.appendChild(title);
      if (!after.length) {
        var none = document.createElement('p');
        none.textContent = 'No reporting deadline under ' + params.instrument + ' (the obligation opens when a ratification with a known entry into force is recorded).';
        result.appendChild(none);
      } else {
        var wrap = document.createElement('div');
        wrap.className = 'table-scroll';
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-labelledby', 'result-deadlines-title');
        wrap.tabIndex = 0;
        var table = document.createElement('table');
        table.className = 'data';
        table.id = 'result-deadlines';
        var head = table.createTHead().insertRow();
        ['Item', 'Due date', 'Basis', 'Status', 'Change'].forEach(function (t) { cell(head, t, 'col'); });
        var tbody = table.createTBody();
        after.forEach(function (item) {
          var row = tbody.insertRow();
          row.setAttribute('data-uid', item.uid);
          cell(row, item.label + ' (' + item.itemId + ')', 'row');
          cell(row, due(item));
          cell(row, (item.basis || '') + (item.confirmed ? ' — confirmed' : ' — tentative'));
          cell(row, '').appendChild(badge(item.status));
          cell(row, change(item, before));
        });
        wrap.appendChild(table);
        result.appendChild(wrap);
      }
      var link = document.createElement('a');
      link.href = '/states/' + encodeURIComponent(state) + '/calendar?items=all&instrument=' + encodeURIComponent(params.instrument);
      link.textContent = 'Open the calendar for ' + params.instrument;
      result.appendChild(link);
    } else if (after && params.body) {
      var t = document.createElement('h3');
      t.textContent = 'Competence of ' + params.body + ' now';
      result.appendChild(t);
      var list = document.createElement('ul');
      after.forEach(function (c) {
        var li = document.createElement('li');
        li.textContent = (MECHANISMS[c.mechanism] || c.mechanism) + ': ' + c.status.toLowerCase().replace(/_/g, ' ')
          + (c.effectiveFrom ? ' from ' + c.effectiveFrom : '') + ' (' + c.basis + ')';
        list.appendChild(li);
      });
      result.appendChild(list);
    }
    heading.focus();
  }

  // ---- submit ----

  function submit(event) {
    event.preventDefault();
    clearErrors();
    result.textContent = '';
    var fact = collect();
    var missing = null;
    var url = fact.endpoint.replace('{state}', encodeURIComponent(state)).replace(/\{(\w+)\}/g, function (m, name) {
      if (fact.params[name] === undefined) {
        missing = missing || name;
        return m;
      }
      return encodeURIComponent(fact.params[name]);
    });
    if (missing) {
      var el = findField(missing);
      var label = el ? labelOf(el).toLowerCase() : missing;
      showProblem({ title: 'Missing field', detail: 'Choose the ' + label + '.', field: missing }, 400);
      return;
    }
    submitButton.disabled = true;
    submitButton.setAttribute('aria-busy', 'true');
    var before;
    snapshot(fact.params)
      .then(function (items) {
        before = items;
        return fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json',
                     'X-XSRF-TOKEN': csrfHeader() },
          body: JSON.stringify(fact.body)
        });
      })
      .then(function (response) {
        return response.text().then(function (text) {
          var data = null;
          try {
            data = text ? JSON.parse(text) : null;
          } catch (e) {
            data = null;
          }
          if (!response.ok) {
            showProblem(data, response.status);
            return null;
          }
          return snapshot(fact.params).then(function (after) {
            showResult(data, fact.params, before, after);
          });
        });
      })
      .catch(function (error) {
        showProblem({ title: 'Registry unreachable', detail: 'The registry could not be reached: ' + error.message }, 0);
      })
      .then(function () {
        submitButton.disabled = false;
        submitButton.removeAttribute('aria-busy');
      });
  }
}());
