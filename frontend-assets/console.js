// Every htmx request carries the CSRF token from the page's <meta> tags.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name='_csrf']");
  var header = document.querySelector("meta[name='_csrf_header']");
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A button with data-opens="<dialog id>" opens that dialog: how the console asks to confirm an action that changes servers.
document.addEventListener("click", function (event) {
  var opener = event.target.closest("[data-opens]");
  if (opener) {
    document.getElementById(opener.dataset.opens).showModal();
  }
});
