// Autosave of a proposal draft (matchmaker/proposals/autosave.py). Two seconds after the last
// keystroke, and when a field loses focus, the form is posted (CSRF token and lock_version
// included) to the autosave URL; the answer says "Saved at 14:32" in a polite live region next to
// the buttons. A conflict or the deadline stops autosaving (nothing is ever written over); a lost
// connection is said and retried. The buttons keep working as they do without JavaScript.
(function () {
  "use strict";
  var status = document.querySelector("[data-autosave]");
  if (!status || !window.fetch || !window.FormData || !window.Promise) return;
  var form = status.closest("form");
  if (!form) return;
  var url = status.getAttribute("data-autosave");
  var message = status.querySelector(".autosave-message");
  var saving = status.querySelector(".autosave-saving");
  var DELAY = 2000, RETRY = 15000;
  var SKIP = { csrf_token: 1, lock_version: 1, attachment: 1, remove_attachment: 1, submit: 1, save: 1 };
  var timer = null, inFlight = null, again = false, stopped = false, submitting = false;

  function payload() {
    var data = new FormData(form);
    ["attachment", "remove_attachment", "submit", "save"].forEach(function (name) { data.delete(name); });
    return data;
  }

  function snapshot() {
    var parts = [];
    new FormData(form).forEach(function (value, name) {
      if (!SKIP[name] && typeof value === "string") parts.push(name + "=" + value);
    });
    return parts.join("\u0000");
  }

  var lastSaved = snapshot();

  function show(text, state) {
    status.hidden = false;
    status.setAttribute("data-state", state);
    if (state === "saving") {
      saving.textContent = status.getAttribute("data-saving");
      return;
    }
    saving.textContent = "";
    message.textContent = text;
  }

  function schedule(delay) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }

  function handle(result, sent) {
    var body = result.body || {};
    if (result.ok && body.status === "saved") {
      lastSaved = sent;
      var lock = form.querySelector("input[name=lock_version]");
      if (lock && body.lock_version !== undefined) lock.value = body.lock_version;
      if (body.autosave_url && body.autosave_url !== url) {  // the first save started the proposal
        url = body.autosave_url;
        status.setAttribute("data-autosave", url);
        form.setAttribute("action", body.edit_url);
        if (window.history && history.replaceState) history.replaceState(null, "", body.edit_url);
      }
      var text = body.message;
      if (body.problems && body.problems.length) {
        var list = body.problems.map(function (p) {
          var label = document.querySelector("label[for='" + p.field + "']");
          return (label ? label.textContent.trim() + ": " : "") + p.message;
        }).join("; ");
        text += ". " + status.getAttribute("data-not-saved").replace("{problems}", list);
      }
      show(text, body.problems && body.problems.length ? "partial" : "saved");
    } else if (result.code === 409 || result.code === 403 || result.code === 404 || result.code === 400) {
      stopped = true;  // a conflict, the deadline, or no longer allowed: never try to write over it
      var detail = body.message || (body.error && body.error.detail) || status.getAttribute("data-failed");
      show(detail, "stopped");
    } else {
      show(status.getAttribute("data-failed"), "failed");
      schedule(RETRY);
    }
  }

  function save() {
    timer = null;
    if (stopped || submitting) return Promise.resolve();
    if (inFlight) { again = true; return inFlight; }
    var sent = snapshot();
    if (sent === lastSaved) return Promise.resolve();
    show("", "saving");
    inFlight = fetch(url, {
      method: "POST", body: payload(), credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        return { ok: response.ok, code: response.status, body: body };
      });
    }).then(function (result) { handle(result, sent); }, function () {
      show(status.getAttribute("data-failed"), "failed");
      schedule(RETRY);
    }).then(function () {
      inFlight = null;
      if (again) { again = false; schedule(0); }
    });
    return inFlight;
  }

  form.addEventListener("input", function (event) {
    if (event.target && event.target.type !== "file") schedule(DELAY);
  });
  form.addEventListener("change", function (event) {
    if (event.target && event.target.type !== "file") schedule(DELAY);
  });
  form.addEventListener("focusout", function () {
    if (timer) schedule(0);  // leaving a field saves at once what was typed in it
  });
  form.addEventListener("deadline:passed", function () {
    stopped = true;
    clearTimeout(timer);
  });

  // A button press while an autosave is on its way waits for it, so the form carries the new
  // lock_version (otherwise the server would rightly see an outdated form). Capture phase: before
  // app.js disables the buttons.
  document.addEventListener("submit", function (event) {
    if (event.target !== form) return;
    clearTimeout(timer);
    if (inFlight && !submitting) {
      event.preventDefault();
      event.stopImmediatePropagation();
      var submitter = event.submitter;
      submitting = true;
      inFlight.then(function () {
        if (form.requestSubmit) form.requestSubmit(submitter || undefined); else form.submit();
      });
      return;
    }
    submitting = true;
  }, true);

  // Leaving the page with unsaved typing: one last save on the way out.
  window.addEventListener("pagehide", function () {
    if (stopped || submitting || !navigator.sendBeacon || snapshot() === lastSaved) return;
    navigator.sendBeacon(url, payload());
  });
})();
