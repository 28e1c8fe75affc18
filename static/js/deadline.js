// Live countdowns for [data-countdown] (an ISO time in UTC), written first by the server
// (matchmaker/deadlines.py) in the same words: "nog 2 dagen 3 uur" / "2 days 3 hours left".
// The text is not a live region, so screen readers are not told every minute; they hear once that
// the last hour has begun and once that the deadline has passed. When the time runs out while the
// page is open, the form named in data-form becomes read-only and its submit buttons go away.
(function () {
  "use strict";
  var MINUTE = 60000, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-countdown]"));
  if (!items.length) return;

  function unit(labels, name, n) {
    return labels[name][n === 1 ? 0 : 1].replace("{n}", n);
  }

  function text(labels, ms) {
    if (ms <= 0) return labels.passed;
    if (ms < MINUTE) return labels.soon;
    var minutes = Math.ceil(ms / MINUTE);
    var days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
    var parts = days ? [["day", days], ["hour", hours]] : hours ? [["hour", hours], ["minute", mins]] : [["minute", mins]];
    var words = parts.filter(function (p) { return p[1] > 0; }).map(function (p) { return unit(labels, p[0], p[1]); });
    return labels.left.replace("{time}", words.join(" "));
  }

  function lock(form) {
    if (!form || form.getAttribute("data-locked")) return;
    form.setAttribute("data-locked", "1");
    form.querySelectorAll("input, textarea, select").forEach(function (field) {
      if (field.type === "hidden") return;
      if (field.tagName === "SELECT" || field.type === "file" || field.type === "checkbox" || field.type === "radio") {
        field.disabled = true;
      } else {
        field.readOnly = true;
      }
    });
    form.querySelectorAll("button[type=submit], input[type=submit], button:not([type]), [data-deadline-hide]")
      .forEach(function (el) { el.hidden = true; el.style.display = "none"; el.disabled = true; });
    form.dispatchEvent(new CustomEvent("deadline:passed", { bubbles: true }));
  }

  items.forEach(function (el) {
    var labels;
    try { labels = JSON.parse(el.getAttribute("data-labels")); } catch (e) { return; }
    var deadline = new Date(el.getAttribute("data-countdown")).getTime();
    if (isNaN(deadline)) return;
    var out = el.querySelector(".countdown-text") || el;
    var announce = el.querySelector("[data-countdown-announce]");
    var wasUrgent = el.classList.contains("urgent"), wasPassed = el.classList.contains("passed");
    var timer = null;

    function tick() {
      var ms = deadline - Date.now();
      var urgent = ms > 0 && ms <= HOUR, passed = ms <= 0;
      out.textContent = text(labels, ms);
      el.classList.toggle("urgent", urgent);
      el.classList.toggle("passed", passed);
      if (urgent && !wasUrgent && announce) announce.textContent = labels.urgent;
      if (passed && !wasPassed) {
        var open = el.querySelector(".deadline-open"), closed = el.querySelector(".deadline-closed");
        if (open && closed) { open.hidden = true; closed.hidden = false; }
        if (announce) announce.textContent = closed ? closed.textContent.trim() : labels.passed;
        var formId = el.getAttribute("data-form");
        if (formId) lock(document.getElementById(formId));
      }
      wasUrgent = urgent; wasPassed = passed;
      if (passed) return;
      // Once a minute, on the minute's turn; every second in the last minute.
      var wait = ms <= MINUTE ? 1000 : ((ms % MINUTE) || MINUTE) + 50;
      timer = setTimeout(tick, Math.min(wait, MINUTE));
    }
    tick();
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) { clearTimeout(timer); tick(); }
    });
  });
})();
