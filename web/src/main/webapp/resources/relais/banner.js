/* The banner's live behaviour: resync on push, and countdowns and line timers between pushes. */
var relais = window.relais || {};

(function () {
  var pending = null;
  var due = 0;
  var whole = false;

  /*
   * A refresh re-renders the banner on the server, so changes are merged: the agent's own show
   * after 100 ms (a burst becomes one refresh of the whole desk), the team's and the queues'
   * ('changed') within a second, however many came meanwhile, by a refresh of those parts alone.
   * A waiting refresh that comes as soon and reads as much covers a new change; otherwise the two
   * become one, as soon as the sooner and as wide as the wider. An opened socket resyncs at once.
   */
  relais.deskChanged = function (message) {
    var shared = message === 'changed';
    var at = Date.now() + (shared ? 800 : 100);
    if (pending) {
      if (at >= due && (whole || shared)) {
        return;
      }
      clearTimeout(pending);
      at = Math.min(at, due);
    }
    due = at;
    whole = whole || !shared;
    pending = setTimeout(function () {
      var refresh = whole ? window.refreshDesk : window.refreshShared;
      pending = null;
      whole = false;
      if (refresh) {
        refresh();
      }
    }, Math.max(0, at - Date.now()));
  };

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
