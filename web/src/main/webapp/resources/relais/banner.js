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

  setInterval(function () {
    document.querySelectorAll('[data-seconds-left]').forEach(function (el) {
      var left = Math.max(0, parseInt(el.getAttribute('data-seconds-left'), 10) - 1);
      el.setAttribute('data-seconds-left', left);
      el.textContent = left;
    });
  }, 1000);
})();
