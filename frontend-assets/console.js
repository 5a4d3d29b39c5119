// Every htmx request carries the CSRF token from the page's <meta> tags.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name='_csrf']");
  var header = document.querySelector("meta[name='_csrf_header']");
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Swagger UI (/swagger-ui.html) sends the signed-in session's token from here with the API calls it tries
// (springdoc.swagger-ui.csrf in application.yml); it is worth nothing without the session's cookie.
(function () {
  var token = document.querySelector("meta[name='_csrf']");
  if (token && window.localStorage) {
    window.localStorage.setItem("reemo-csrf", token.content);
  }
})();

// A button with data-opens="<dialog id>" opens that dialog: how the console asks to confirm an action that changes servers.
document.addEventListener("click", function (event) {
  var opener = event.target.closest("[data-opens]");
  if (opener) {
    document.getElementById(opener.dataset.opens).showModal();
  }
});

// No inline handlers anywhere (the Content-Security-Policy runs no inline script): buttons say what they do in data-*.
// data-copy-from="<element id>" copies that element's text.
document.addEventListener("click", function (event) {
  var copier = event.target.closest("[data-copy-from]");
  if (copier) {
    navigator.clipboard.writeText(document.getElementById(copier.dataset.copyFrom).textContent);
  }
});

// data-close-dialog removes the dialog the button is in (a dialog a fragment brought; asking again brings it back).
document.addEventListener("click", function (event) {
  var closer = event.target.closest("[data-close-dialog]");
  if (closer) {
    closer.closest("dialog").remove();
  }
});

// The drift panel polls, but not while one of its dialogs is open: the new panel would close it under the reader.
document.addEventListener("htmx:confirm", function (event) {
  var panel = event.detail.elt;
  if (panel.id === "drift" && panel.querySelector("dialog[open]")) {
    event.preventDefault();
  }
});
