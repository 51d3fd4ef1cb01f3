// Progressive enhancement only: every page works without this file.
// - answers are saved as soon as they are given (the server answers with the questions now
//   visible, decided by its own `when` engine, so this script holds no scan logic);
// - the teacher's student list refreshes itself.
(function () {
  "use strict";

  function autosave(form) {
    var url = form.getAttribute("data-autosave");
    var csrf = form.querySelector("input[name=csrf]").value;
    var timers = {};

    function send(section) {
      var id = section.getAttribute("data-question");
      var data = new URLSearchParams();
      data.append("csrf", csrf);
      data.append("q", id);
      section.querySelectorAll("input, textarea").forEach(function (el) {
        if (!el.name || el.name === "q") { return; }
        if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { return; }
        data.append(el.name, el.value);
      });
      var status = section.querySelector(".saved");
      fetch(url, {
        method: "POST",
        body: data,
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (response) {
        // 422 is an answer the server read and refused, with a message per question; any other
        // failure (403: page expired or class closed, 5xx, a proxy's error page) saved nothing
        if (!response.ok && response.status !== 422) {
          throw new Error("status " + response.status);
        }
        return response.json();
      }).then(function (result) {
        var old = section.querySelector(".error.js");
        if (old) { old.remove(); }
        if (result.errors && result.errors[id]) {
          var p = document.createElement("p");
          p.className = "error js";
          p.setAttribute("role", "alert");
          p.textContent = result.errors[id];
          section.querySelector("legend").after(p);
          if (status) { status.textContent = ""; status.classList.remove("not-saved"); status.removeAttribute("role"); }
        } else if (status) {
          status.classList.remove("not-saved");
          status.removeAttribute("role");
          status.textContent = status.getAttribute("data-saved") || status.textContent || "✓";
        }
        if (result.visible) {
          var visible = {};
          result.visible.forEach(function (q) { visible[q] = true; });
          form.querySelectorAll("[data-question]").forEach(function (q) {
            q.hidden = !visible[q.getAttribute("data-question")];
          });
        }
        var bar = document.getElementById("progress");
        if (bar && typeof result.answered === "number") {
          bar.max = result.total;
          bar.value = result.answered;
          var label = document.querySelector("label[for=progress]");
          if (label && result.progress) { label.textContent = result.progress; }
        }
      }).catch(function (error) {
        // never "saved" when it was not: the student must know to reload before going on
        var offline = !(error instanceof Error && /^status /.test(error.message));
        notSaved(section, offline ? form.getAttribute("data-offline") : form.getAttribute("data-not-saved"));
      });
    }

    function notSaved(section, message) {
      var status = section.querySelector(".saved");
      if (!status) { return; }
      status.classList.add("not-saved");
      status.setAttribute("role", "alert");
      status.textContent = message;
    }

    form.querySelectorAll("[data-question]").forEach(function (section) {
      var status = section.querySelector(".saved");
      if (status) { status.setAttribute("data-saved", form.getAttribute("data-saved")); }
      section.addEventListener("change", function (event) {
        var target = event.target;
        if (target.type === "checkbox" && target.checked) {
          // an exclusive option ("none of these") cannot be combined with another
          var boxes = section.querySelectorAll("input[type=checkbox]");
          boxes.forEach(function (box) {
            if (box !== target && (target.hasAttribute("data-exclusive") || box.hasAttribute("data-exclusive"))) {
              box.checked = false;
            }
          });
        }
        send(section);
      });
      section.addEventListener("input", function (event) {
        if (event.target.tagName !== "TEXTAREA" && event.target.type !== "text" && !event.target.classList.contains("number")) { return; }
        var id = section.getAttribute("data-question");
        clearTimeout(timers[id]);
        timers[id] = setTimeout(function () { send(section); }, 800);
      });
    });
  }

  function refresh(box) {
    var url = box.getAttribute("data-refresh");
    setInterval(function () {
      if (document.hidden) { return; }
      fetch(url, { credentials: "same-origin" }).then(function (r) {
        return r.ok ? r.text() : null;
      }).then(function (html) {
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("main") || doc.body;
        var table = box.querySelector("table, p:not(.small)");
        var replacement = fresh.querySelector("table") || fresh.querySelector("p");
        if (table && replacement) { table.replaceWith(document.importNode(replacement, true)); }
      }).catch(function () {});
    }, 5000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-autosave]").forEach(autosave);
    document.querySelectorAll("[data-refresh]").forEach(refresh);
    document.querySelectorAll("input.link").forEach(function (input) {
      input.addEventListener("focus", function () { input.select(); });
    });
  });
})();
