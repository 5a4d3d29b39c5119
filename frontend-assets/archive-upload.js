// The image archive upload of the Registry page (image mode offline): the chosen file is the body of a PUT, as it is,
// with a progress bar. The button says where the file input is (data-file-input) and the console's limit (data-max-bytes).
(function () {
  "use strict";

  function fileOf(button) {
    var input = document.getElementById(button.dataset.fileInput);
    return input && input.files.length > 0 ? input.files[0] : null;
  }

  function say(button, text) {
    document.getElementById(button.dataset.status).textContent = text;
  }

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1) + " MB";
  }

  // htmx would send the form's fields; this sends the file's bytes instead, nothing else.
  htmx.defineExtension("archive-body", {
    encodeParameters: function (xhr, parameters, elt) {
      return fileOf(elt);
    }
  });

  // Checked here first, so a missing or too large file is said at once rather than after sending it.
  document.addEventListener("htmx:configRequest", function (event) {
    var button = event.detail.elt;
    if (!button.dataset || !button.dataset.fileInput) {
      return;
    }
    var file = fileOf(button);
    if (!file) {
      event.preventDefault();
      say(button, "Choose the archive file first.");
      return;
    }
    var max = Number(button.dataset.maxBytes);
    if (file.size > max) {
      event.preventDefault();
      say(button, file.name + " is " + megabytes(file.size) + "; the console takes archives up to " + megabytes(max)
          + " (console.files.max-archive-size).");
      return;
    }
    event.detail.headers["Content-Type"] = "application/octet-stream";
    event.detail.headers["X-Archive-Name"] = encodeURIComponent(file.name);
    var progress = document.getElementById(button.dataset.progress);
    progress.hidden = false;
    progress.max = file.size;
    progress.value = 0;
    say(button, "Uploading " + file.name + "…");
  });

  // htmx reports the upload's progress and, afterwards, the answer's download: only the upload's total is the file's.
  document.addEventListener("htmx:xhr:progress", function (event) {
    var button = event.target;
    var file = button.dataset && button.dataset.fileInput ? fileOf(button) : null;
    if (!file || event.detail.total !== file.size) {
      return;
    }
    document.getElementById(button.dataset.progress).value = event.detail.loaded;
    say(button, megabytes(event.detail.loaded) + " of " + megabytes(file.size) + " sent"
        + (event.detail.loaded === file.size ? "; the console checks and keeps it…" : ""));
  });

  // A refused archive is answered with the field and the reason: shown in place like a success, not as a failed request.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var button = event.detail.elt;
    if (button.dataset && button.dataset.fileInput && [413, 422, 507].indexOf(event.detail.xhr.status) >= 0) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
