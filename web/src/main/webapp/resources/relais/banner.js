/*
 * The banner's live behaviour: the desk channel's data applied to the page, and countdowns and line
 * timers between pushes.
 */
var relais = window.relais || {};

(function () {
  var pending = null;
  var opened = false;

  /*
   * A message is either 'yours' (the agent's own state changed: its desk is read again on the
   * server, a burst of changes becoming one request 100 ms later) or data, applied here without a
   * request: other agents' states (agents), the groups' counts (queues), the agent's statistics,
   * and the calls that changed (calls), of which only a consult call among the agent's lines makes
   * it read its desk again.
   */
  relais.deskMessage = function (message) {
    if (message === 'yours') {
      refreshDesk();
      return;
    }
    if (message.queues) {
      showQueues(message.queues);
    }
    if (message.agents) {
      showAgents(message.agents);
    }
    if (message.statistics) {
      showStatistics(message.statistics);
    }
    if (message.calls && message.calls.some(isOwnLine)) {
      refreshDesk();
    }
  };

  /*
   * The server sends an opened socket a snapshot. A socket that opens again after a drop may also
   * have missed the agent's own changes: its desk is read again too.
   */
  relais.deskOpened = function () {
    if (opened) {
      refreshDesk();
    }
    opened = true;
  };

  function refreshDesk() {
    if (pending) {
      return;
    }
    pending = setTimeout(function () {
      pending = null;
      if (window.refreshDesk) {
        window.refreshDesk();
      }
    }, 100);
  }

  /*
   * The latest pushed data, kept so that a part the server re-renders meanwhile (the agent's own
   * request, read before the push came) shows it again: a teammate's state where it is newer than
   * the rendered one (data-since), a count where it came while the request ran.
   */
  var teammates = {};
  var counts = {};

  function showQueues(queues) {
    var now = Date.now();
    Object.keys(queues).forEach(function (group) {
      counts[group] = {waiting: queues[group].waiting, callbacks: queues[group].callbacks, at: now};
      showCounts(group);
    });
  }

  function showCounts(group) {
    setText('.relais-waiting', group, counts[group].waiting);
    setText('.relais-callbacks', group, counts[group].callbacks);
  }

  function setText(selector, group, value) {
    document.querySelectorAll(selector).forEach(function (el) {
      if (el.getAttribute('data-group') === group) {
        el.textContent = value;
      }
    });
  }

  function showAgents(agents) {
    Object.keys(agents).forEach(function (login) {
      var known = teammates[login];
      if (!known || (agents[login].since || 0) >= (known.since || 0)) {
        teammates[login] = agents[login];
      }
    });
    showTeam();
  }

  /* Each teammate's entries (one per group it shares), shown only while available unless asked. */
  function showTeam() {
    var team = document.querySelector('[data-labels]');
    if (!team) {
      return;
    }
    var labels = JSON.parse(team.getAttribute('data-labels'));
    var absentShown = document.getElementById('desk:showAbsent_input');
    team.querySelectorAll('li.relais-member').forEach(function (li) {
      var state = teammates[li.getAttribute('data-login')];
      if (!state || (state.since || 0) < parseInt(li.getAttribute('data-since') || '0', 10)) {
        return;
      }
      li.setAttribute('data-since', state.since || 0);
      li.className = li.className.replace(/\bis-[A-Z_]+/, 'is-' + state.availability);
      li.querySelector('.relais-member-availability').textContent =
          labels['availability.' + state.availability];
      li.querySelector('.relais-member-activity').textContent =
          state.activity ? labels['activity.' + state.activity] : '';
      li.style.display = state.availability === 'AVAILABLE' || (absentShown && absentShown.checked)
          ? '' : 'none';
    });
  }

  /*
   * Once the server's answer to any of the page's requests is in the page (its 'loadend' comes
   * after the handler that renders it), the pushed data newer than what it rendered shows again.
   */
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function () {
    var sent = Date.now();
    this.addEventListener('loadend', function () {
      showTeam();
      Object.keys(counts).forEach(function (group) {
        if (counts[group].at >= sent) {
          showCounts(group);
        }
      });
    });
    return send.apply(this, arguments);
  };

  function showStatistics(statistics) {
    document.querySelectorAll('.relais-figure[data-period][data-figure]').forEach(function (el) {
      var figures = statistics[el.getAttribute('data-period')];
      var value = figures && figures[el.getAttribute('data-figure')];
      if (value !== undefined) {
        el.textContent = value;
      }
    });
  }

  function isOwnLine(callId) {
    return document.querySelector('[data-line="' + callId + '"]') !== null;
  }

  /* A number shown anywhere in the banner (history, directory, card) dials through click-to-dial. */
  document.addEventListener('click', function (event) {
    var link = event.target.closest('.relais-dial-number');
    var input = document.getElementById('desk:dialNumber');
    var call = document.getElementById('desk:dialCall');
    if (!link || !input || !call) {
      return;
    }
    event.preventDefault();
    input.value = link.getAttribute('data-number');
    call.click();
  });

  setInterval(function () {
    document.querySelectorAll('[data-seconds-left]').forEach(function (el) {
      var left = Math.max(0, parseInt(el.getAttribute('data-seconds-left'), 10) - 1);
      el.setAttribute('data-seconds-left', left);
      el.textContent = left;
    });
    document.querySelectorAll('[data-elapsed]').forEach(showElapsed);
  }, 1000);

  /* A line's timer (SPEC B12) counts on from the seconds the server gave, as mm:ss. */
  function showElapsed(el) {
    var seconds = parseInt(el.getAttribute('data-elapsed'), 10) + 1;
    var minutes = Math.floor(seconds / 60);
    el.setAttribute('data-elapsed', seconds);
    el.textContent = (minutes < 10 ? '0' : '') + minutes + ':' + (seconds % 60 < 10 ? '0' : '')
        + (seconds % 60);
  }
})();
