// Small progressive enhancements; every page works without JavaScript.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // The main menu folds away on phones.
  var toggle = document.querySelector(".menu-toggle");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    // Escape closes the open menu and puts the focus back on its button.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !nav.classList.contains("open")) return;
      nav.classList.remove("open");
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    });
  }

  // After a failed submit the error summary takes the focus, so it is read first and its links are next.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    summary.focus();
  }

  // The criteria editor keeps a running total of the weights (rows without a name do not count).
  document.querySelectorAll("[data-weights-total]").forEach(function (form) {
    var out = document.getElementById(form.getAttribute("data-weights-total"));
    if (!out) return;
    var template = out.getAttribute("data-template");
    var target = parseInt(out.getAttribute("data-target"), 10) || 100;
    function update() {
      var total = 0;
      form.querySelectorAll("[data-criterion-row]").forEach(function (row) {
        var name = row.querySelector("input[name$='-name']");
        var weight = row.querySelector("input[name$='-weight']");
        var value = weight ? parseInt(weight.value, 10) : NaN;
        if (name && name.value.trim() && !isNaN(value)) total += value;
      });
      out.querySelector("[data-total]").textContent = template.replace("{total}", total);
      out.classList.toggle("over", total !== target);
      out.classList.toggle("ok", total === target);
    }
    form.addEventListener("input", update);
    update();
  });

  // Character counters for fields with a maxlength or data-max-words.
  document.querySelectorAll("textarea[maxlength], input[data-counter]").forEach(function (field) {
    var max = parseInt(field.getAttribute("maxlength"), 10);
    var out = document.getElementById(field.id + "-counter");
    if (!out || !max) return;
    var template = out.getAttribute("data-template") || "{n} / {max}";
    function update() {
      var n = field.value.length;
      var words = field.value.trim() ? field.value.trim().split(/\s+/).length : 0;
      out.textContent = template.replace("{n}", n).replace("{max}", max).replace("{words}", words);
      out.classList.toggle("over", n > max);
    }
    field.addEventListener("input", update);
    update();
  });

  // Show or hide a password.
  document.querySelectorAll("[data-toggle-password]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-toggle-password"));
    if (!input) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var show = input.type === "password";
      input.type = show ? "text" : "password";
      button.setAttribute("aria-pressed", show ? "true" : "false");
      button.textContent = show ? button.getAttribute("data-hide") : button.getAttribute("data-show");
    });
  });

  // Ask before destructive actions.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });

  // One click is one submit: disable the buttons of a form once it is sent.
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) return;
      setTimeout(function () {
        form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (b) {
          b.setAttribute("aria-disabled", "true");
          b.disabled = true;
        });
      }, 0);
    });
  });
})();
