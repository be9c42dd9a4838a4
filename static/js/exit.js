// "Exit this page": leave at once for the neutral site, and replace this page in the
// history so that Back does not return here. Also on Shift pressed three times (on its own).
(function () {
  var link = document.querySelector("a.exit");
  if (!link) return;
  var presses = [];
  function leave(event) {
    if (event) event.preventDefault();
    document.body.hidden = true;
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  // Only Shift on its own counts: Shift+Tab (moving focus back) or capitals never leave.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = [];
      return;
    }
    if (event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
