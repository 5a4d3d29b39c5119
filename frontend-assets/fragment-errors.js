// A fragment request that fails (an error status, or no answer at all) says so in place, where the element that asked
// is, instead of leaving what it showed as if it were current. A poller keeps polling; its next good answer replaces
// the notice. (A request whose session ended never lands here: the console sends the window to the login form.)
(function () {
  "use strict";
  // Text inside these would not show, or would change what they are: the notice goes right after them instead.
  var CONTROLS = ["A", "BUTTON", "INPUT", "SELECT", "TEXTAREA"];
  var notices = new WeakMap(); // element that asked -> its notice

  function polls(element) {
    return /\bevery\b/.test(element.getAttribute("hx-trigger") || "");
  }

  function show(element, cause) {
    if (!element || !element.isConnected) {
      return;
    }
    var notice = notices.get(element);
    if (!notice || !notice.isConnected) {
      notice = document.createElement("p");
      notice.className = "fragment-error";
      notice.setAttribute("role", "alert");
      if (CONTROLS.indexOf(element.tagName) >= 0) {
        element.insertAdjacentElement("afterend", notice);
      } else {
        element.prepend(notice);
      }
      notices.set(element, notice);
    }
    var text = polls(element) ? "Could not refresh: " + cause + " Retrying…" : "That did not work: " + cause;
    if (notice.textContent !== text) {
      notice.textContent = text;
    }
  }

  document.body.addEventListener("htmx:responseError", function (event) {
    show(event.detail.elt, "the console answered " + event.detail.xhr.status + ".");
  });
  document.body.addEventListener("htmx:sendError", function (event) {
    show(event.detail.elt, "the console did not answer.");
  });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var notice = event.detail.successful && notices.get(event.detail.elt);
    if (notice) {
      notice.remove();
      notices.delete(event.detail.elt);
    }
  });
})();
