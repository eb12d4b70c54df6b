/* Relais banner: a module's title folds it away and opens it again, and the server remembers the
   choice for the agent (rememberModule, a remote command of the page); Détacher opens the lines or
   the cards in a window of their own, the banner reduced to that module. */
(function () {
  document.addEventListener('click', function (event) {
    var toggle = event.target.closest('.relais-module-toggle');
    if (toggle) {
      var collapsed = toggle.closest('.relais-module').classList.toggle('is-collapsed');
      toggle.setAttribute('aria-expanded', String(!collapsed));
      if (window.rememberModule) {
        window.rememberModule([
          {name: 'module', value: toggle.getAttribute('data-module')},
          {name: 'collapsed', value: String(collapsed)}
        ]);
      }
      return;
    }
    var detach = event.target.closest('.relais-module-detach');
    // A browser that opens no pop-up follows the link into a tab instead.
    if (detach && window.open(detach.href, detach.target, 'popup,width=480,height=720')) {
      event.preventDefault();
    }
  });
})();
