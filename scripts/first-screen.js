// The first screen's one script (index.html loads it, deferred, before trunk's loader). While
// the app downloads, the first screen says "Loading the app (N KB)…". If the app cannot load or
// start, this replaces that line with what went wrong and what to try, instead of promising
// forever:
//  - the browser lacks WebAssembly or JavaScript modules (an old browser): checked at once;
//  - a script of the app did not load (network, blocked): the error event of its <script>;
//  - the wasm did not download or compile, or the app failed while starting: an uncaught error
//    before the app mounted (trunk's loader awaits the wasm at the top level of a module script,
//    so its failure is reported as an uncaught error).
// The app removes the first screen when it mounts; from then on this does nothing.
// Plain ES5 on purpose: the browsers it has to talk to may be old.
(function () {
  'use strict';
  var BROWSERS = 'a current version of Chrome, Edge, Firefox or Safari';
  var NETWORK = 'Check the network connection and reload the page. If it keeps failing, a ' +
    'firewall, a content filter or a browser extension may be blocking it.';

  function mounted() {
    return !document.getElementById('first-screen');
  }

  function paragraph(className, text) {
    var p = document.createElement('p');
    if (className) p.className = className;
    p.appendChild(document.createTextNode(text));
    return p;
  }

  /** Replaces "Loading the app…" with what failed and what to try; the first failure wins. */
  function fail(what, tryThis, detail) {
    var screen = document.getElementById('first-screen');
    var box = document.getElementById('first-screen-message');
    if (!screen || !box || screen.className.indexOf('first-screen-failed') >= 0) return;
    while (box.firstChild) box.removeChild(box.firstChild);
    var message = paragraph('first-screen-failure', what + ' ' + tryThis);
    message.setAttribute('role', 'alert');
    box.appendChild(message);
    if (detail) box.appendChild(paragraph('', 'What the browser said: ' + detail));
    screen.className += ' first-screen-failed';
  }

  var modules = 'noModule' in document.createElement('script');
  var wasm = typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
  if (!modules || !wasm) {
    var missing = !wasm && !modules ? 'WebAssembly and JavaScript modules' : !wasm ? 'WebAssembly' : 'JavaScript modules';
    fail('This browser cannot run the app: it does not support ' + missing + '.', 'Open this page in ' + BROWSERS + '.');
    return;
  }

  function fileName(element) {
    var url = element.src || element.href || '';
    return url ? '“' + url.split('/').pop().split('?')[0] + '”' : 'the app’s JavaScript';
  }

  // Capture: the error events of elements do not bubble, but they pass the window on the way.
  window.addEventListener('error', function (event) {
    if (mounted()) return;
    var target = event.target;
    if (target && target !== window) {
      // A stylesheet or an icon that did not load leaves the app working; a script does not.
      if (target.tagName === 'SCRIPT') fail('The app could not be downloaded: ' + fileName(target) + ' did not load.', NETWORK);
      return;
    }
    failed(event.error || event.message);
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    if (!mounted()) failed(event.reason);
  });

  function failed(error) {
    var text = String((error && error.message) || error || 'unknown error');
    // Chromium "Failed to fetch", Firefox "NetworkError when attempting to fetch resource.",
    // Safari "Load failed"; a wasm response that is not 200 says "HTTP status code is not ok".
    if (/fetch|network|load failed|status code/i.test(text)) {
      fail('The app could not be downloaded.', NETWORK, text);
    } else {
      fail('The app could not start.', 'Reload the page. If that does not help, open it in ' + BROWSERS + '.', text);
    }
  }
})();
