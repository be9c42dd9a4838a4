// The Dutch/English tabs of the admin (django-modeltranslation, built with jQuery UI tabs)
// without a control inside a control. jQuery UI makes each <li> the tab (it takes focus
// and the arrow keys) and keeps a link inside it with tabindex=-1, which assistive
// technology still counts as a second, nested control (axe: nested-interactive). Once the
// tabs are built, the links lose their href (kept in data-href, for a refresh) and so stop
// being controls; a click on one still selects its tab. Every panel is on the page itself,
// so no tab ever loads anything.
(function ($) {
  "use strict";
  $.widget("ui.tabs", $.ui.tabs, {
    _processTabs: function () {
      this.element.find("a[data-href]").each(function () {
        this.setAttribute("href", this.getAttribute("data-href"));
      });
      this._super();
      this.anchors.each(function () {
        this.setAttribute("data-href", this.getAttribute("href"));
        this.removeAttribute("href");
        this.removeAttribute("tabindex");
      });
    },
    _isLocal: function () {
      return true;
    },
  });
})(window.jQuery || django.jQuery);
