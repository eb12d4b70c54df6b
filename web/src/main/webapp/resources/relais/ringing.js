/* Relais banner: a ringing phone is noticed with the tab in the background. Once the agent
   switches the alerts on (a click, which browsers ask before they let a page notify or sound), a
   call that rings while the tab is hidden shows a desktop notification, and every ring sounds a
   short tone made with Web Audio. The choice is kept in this browser, as its permission is. */
(function () {
  var STORE = 'relais.ringingAlerts';
  var audio = null;
  var notice = null;
  var ringingFor = null;

  function on() {
    return window.localStorage.getItem(STORE) === 'on';
  }

  function showState(button) {
    button.setAttribute('aria-pressed', String(on()));
    button.textContent = button.getAttribute(on() ? 'data-on' : 'data-off');
  }

  /* Browsers start sound only after a gesture of the user in the page. */
  function wakeAudio() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!on() || !Context) {
      return;
    }
    audio = audio || new Context();
    if (audio.state === 'suspended') {
      audio.resume();
    }
  }

  /* Two short beeps, as a desk phone rings. */
  function tone() {
    if (!audio || audio.state !== 'running') {
      return;
    }
    [0, 0.4].forEach(function (at) {
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      var start = audio.currentTime + at;
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.3);
    });
  }

  function notify(text) {
    var Notice = window.Notification;
    var button = document.getElementById('ringingAlerts');
    if (!Notice || Notice.permission !== 'granted' || document.visibilityState !== 'hidden') {
      return;
    }
    notice = new Notice(button.getAttribute('data-title'), {body: text, tag: 'relais-ringing'});
    notice.onclick = function () {
      window.focus();
      notice.close();
    };
  }

  function ringingChanged() {
    var ringing = document.getElementById('ringing');
    var now = ringing ? ringing.textContent.trim() : null;
    if (now === ringingFor) {
      return;
    }
    ringingFor = now;
    if (notice) {
      notice.close();
      notice = null;
    }
    if (now && on()) {
      notify(now);
      tone();
    }
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('#ringingAlerts');
    if (button) {
      window.localStorage.setItem(STORE, on() ? 'off' : 'on');
      showState(button);
      if (on() && window.Notification && window.Notification.permission === 'default') {
        window.Notification.requestPermission();
      }
    }
    wakeAudio();
  });
  document.addEventListener('keydown', wakeAudio);

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('ringingAlerts');
    if (button) {
      showState(button);
      new MutationObserver(ringingChanged).observe(document.body, {childList: true, subtree: true});
      ringingChanged();
    }
  });
})();
