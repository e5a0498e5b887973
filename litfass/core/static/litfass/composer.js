// The composer without JavaScript is a plain form. With it:
// - what is typed is saved to the server every few seconds (and kept in this browser, so that
//   nothing is lost when the session expired or the network is gone);
// - pictures can be dropped onto the upload area.
(function () {
  "use strict";
  var form = document.getElementById("composer");
  if (!form) return;
  var status = document.getElementById("autosave-status");
  var url = form.getAttribute("data-autosave-url");
  var key = "litfass-composer-" + form.getAttribute("data-post");
  var interval = 5000;
  var lastSent = null;

  function text(de, en) {
    return document.documentElement.lang === "en" ? en : de;
  }
  function say(message) {
    if (status) status.textContent = message;
  }
  function editorOf(field) {
    var box = field && field.closest ? field.closest(".prose-editor") : null;
    var dom = box && box.querySelector(".ProseMirror[contenteditable]");
    return dom && dom.editor ? dom.editor : null;
  }
  function nameEditors() {
    form.querySelectorAll(".prose-editor textarea[id]").forEach(function (textarea) {
      var label = document.querySelector('label[for="' + textarea.id + '"]');
      var dom = textarea.closest(".prose-editor").querySelector(".ProseMirror[contenteditable]");
      if (!label || !dom) return;
      if (!label.id) label.id = textarea.id + "-label";
      dom.setAttribute("aria-labelledby", label.id);
    });
  }
  nameEditors();
  document.addEventListener("prose-editor:ready", nameEditors);
  function snapshot() {
    var data = new FormData(form);
    data.delete("action");
    return data;
  }
  function serialise(data) {
    var pairs = [];
    data.forEach(function (value, name) {
      if (typeof value === "string" && name !== "csrfmiddlewaretoken") pairs.push([name, value]);
    });
    return JSON.stringify(pairs);
  }

  // Offer what this browser kept from a session that ended before the server had it.
  try {
    var kept = JSON.parse(window.localStorage.getItem(key) || "null");
    if (kept && kept.pairs) {
      var current = serialise(snapshot());
      if (JSON.stringify(kept.pairs) !== current) {
        var box = document.createElement("div");
        box.className = "notice";
        box.setAttribute("role", "status");
        var p = document.createElement("p");
        p.textContent = text(
          "In diesem Browser ist ein ungespeicherter Stand vom " + new Date(kept.at).toLocaleString() + " gesichert.",
          "This browser kept an unsaved version from " + new Date(kept.at).toLocaleString() + "."
        );
        var restore = document.createElement("button");
        restore.type = "button";
        restore.className = "button";
        restore.textContent = text("Wiederherstellen", "Restore");
        restore.addEventListener("click", function () {
          kept.pairs.forEach(function (pair) {
            var field = form.elements.namedItem(pair[0]);
            if (field && pair[0] !== "csrfmiddlewaretoken" && pair[0] !== "version" && "value" in field) {
              var editor = editorOf(field);
              if (editor) {
                editor.commands.setContent(pair[1], { emitUpdate: true });
              } else {
                field.value = pair[1];
                field.dispatchEvent(new Event("input", { bubbles: true }));
              }
            }
          });
          box.remove();
          say(text("Wiederhergestellt – bitte speichern.", "Restored – please save."));
        });
        var discard = document.createElement("button");
        discard.type = "button";
        discard.className = "button";
        discard.textContent = text("Verwerfen", "Discard");
        discard.addEventListener("click", function () {
          window.localStorage.removeItem(key);
          box.remove();
        });
        box.appendChild(p);
        box.appendChild(restore);
        box.appendChild(discard);
        form.parentNode.insertBefore(box, form);
      }
    }
  } catch (e) { /* private mode or corrupt entry: nothing to offer */ }

  function save(force) {
    var data = snapshot();
    var serialised = serialise(data);
    if (serialised === lastSent && !force) return Promise.resolve();
    try {
      window.localStorage.setItem(key, JSON.stringify({ at: Date.now(), pairs: JSON.parse(serialised) }));
    } catch (e) { /* storage full or disabled: the server copy still counts */ }
    return fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (response.ok) {
          lastSent = serialised;
          try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
          return response.json().then(function (body) {
            say(text("Automatisch gesichert um ", "Saved automatically at ") + new Date(body.saved_at).toLocaleTimeString());
          });
        }
        if (response.status === 403 || response.redirected) {
          say(text(
            "Sie sind nicht mehr angemeldet. Ihr Text ist in diesem Browser gesichert – bitte melden Sie sich in einem neuen Tab an und speichern Sie dann.",
            "You are no longer logged in. Your text is kept in this browser – please log in in a new tab, then save."
          ));
        }
      })
      .catch(function () {
        say(text("Keine Verbindung – Ihr Text ist in diesem Browser gesichert.", "No connection – your text is kept in this browser."));
      });
  }
  lastSent = serialise(snapshot());
  window.setInterval(function () { save(false); }, interval);
  // Uploads and embeds are forms of their own: save the text before their page load replaces
  // this one (also for forms that arrive later, such as search results in a dialog).
  document.addEventListener("submit", function (event) {
    var other = event.target;
    if (!(other instanceof HTMLFormElement) || other === form) return;
    if (other.id !== "upload-form" && !other.hasAttribute("data-keep-text")) return;
    // Saved, and now sent again by us: it goes as it is.
    if (other.dataset.saving === "sent") return;
    // A second click while the text is being saved would send the form twice.
    if (other.dataset.saving === "saving") { event.preventDefault(); return; }
    // Nothing new to save: the form goes as it is.
    if (serialise(snapshot()) === lastSent) return;
    event.preventDefault();
    other.dataset.saving = "saving";
    var submitter = event.submitter || null;
    // Sent again with the same button, so its name and value (e.g. action=up) go along; the
    // save answers in a later task, when the form may be submitted again.
    var go = function () { other.dataset.saving = "sent"; other.requestSubmit(submitter); };
    save(false).then(go, go);
  });

  // Embed dialogs open with invoker buttons (commandfor); older browsers get the same here.
  if (!("command" in HTMLButtonElement.prototype)) {
    document.addEventListener("click", function (event) {
      var button = event.target instanceof Element && event.target.closest("button[commandfor]");
      if (!button) return;
      var dialog = document.getElementById(button.getAttribute("commandfor"));
      if (!(dialog instanceof HTMLDialogElement)) return;
      if (button.getAttribute("command") === "show-modal" && !dialog.open) dialog.showModal();
      if (button.getAttribute("command") === "close") dialog.close();
    });
  }
  // A dialog sent back with a refusal opens as a modal again, its field focused once the
  // browser has scrolled to the dialog's #fragment (which would move the focus to it).
  document.querySelectorAll("dialog[data-reopen][open]").forEach(function (dialog) {
    dialog.close();
    dialog.showModal();
    window.addEventListener("load", function () {
      window.setTimeout(function () {
        var field = dialog.querySelector("[autofocus]");
        if (field && dialog.open) field.focus();
      }, 0);
    });
  });
  form.addEventListener("submit", function () {
    try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
  });

  // Drag and drop onto the upload area.
  var zone = document.getElementById("dropzone");
  var input = zone && zone.querySelector("input[type=file]");
  if (zone && input) {
    document.documentElement.classList.add("has-js");
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }
})();
