// Pages opened from an emailed link with a secret in its query (signing in, a plan's way in,
// stopping emails) already hold that secret in their forms, which post it in the body. The
// address drops it, so it stays out of the browser's history and bookmarks and off the screen.
// An external file, not an inline script: the pages' Content-Security-Policy allows no inline
// script. The names to drop are on the script element (data-drop, space-separated); a link whose
// secret is in its path (an invitation's /join/<token>) names the address to show instead (data-path).
(function () {
  var script = document.currentScript;
  var names = ((script && script.getAttribute("data-drop")) || "").split(" ");
  var path = script && script.getAttribute("data-path");
  var url = new URL(window.location.href);
  var dropped = false;
  if (path && url.pathname !== path) {
    url.pathname = path;
    dropped = true;
  }
  names.forEach(function (name) {
    if (name && url.searchParams.has(name)) {
      url.searchParams.delete(name);
      dropped = true;
    }
  });
  // The history entry's state is kept: the app's router reads its own keys from it.
  if (dropped) window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
})();
