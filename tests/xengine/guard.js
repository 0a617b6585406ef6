// Injected by tests/xengine/run.mjs as the first script of the served index.html (right after the
// Content-Security-Policy, so the policy applies to it; script-src 'self' allows it). WebDriver
// classic cannot read every engine's console, so the page records its own problems: uncaught
// errors, unhandled promise rejections, resources that failed to load, CSP violations and
// console.error calls. They are kept in sessionStorage, so they survive a reload of the tab.
(function () {
  var KEY = '__xengine_problems';
  function record(kind, text) {
    var line = kind + ': ' + text;
    try {
      var list = JSON.parse(sessionStorage.getItem(KEY) || '[]');
      list.push(line);
      sessionStorage.setItem(KEY, JSON.stringify(list));
    } catch (e) {
      (window.__xengineProblems = window.__xengineProblems || []).push(line);
    }
  }
  function describe(value) {
    if (value && value.stack) return String(value.message || value) + '\n' + value.stack;
    try { return typeof value === 'string' ? value : JSON.stringify(value) || String(value); } catch (e) { return String(value); }
  }
  // Capturing, so a <script>, <link> or <img> that fails to load is seen too (those do not bubble).
  window.addEventListener('error', function (e) {
    var target = e.target;
    if (target && target !== window && (target.src || target.href)) {
      record('failed to load', target.src || target.href);
      return;
    }
    var where = e.filename ? ' (' + e.filename + ':' + e.lineno + ':' + e.colno + ')' : '';
    record('uncaught', (e.message || describe(e.error)) + where);
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    record('unhandled rejection', describe(e.reason));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    record('CSP violation', e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') +
      (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : ''));
  });
  var consoleError = console.error;
  console.error = function () {
    record('console.error', Array.prototype.map.call(arguments, describe).join(' '));
    return consoleError.apply(console, arguments);
  };
  window.__xengineGuard = true;
})();
