// Starts GraphiQL with the settings the service put in the page (a JSON data block, not a
// script: the page's Content-Security-Policy runs only same-origin script files).
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var props = {
    fetcher: GraphiQL.createFetcher({ url: config.endpoint }),
    // Headers typed or pasted (a token) survive reloads, in this browser's localStorage.
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
