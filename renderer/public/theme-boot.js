/*
 * Sets the colour theme on <html> before the first paint, from the stored
 * setting (renderer/src/store/settings.ts), so the app never flashes the
 * wrong theme. A classic script in <head>: it runs before the stylesheet is
 * applied. renderer/src/theme/theme.ts (resolveTheme) keeps it in step
 * afterwards; test/unit/theme-boot.test.ts checks both agree.
 */
/* global window, document */
(function () {
  var setting = 'system';
  try {
    var stored = JSON.parse(localStorage.getItem('upskill:settings') || 'null');
    if (stored && typeof stored.theme === 'string') setting = stored.theme;
  } catch {
    // Unreadable or blocked storage: follow the system.
  }
  var matches = function (query) {
    return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  };
  var theme =
    setting === 'light' || setting === 'dark' || setting === 'high-contrast'
      ? setting
      : matches('(forced-colors: active)') || matches('(prefers-contrast: more)')
        ? 'high-contrast'
        : matches('(prefers-color-scheme: dark)')
          ? 'dark'
          : 'light';
  document.documentElement.dataset.theme = theme;
})();
