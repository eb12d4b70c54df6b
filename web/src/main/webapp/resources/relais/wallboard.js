/*
 * The wallboard's live behaviour (SPEC E5): its socket brings the whole board at each change (at
 * most twice a second); this shows it, counts the durations on between messages, sorts and filters
 * the agents, and keeps the socket open: a socket that drops (a server restart) comes back by
 * itself with the pass of its last message, and is up to date with the first message after.
 */
(function () {
  var root = document.getElementById('wallboard');
  if (!root) {
    return;
  }
  var labels = JSON.parse(root.getAttribute('data-labels'));
  var pass = root.getAttribute('data-pass');
  var board = null;
  var skew = 0;
  var curveShown = true;
  var sortKey = 'name';
  var sortDown = false;
  var retries = 0;
  var filter = document.getElementById('groupFilter');
  var status = document.getElementById('wallStatus');

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket = new WebSocket(scheme + location.host + root.getAttribute('data-socket'));
    socket.onopen = function () {
      socket.send(pass);
    };
    socket.onmessage = function (event) {
      retries = 0;
      status.textContent = '';
      root.classList.remove('is-offline');
      board = JSON.parse(event.data);
      pass = board.pass;
      skew = board.at - Date.now();
      curveShown = false;
      show();
    };
    socket.onclose = function (event) {
      if (event.code === 1008) {
        // The pass no longer lets this page in: the page itself decides (login, or a new pass).
        location.reload();
        return;
      }
      root.classList.add('is-offline');
      root.setAttribute('data-closed', event.code);
      status.textContent = labels['wallboard.reconnecting'];
      retries++;
      setTimeout(connect, Math.min(10000, 500 * retries));
    };
  }

  function serverNow() {
    return Date.now() + skew;
  }

  function duration(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return (h > 0 ? h + ':' : '') + (m < 10 && h > 0 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
  }

  function percent(share) {
    return Math.round(share * 100) + ' %';
  }

  function set(parent, selector, text, signal) {
    var el = parent.querySelector(selector);
    el.textContent = text;
    if (signal) {
      el.className = 'relais-signal is-' + signal;
    }
    return el;
  }

  function show() {
    showFilter();
    showGroups();
    showAgents();
    showCurve();
    tick();
  }

  function showFilter() {
    var chosen = filter.value;
    var names = board.groups.map(function (g) { return g.name; });
    var current = Array.prototype.slice.call(filter.options, 1).map(function (o) { return o.value; });
    if (names.join('\n') !== current.join('\n')) {
      while (filter.options.length > 1) {
        filter.remove(1);
      }
      names.forEach(function (name) {
        filter.add(new Option(name, name));
      });
      filter.value = names.indexOf(chosen) >= 0 ? chosen : '';
    }
  }

  function showGroups() {
    var section = document.getElementById('groups');
    var template = document.getElementById('groupCard');
    var cards = document.createDocumentFragment();
    board.groups.forEach(function (g) {
      var card = template.content.firstElementChild.cloneNode(true);
      card.setAttribute('data-group', g.name);
      set(card, '[data-figure=name]', g.name);
      set(card, '[data-figure=waiting]', g.waiting);
      var longest = set(card, '[data-figure=longestWait]', duration(g.longestWait), g.signals.longestWait);
      if (g.waiting > 0) {
        longest.setAttribute('data-wait-from', board.at - g.longestWait * 1000);
      }
      ['available', 'busy', 'wrapUp', 'unavailable', 'connected'].forEach(function (k) {
        set(card, '[data-figure=' + k + ']', g.agents[k]);
      });
      ['offered', 'answered', 'abandoned'].forEach(function (k) {
        set(card, '[data-figure=' + k + ']', g.today[k]);
      });
      set(card, '[data-figure=serviceLevel]', percent(g.today.serviceLevel), g.signals.serviceLevel);
      set(card, '[data-figure=abandonRate]', percent(g.today.abandonRate), g.signals.abandonRate);
      set(card, '[data-figure=averageWait]', duration(g.today.averageWait), g.signals.averageWait);
      set(card, '[data-figure=averageHandle]', duration(g.today.averageHandle));
      cards.appendChild(card);
    });
    section.replaceChildren(cards);
  }

  function stateOf(a) {
    return a.availability === 'DISCONNECTED' || !a.activity || a.activity === 'IDLE'
        ? labels['availability.' + a.availability]
        : labels['activity.' + a.activity];
  }

  function sortValue(a, key) {
    switch (key) {
      case 'state': return stateOf(a);
      case 'since': return a.since === null ? Infinity : a.since;
      case 'call': return a.call ? a.call.since : Infinity;
      case 'answered': case 'missed': case 'handle': return a.today[key];
      default: return a.name.toLowerCase();
    }
  }

  function showAgents() {
    var body = document.querySelector('#agents tbody');
    var template = document.getElementById('agentRow');
    var rows = document.createDocumentFragment();
    board.agents
        .filter(function (a) { return !filter.value || a.groups.indexOf(filter.value) >= 0; })
        .sort(function (x, y) {
          var a = sortValue(x, sortKey);
          var b = sortValue(y, sortKey);
          var order = a < b ? -1 : a > b ? 1 : x.login < y.login ? -1 : 1;
          return sortDown ? -order : order;
        })
        .forEach(function (a) {
          var row = template.content.firstElementChild.cloneNode(true);
          row.setAttribute('data-agent', a.login);
          row.className = 'is-' + a.availability + (a.activity ? ' is-' + a.activity : '');
          set(row, '[data-field=name]', a.name);
          set(row, '[data-field=state]', stateOf(a));
          var since = set(row, '[data-field=since]', '');
          if (a.since !== null) {
            since.setAttribute('data-since', a.since);
          }
          var call = set(row, '[data-field=call]', '');
          if (a.call) {
            var number = document.createElement('span');
            number.textContent = a.call.number + ' · ' + a.call.group + ' · ';
            var elapsed = document.createElement('span');
            elapsed.setAttribute('data-since', a.call.since);
            call.append(number, elapsed);
          }
          set(row, '[data-field=answered]', a.today.answered);
          set(row, '[data-field=missed]', a.today.missed);
          set(row, '[data-field=handle]', duration(a.today.handle));
          var groups = row.querySelector('[data-field=groups]');
          a.groups.forEach(function (name) {
            var toggle = document.createElement('button');
            toggle.type = 'button';
            toggle.className = 'relais-wall-group';
            toggle.textContent = name;
            toggle.title = labels['wallboard.takesCalls'];
            toggle.setAttribute('data-login', a.login);
            toggle.setAttribute('data-toggle-group', name);
            toggle.setAttribute('aria-pressed', String(a.inbound.indexOf(name) >= 0));
            groups.appendChild(toggle);
          });
          row.querySelectorAll('[data-action]').forEach(function (button) {
            button.disabled = a.availability === 'DISCONNECTED'
                || (button.getAttribute('data-action') === 'forceUnavailable' && a.availability !== 'AVAILABLE');
            button.setAttribute('data-login', a.login);
          });
          rows.appendChild(row);
        });
    body.replaceChildren(rows);
  }

  /* The charts are PrimeFaces widgets that draw once visible: the curve waits for them. */
  function showCurve() {
    if (curveShown || !board) {
      return;
    }
    var calls = window.PF && PF('callsChart');
    var service = window.PF && PF('serviceChart');
    if (!calls || !calls.chart || !service || !service.chart) {
      return;
    }
    var c = board.curve;
    calls.chart.data.labels = c.labels;
    calls.chart.data.datasets[0].data = c.offered;
    calls.chart.data.datasets[1].data = c.answered;
    calls.chart.data.datasets[2].data = c.abandoned;
    calls.chart.update('none');
    service.chart.data.labels = c.labels;
    service.chart.data.datasets[0].data = c.serviceLevel;
    service.chart.update('none');
    curveShown = true;
  }

  function tick() {
    var now = serverNow();
    root.querySelectorAll('[data-since]').forEach(function (el) {
      el.textContent = duration((now - parseInt(el.getAttribute('data-since'), 10)) / 1000);
    });
    root.querySelectorAll('[data-wait-from]').forEach(function (el) {
      el.textContent = duration((now - parseInt(el.getAttribute('data-wait-from'), 10)) / 1000);
    });
    showCurve();
  }

  document.querySelectorAll('#agents th[data-sort]').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      sortDown = key === sortKey ? !sortDown : false;
      sortKey = key;
      document.querySelectorAll('#agents th[data-sort]').forEach(function (other) {
        other.removeAttribute('aria-sort');
      });
      th.setAttribute('aria-sort', sortDown ? 'descending' : 'ascending');
      if (board) {
        showAgents();
        tick();
      }
    });
  });

  filter.addEventListener('change', function () {
    if (board) {
      showAgents();
      tick();
    }
  });

  document.getElementById('agents').addEventListener('click', function (event) {
    var toggle = event.target.closest('button[data-toggle-group]');
    if (toggle) {
      /* The pushed board shows the change once the engine has made it. */
      window.wallboardChangeGroup([
        {name: 'login', value: toggle.getAttribute('data-login')},
        {name: 'group', value: toggle.getAttribute('data-toggle-group')},
        {name: 'inbound', value: String(toggle.getAttribute('aria-pressed') !== 'true')}
      ]);
      return;
    }
    var button = event.target.closest('button[data-action]');
    if (!button) {
      return;
    }
    var act = button.getAttribute('data-action') === 'disconnect'
        ? window.wallboardDisconnect : window.wallboardForceUnavailable;
    act([{name: 'login', value: button.getAttribute('data-login')}]);
  });

  /* Full screen for a wall display: the board alone; ?wall=1 opens the page so. */
  function wallMode(on) {
    document.body.classList.toggle('relais-wall', on);
    if (on && document.documentElement.requestFullscreen && !document.fullscreenElement) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  }
  document.getElementById('wallMode').addEventListener('click', function () {
    wallMode(!document.body.classList.contains('relais-wall'));
  });
  document.addEventListener('fullscreenchange', function () {
    if (!document.fullscreenElement && !/[?&]wall=1/.test(location.search)) {
      document.body.classList.remove('relais-wall');
    }
  });
  if (/[?&]wall=1/.test(location.search)) {
    wallMode(true);
  }

  setInterval(tick, 1000);
  connect();
})();
