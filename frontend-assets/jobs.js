// Job page: follow/pause, filters and a bounded log, whatever the size of the job's log.
(function () {
  "use strict";
  var log = document.getElementById("log");
  if (!log) {
    return;
  }
  // Lines kept on the page; older ones go (they can be loaded again), so the page stays quick.
  var MAX_LINES = 5000;
  var follow = document.getElementById("follow");
  var nodeFilter = document.getElementById("filter-node");
  var stepFilter = document.getElementById("filter-step");
  var search = document.getElementById("search");
  var earlier = document.getElementById("load-earlier");
  var count = document.getElementById("line-count");

  function firstSeq() {
    var first = log.querySelector(".line");
    return first ? first.dataset.seq : 1;
  }

  function hidden(line) {
    var text = search.value.trim().toLowerCase();
    return (nodeFilter.value && line.dataset.node !== nodeFilter.value)
      || (stepFilter.value && line.dataset.step !== stepFilter.value)
      || (text && line.textContent.toLowerCase().indexOf(text) < 0);
  }

  function filter(lines) {
    for (var i = 0; i < lines.length; i++) {
      lines[i].hidden = hidden(lines[i]);
      lines[i].dataset.f = "1";
    }
  }

  function refilterAll() {
    filter(log.querySelectorAll(".line"));
  }

  function trim() {
    var lines = log.querySelectorAll(".line");
    var extra = lines.length - MAX_LINES;
    for (var i = 0; i < extra; i++) {
      log.removeChild(lines[i]);
    }
    if (extra > 0) {
      earlier.hidden = false;
    }
  }

  function showCount() {
    var first = log.querySelector(".line");
    var last = log.lastElementChild;
    count.textContent = first && last ? "lines " + first.dataset.seq + "–" + last.dataset.seq : "";
  }

  function scrollToEnd() {
    if (follow.checked) {
      log.scrollTop = log.scrollHeight;
    }
  }

  // "Load earlier lines" asks for the lines before the first one shown now (trim may have dropped some since)
  document.body.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.elt === earlier) {
      event.detail.parameters.before = firstSeq();
    }
  });

  // new lines (live, or loaded earlier): filter them as they come
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target !== log) {
      return;
    }
    filter(log.querySelectorAll(".line:not([data-f])"));
    var first = log.querySelector(".line");
    if (!first || first.dataset.seq === "1") {
      earlier.hidden = true;
    }
  });
  document.body.addEventListener("htmx:sseMessage", function (event) {
    if (event.detail.type === "end") {
      var cancel = document.getElementById("cancel");
      if (cancel) {
        cancel.remove();
      }
    }
    if (event.detail.type === "lines") {
      filter(log.querySelectorAll(".line:not([data-f])"));
      if (follow.checked) {
        trim();
      }
      scrollToEnd();
      showCount();
    }
  });

  // scrolling up to read pauses following; ticking Follow again jumps to the end
  log.addEventListener("wheel", function (event) {
    if (event.deltaY < 0) {
      follow.checked = false;
    }
  }, {passive: true});
  follow.addEventListener("change", scrollToEnd);
  [nodeFilter, stepFilter].forEach(function (select) {
    select.addEventListener("change", refilterAll);
  });
  search.addEventListener("input", refilterAll);

  filter(log.querySelectorAll(".line"));
  showCount();
  scrollToEnd();
})();
