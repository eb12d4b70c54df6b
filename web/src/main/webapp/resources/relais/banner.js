/* The banner's live behaviour: resync on push, and countdowns between pushes. */
var relais = window.relais || {};

(function () {
  var pending = null;

  /* Bursts of events (a call offered changes several rows) become one refresh. */
  relais.deskChanged = function () {
    if (pending) {
      return;
    }
    pending = setTimeout(function () {
      pending = null;
      if (window.refreshDesk) {
        refreshDesk();
      }
    }, 100);
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
