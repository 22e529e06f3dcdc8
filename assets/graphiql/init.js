// Starts GraphiQL with the settings the service put in the page (a JSON data block, not a
// script: the page's Content-Security-Policy runs only same-origin script files).
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  // GraphiQL's dialogs insert a <style> element (react-style-singleton), which takes its nonce
  // from this global: the page's CSP allows only that nonce's inline style.
  window.__webpack_nonce__ = config.styleNonce;
  // Headers typed or pasted (a token) survive reloads but not the browser tab: they are kept
  // in sessionStorage (with the tabs, which carry each tab's headers), so a token does not stay
  // on a shared clinic workstation. The query history stays in localStorage.
  var perTab = ['graphiql:headers', 'graphiql:tabState'];
  var pick = function (key) {
    return perTab.indexOf(key) >= 0 ? window.sessionStorage : window.localStorage;
  };
  var storage = {
    getItem: function (key) { return pick(key).getItem(key); },
    setItem: function (key, value) { pick(key).setItem(key, value); },
    removeItem: function (key) { pick(key).removeItem(key); },
    clear: function () {
      window.sessionStorage.clear();
      window.localStorage.clear();
    },
    get length() { return window.localStorage.length + window.sessionStorage.length; },
  };
  var props = {
    fetcher: GraphiQL.createFetcher({ url: config.endpoint }),
    storage: storage,
    shouldPersistHeaders: true,
  };
  // Used only while nothing is stored yet: a returning user keeps their own tabs and headers.
  if (config.defaultQuery) props.defaultQuery = config.defaultQuery;
  if (config.defaultHeaders) {
    props.defaultHeaders = config.defaultHeaders;
    props.defaultEditorToolsVisibility = 'headers';
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, props),
  );
})();
