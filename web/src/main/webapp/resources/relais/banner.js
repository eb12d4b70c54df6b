/* The banner's live behaviour: resync on push, and countdowns between pushes. */
var relais = window.relais || {};

(function () {
  var pending = null;
  var due = 0;

  /*
   * A refresh re-renders the banner on the server, so changes are merged: the agent's own show
   * after 100 ms (a burst becomes one refresh), the team's and the queues' ('changed') within a
   * second, however many came meanwhile. An opened socket resyncs at once.
   */
  relais.deskChanged = function (message) {
    var delay = message === 'changed' ? 800 : 100;
    var at = Date.now() + delay;
    if (pending) {
      if (at >= due) {
        return;
      }
      clearTimeout(pending);
    }
    due = at;
    pending = setTimeout(function () {
      pending = null;
      if (window.refreshDesk) {
        refreshDesk();
      }
    }, delay);
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
  }, 1000);
})();
