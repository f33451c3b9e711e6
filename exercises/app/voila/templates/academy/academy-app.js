/* The challenge workbook app: nothing typed is lost without a warning.

   - Leaving or reloading the page with unsaved answers asks first (the browser's own question).
   - A form has unsaved answers when its "Unsaved changes" sign shows (set by the kernel), or when
     something was typed in it since it was last shown as saved (so typing while the connection
     is lost still counts).
   - The connection to the server is checked every 2 seconds (a small request to this server
     only). When it is lost, a notice says so in plain words, and offers everything typed on
     the page as text to copy. A Save pressed then says at once that nothing was saved.
   - Answers not yet saved are also kept in this browser (localStorage) and offered again if
     the page is reloaded.
   Written without "curly brace pairs" so that Jinja includes it as it is. */
(function () {
  'use strict';
  var POLL_MS = 2000;
  var TIMEOUT_MS = 2500;
  var NO_REPLY_MS = 12000;
  var STORE_KEY = 'academy-unsaved:' + location.pathname;
  var state = 'online';
  var lostAt = null;
  var leftover = null;

  try {
    leftover = JSON.parse(window.localStorage.getItem(STORE_KEY) || 'null');
  } catch (error) {
    leftover = null;
  }

  function clock(moment) {
    var date = new Date(moment);
    return String(date.getHours()).padStart(2, '0') + ':' + String(date.getMinutes()).padStart(2, '0');
  }

  function forms() {
    return Array.prototype.slice.call(document.querySelectorAll('.academy-plan-form'));
  }

  function isDirty(form) {
    if (form.querySelector('.academy-unsaved')) {
      return true;
    }
    return Number(form.dataset.academyTyped || 0) > Number(form.dataset.academySaved || 0);
  }

  function anyDirty() {
    return forms().some(isDirty);
  }

  function labelFor(field) {
    var box = field.parentElement;
    var label = box && box.querySelector('label');
    var text = label && label.textContent.trim();
    return text || field.getAttribute('placeholder') || 'Answer';
  }

  function typedText(onlyUnsaved) {
    var parts = [];
    forms().forEach(function (form) {
      if (onlyUnsaved && !isDirty(form)) {
        return;
      }
      var title = form.querySelector('.academy-form-title');
      var lines = [];
      form.querySelectorAll('input[type=text], textarea, select, input[type=date]').forEach(function (field) {
        var value = field.tagName === 'SELECT' ? (field.options[field.selectedIndex] || field).text : field.value;
        if (value && String(value).trim()) {
          lines.push(labelFor(field) + ': ' + value);
        }
      });
      if (lines.length) {
        parts.push('== ' + (title ? title.textContent : 'Form') + ' ==\n' + lines.join('\n'));
      }
    });
    return parts.join('\n\n');
  }

  var rememberTimer = null;
  function remember() {
    window.clearTimeout(rememberTimer);
    rememberTimer = window.setTimeout(function () {
      try {
        if (anyDirty()) {
          window.localStorage.setItem(STORE_KEY, JSON.stringify({ when: Date.now(), text: typedText(true) }));
        } else {
          window.localStorage.removeItem(STORE_KEY);
        }
      } catch (error) {
        /* private browsing: nothing to keep */
      }
    }, 400);
  }

  function onEdit(event) {
    var form = event.target && event.target.closest && event.target.closest('.academy-plan-form');
    if (form) {
      form.dataset.academyTyped = String(Date.now());
      remember();
    }
  }
  document.addEventListener('input', onEdit, true);
  document.addEventListener('change', onEdit, true);

  /* A form shown as saved by the kernel ("No unsaved changes") counts as saved from now. */
  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) {
          return;
        }
        var saved = node.matches('.academy-all-saved') ? node : node.querySelector('.academy-all-saved');
        var form = saved && saved.closest('.academy-plan-form');
        if (form) {
          form.dataset.academySaved = String(Date.now() + 1);
          remember();
        }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  /* Voilà's own handler for leaving (registered after this one) shuts the kernel down at once,
     even when the person then chooses to stay: the page could no longer save. So while answers
     are unsaved, this handler asks first and keeps Voilà's from running; the kernel is shut
     down only when the page is really left (pagehide). */
  var heldBack = false;
  window.addEventListener('beforeunload', function (event) {
    if (!anyDirty()) {
      heldBack = false;
      return undefined;
    }
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify({ when: Date.now(), text: typedText(true) }));
    } catch (error) {
      /* nothing to keep */
    }
    heldBack = true;
    event.stopImmediatePropagation();
    event.preventDefault();
    event.returnValue = 'Some answers are not saved yet. Leave the page anyway?';
    return event.returnValue;
  });

  window.addEventListener('pagehide', function () {
    var settings = config();
    if (!heldBack || !settings.kernelId) {
      return;
    }
    var form = new FormData();
    var xsrf = document.cookie.match('\\b_xsrf=([^;]*)\\b');
    form.append('_xsrf', (xsrf && xsrf[1]) || '');
    window.navigator.sendBeacon((settings.baseUrl || '/') + 'voila/api/shutdown/' + settings.kernelId, form);
  });

  /* --- the notice at the foot of the page ------------------------------------------------ */

  function notice() {
    var box = document.getElementById('academy-connection');
    if (!box) {
      box = document.createElement('div');
      box.id = 'academy-connection';
      box.setAttribute('role', 'alert');
      box.hidden = true;
      document.body.appendChild(box);
    }
    return box;
  }

  function show(message, good, withText, text) {
    var box = notice();
    box.className = good ? 'academy-back' : '';
    box.textContent = '';
    var words = document.createElement('p');
    var strong = document.createElement('strong');
    strong.textContent = message;
    words.appendChild(strong);
    box.appendChild(words);
    if (withText) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Show what you typed, to copy it';
      var area = document.createElement('textarea');
      area.readOnly = true;
      area.hidden = true;
      area.setAttribute('aria-label', 'Everything typed on this page');
      button.addEventListener('click', function () {
        area.value = text || typedText(false) || '(nothing has been typed on this page)';
        area.hidden = false;
        area.focus();
        area.select();
      });
      box.appendChild(button);
      box.appendChild(area);
    }
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Hide this message';
    close.addEventListener('click', function () {
      box.hidden = true;
      reserveRoom();
    });
    box.appendChild(close);
    box.hidden = false;
    reserveRoom();
  }

  /* The notice is fixed to the foot of the window. While it shows, the page keeps that much
     room below its last button, and scrolls a focused field clear of it (WCAG 2.4.11). */
  var roomKeptIn = null;

  function scroller() {
    // The page may scroll inside a container (Voilà's layout) rather than the document.
    var element = document.querySelector('.academy-plan-form');
    for (; element && element !== document.body; element = element.parentElement) {
      if (/(auto|scroll)/.test(getComputedStyle(element).overflowY) && element.scrollHeight > element.clientHeight) {
        return element;
      }
    }
    return document.body;
  }

  function reserveRoom() {
    var box = document.getElementById('academy-connection');
    var room = box && !box.hidden ? box.offsetHeight + 'px' : '';
    if (roomKeptIn) {
      roomKeptIn.style.paddingBottom = '';
      roomKeptIn.style.scrollPaddingBottom = '';
      document.documentElement.style.scrollPaddingBottom = '';
    }
    roomKeptIn = room ? scroller() : null;
    if (roomKeptIn) {
      roomKeptIn.style.paddingBottom = room;
      roomKeptIn.style.scrollPaddingBottom = room;
      document.documentElement.style.scrollPaddingBottom = room;
    }
  }
  window.addEventListener('resize', reserveRoom);

  function reason() {
    if (state === 'gone') {
      return 'The server was restarted, so this page can no longer save. What you typed is still on this page: ' +
        'select "Show what you typed", copy it, then reload the page and put it back in the forms.';
    }
    return 'The connection to the server was lost' + (lostAt ? ' at ' + clock(lostAt) : '') + '. Nothing can be ' +
      'saved until it comes back. What you typed is still on this page: keep the page open, and save again ' +
      'when the connection is back, or copy your text out.';
  }

  function setState(next) {
    if (next === state) {
      return;
    }
    var was = state;
    state = next;
    if (next === 'online') {
      lostAt = null;
      if (was === 'offline') {
        show('The connection to the server is back. Select "Save everything" to save any unsaved changes.', true);
      }
      return;
    }
    if (!lostAt) {
      lostAt = Date.now();
    }
    show(reason(), false, true);
  }

  function config() {
    var element = document.getElementById('jupyter-config-data');
    try {
      return element ? JSON.parse(element.textContent) : {};
    } catch (error) {
      return {};
    }
  }

  function check() {
    var settings = config();
    if (!settings.kernelId) {
      return Promise.resolve(state === 'online');
    }
    var url = (settings.baseUrl || '/') + 'api/kernels/' + settings.kernelId + '?t=' + Date.now();
    var control = new AbortController();
    var timer = window.setTimeout(function () {
      control.abort();
    }, TIMEOUT_MS);
    return fetch(url, { cache: 'no-store', credentials: 'same-origin', signal: control.signal }).then(
      function (response) {
        window.clearTimeout(timer);
        setState(response.status === 404 ? 'gone' : 'online');
        return state === 'online';
      },
      function () {
        window.clearTimeout(timer);
        setState('offline');
        return false;
      }
    );
  }

  window.setInterval(check, POLL_MS);

  /* --- a Save pressed: say at once if it cannot reach the server, or if no reply comes ---- */

  function sayUnder(scope, message) {
    var old = scope.querySelector(':scope > .academy-offline-note');
    if (old) {
      old.remove();
    }
    if (!message) {
      return;
    }
    var note = document.createElement('div');
    note.className = 'academy-offline-note';
    note.setAttribute('role', 'alert');
    note.textContent = message;
    scope.appendChild(note);
  }

  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest && event.target.closest('.academy-save');
    if (!button) {
      return;
    }
    var scope = button.closest('.academy-plan-form') || button.closest('.academy-save-bar') || document.body;
    var status = scope.querySelector('.academy-save-status');
    var before = status ? status.innerHTML : '';
    sayUnder(scope, '');
    check().then(function (online) {
      if (!online) {
        sayUnder(scope, '\u2717 Not saved. ' + reason());
        show('\u2717 Not saved. ' + reason(), false, true);
      }
    });
    window.setTimeout(function () {
      if (state === 'online' && status && status.innerHTML === before) {
        sayUnder(scope, '\u2717 No reply from the server after ' + NO_REPLY_MS / 1000 + ' seconds, so this may not ' +
          'have been saved. Your answers are still here: wait a moment and save again.');
      }
    }, NO_REPLY_MS);
  }, true);

  window.academyApp = { anyDirty: anyDirty, typedText: typedText, check: check };

  /* --- text kept from an earlier visit -------------------------------------------------- */

  if (leftover && leftover.text) {
    var waited = 0;
    var offer = window.setInterval(function () {
      waited += 500;
      if (forms().length || waited > 120000) {
        window.clearInterval(offer);
        show('Text typed on this page at ' + clock(leftover.when) + ' was not saved. It is kept in this browser: ' +
          'select "Show what you typed" to copy it back into the forms.', false, true, leftover.text);
      }
    }, 500);
  }
})();
