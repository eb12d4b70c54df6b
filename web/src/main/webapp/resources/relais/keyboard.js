/* Relais banner by keyboard: F2 answers, F4 hangs up, F8 switches availability (the page lists
   them). Function keys, unlike letters, mean the same in every language and type nothing into the
   field that has the focus. The qualification pop-up takes the focus when it opens. */
(function () {
  var KEYS = {
    F2: ['desk:answer'],
    F4: ['desk:hangup'],
    F8: ['desk:available', 'desk:unavailable']
  };

  document.addEventListener('keydown', function (event) {
    var ids = KEYS[event.key];
    if (!ids || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    for (var i = 0; i < ids.length; i++) {
      var button = document.getElementById(ids[i]);
      if (button && !button.disabled) {
        event.preventDefault();
        button.click();
        return;
      }
    }
  });

  new MutationObserver(function () {
    var modal = document.getElementById('qualificationModal');
    if (modal && !modal.contains(document.activeElement)) {
      var first = modal.querySelector('button, a[href], input');
      if (first) {
        first.focus();
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
