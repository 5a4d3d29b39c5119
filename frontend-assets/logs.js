// Logs page: pause (new lines wait in a buffer), a filter over the shown lines, and a bounded live log.
(function () {
  "use strict";
  var log = document.getElementById("log");
  if (!log) {
    return;
  }
  var KEEP = 5000; // lines kept on the page; the download has them all
  var pause = document.getElementById("pause");
  var filter = document.getElementById("filter");
  var count = document.getElementById("line-count");
  var waiting = []; // HTML of the batches that came while paused
  var waitingLines = 0;

  function matches(line, text) {
    return !text || line.textContent.toLowerCase().indexOf(text) >= 0;
  }

  function applyFilter(lines) {
    var text = filter.value.trim().toLowerCase();
    for (var i = 0; i < lines.length; i++) {
      lines[i].hidden = !matches(lines[i], text);
    }
  }

  function settle() {
    var lines = log.querySelectorAll(".line");
    for (var i = 0; i < lines.length - KEEP; i++) {
      log.removeChild(lines[i]);
    }
    applyFilter(log.querySelectorAll(".line:not([data-seen])"));
    log.querySelectorAll(".line:not([data-seen])").forEach(function (line) {
      line.dataset.seen = "1";
    });
    log.scrollTop = log.scrollHeight;
    count.textContent = log.querySelectorAll(".line").length + " lines";
  }

  function paused() {
    return pause.getAttribute("aria-pressed") === "true";
  }

  // while paused, batches wait here instead of moving the lines being read
  document.body.addEventListener("htmx:sseBeforeMessage", function (event) {
    if (event.detail.type !== "lines" || !paused()) {
      return;
    }
    event.preventDefault();
    waiting.push(event.detail.data);
    waitingLines += (event.detail.data.match(/class="line/g) || []).length;
    pause.textContent = "Resume (" + waitingLines + " new)";
  });
  document.body.addEventListener("htmx:sseMessage", function (event) {
    if (event.detail.type === "lines") {
      settle();
    }
  });

  pause.addEventListener("click", function () {
    if (!paused()) {
      pause.setAttribute("aria-pressed", "true");
      pause.textContent = "Resume (0 new)";
      return;
    }
    pause.setAttribute("aria-pressed", "false");
    pause.textContent = "Pause";
    log.insertAdjacentHTML("beforeend", waiting.join(""));
    waiting = [];
    waitingLines = 0;
    settle();
  });
  // scrolling up to read pauses, as a click on Pause would
  log.addEventListener("wheel", function (event) {
    if (event.deltaY < 0 && !paused()) {
      pause.click();
    }
  }, {passive: true});
  filter.addEventListener("input", function () {
    applyFilter(log.querySelectorAll(".line"));
  });
})();
