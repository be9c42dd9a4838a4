// The site's only script; every page works without it.
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

// "Send or keep": the phone's own share sheet and the print dialog, where the browser has
// them. Nothing goes to this site: the address is already in the page.
(function () {
  var field = document.getElementById("share-url");
  if (!field) return;
  var share = document.getElementById("share-button");
  if (navigator.share) {
    share.parentNode.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: document.title, url: field.value }).catch(function () {});
    });
  }
  var print = document.getElementById("print-button");
  print.parentNode.hidden = false;
  print.addEventListener("click", function () { window.print(); });
  field.addEventListener("focus", function () { field.select(); });
})();
