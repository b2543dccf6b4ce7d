/* Load the search index when the reader reaches for search, not with every page.
 *
 * Material's bundle requests search/search_index.json, the largest download of a page, as soon as
 * the page loads; on a slow phone connection it competes with the page itself. This script runs
 * before the bundle (mkdocs.yml `extra.polyfills`) and holds that one request back until the reader
 * shows intent: the pointer on or a tap in the search box or its icon, focus in the search field,
 * the search dialog opening, or a search shortcut key ("/", "s", "f"). Material says "Initializing
 * search" until the index arrives. A page opened from a search result (`?h=` in its address) needs
 * the index at once to highlight the terms, so nothing is held there. Under file:// (the offline
 * copy) Material loads a script instead, on first search: that is left alone.
 */
(function () {
  "use strict";

  var proto = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (!proto || typeof WeakSet !== "function" || proto.send.holdsSearchIndex) return;

  var INDEX = /\/search\/search_index\.json(?:[?#].*)?$/;
  var SEARCH = ".md-search, label[for='__search']";
  var SHORTCUT = /^[/sf]$/i;
  var open = proto.open;
  var send = proto.send;
  var indexRequests = new WeakSet();
  var released = /[?&]h=/.test(window.location.search);
  var held = [];

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (go) { go(); });
  }

  proto.open = function (method, url) {
    if (INDEX.test(String(url))) indexRequests.add(this);
    return open.apply(this, arguments);
  };

  proto.send = function () {
    if (released || !indexRequests.has(this)) return send.apply(this, arguments);
    var request = this, args = arguments;
    held.push(function () { send.apply(request, args); });
  };
  proto.send.holdsSearchIndex = true;

  function onSearch(event) {
    var target = event.target;
    if (target && target.closest && target.closest(SEARCH)) release();
  }

  document.addEventListener("pointerover", onSearch, true);
  document.addEventListener("pointerdown", onSearch, true);
  document.addEventListener("focusin", onSearch, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") release();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (SHORTCUT.test(event.key)) release();
  }, true);
})();
