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

  function showQueues(queues) {
    Object.keys(queues).forEach(function (group) {
      setText('.relais-waiting', group, queues[group].waiting);
      setText('.relais-callbacks', group, queues[group].callbacks);
    });
  }

  function setText(selector, group, value) {
    document.querySelectorAll(selector).forEach(function (el) {
      if (el.getAttribute('data-group') === group) {
        el.textContent = value;
      }
    });
  }

  /* Each teammate's entries (one per group it shares), shown only while available unless asked. */
  function showAgents(agents) {
    var team = document.querySelector('[data-labels]');
    if (!team) {
      return;
    }
    var labels = JSON.parse(team.getAttribute('data-labels'));
    var absentShown = document.getElementById('desk:showAbsent_input');
    team.querySelectorAll('li.relais-member').forEach(function (li) {
      var state = agents[li.getAttribute('data-login')];
      if (!state) {
        return;
      }
      li.className = li.className.replace(/\bis-[A-Z_]+/, 'is-' + state.availability);
      li.querySelector('.relais-member-availability').textContent =
          labels['availability.' + state.availability];
      li.querySelector('.relais-member-activity').textContent =
          state.activity ? labels['activity.' + state.activity] : '';
      li.style.display = state.availability === 'AVAILABLE' || (absentShown && absentShown.checked)
          ? '' : 'none';
    });
  }

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
