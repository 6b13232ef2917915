// Small progressive enhancements; every page works without this script.
(function () {
  "use strict";

  // A link to a quote inside a closed <details> should open it and show the quote.
  function revealTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var details = target.closest("details");
    if (details && !details.open) details.open = true;
    target.classList.add("flash");
    target.scrollIntoView({ block: "center" });
    window.setTimeout(function () { target.classList.remove("flash"); }, 2500);
  }
  window.addEventListener("hashchange", revealTarget);
  document.addEventListener("DOMContentLoaded", revealTarget);
})();
