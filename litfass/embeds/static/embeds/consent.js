// Third-party embeds load only when the reader asks for them.
// The server renders a placeholder <figure data-embed-src="…">; the player address in it was
// built by our renderer from a checked reference, never taken from a pasted link. This script
// turns the placeholder into an iframe on click. "Always load content from X" is remembered in
// localStorage (no cookie, nothing sent to us) and can be revoked on the embed itself or in the
// list rendered into [data-embed-consents]. Without this script nothing loads at all.
(function () {
  "use strict";
  var KEY = "litfass.embeds.consent";

  function read() {
    try {
      var list = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (e) {
        return e && typeof e.key === "string" && typeof e.name === "string";
      }) : [];
    } catch (error) {
      return [];
    }
  }
  function write(list) {
    try { window.localStorage.setItem(KEY, JSON.stringify(list)); } catch (error) { /* private mode */ }
  }
  function remembered(key) {
    return read().some(function (e) { return e.key === key; });
  }
  function remember(key, name) {
    if (!remembered(key)) write(read().concat([{ key: key, name: name }]));
    refreshLists();
  }
  function forget(key) {
    write(read().filter(function (e) { return e.key !== key; }));
    refreshLists();
  }
  function refreshLists() {
    document.querySelectorAll("[data-embed-consents]").forEach(consentList);
  }

  function revokeButton(figure, key) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed__revoke";
    button.textContent = figure.getAttribute("data-embed-revoke-label");
    button.addEventListener("click", function () {
      forget(key);
      var note = document.createElement("p");
      note.className = "embed__revoked";
      note.setAttribute("role", "status");
      note.textContent = figure.getAttribute("data-embed-revoked-label");
      button.replaceWith(note);
    });
    return button;
  }

  function load(figure, focus) {
    var src = figure.getAttribute("data-embed-src") || "";
    var consent = figure.querySelector(".embed__consent");
    // Only https players; the page's CSP frame-src allows nothing but our providers anyway.
    if (src.indexOf("https://") !== 0 || !consent) return;
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = figure.getAttribute("data-embed-title") || "";
    frame.className = "embed__frame embed__frame--" + (figure.getAttribute("data-embed-shape") || "wide");
    frame.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    // The provider's player needs its own origin and scripts, but may not navigate our page.
    frame.setAttribute("sandbox",
      "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation");
    consent.replaceWith(frame);
    figure.classList.add("embed--loaded");
    var key = figure.getAttribute("data-embed-consent-key");
    if (key && remembered(key)) frame.after(revokeButton(figure, key));
    if (focus) frame.focus();
  }

  function pending(key) {
    return Array.prototype.filter.call(
      document.querySelectorAll("figure[data-embed-src]:not(.embed--loaded)"),
      function (figure) { return figure.getAttribute("data-embed-consent-key") === key; });
  }

  function setUp(figure) {
    var key = figure.getAttribute("data-embed-consent-key");
    if (key && remembered(key)) { load(figure, false); return; }
    var actions = figure.querySelector(".embed__actions");
    var button = figure.querySelector(".embed__load");
    if (!actions || !button) return;
    actions.hidden = false;
    button.addEventListener("click", function () {
      var always = figure.querySelector(".embed__always input");
      if (key && always && always.checked) {
        remember(key, figure.getAttribute("data-embed-name") || key);
        pending(key).forEach(function (other) { if (other !== figure) load(other, false); });
      }
      load(figure, true);
    });
  }

  function consentList(container) {
    var list = container.querySelector(".embed-consents__list");
    var nojs = container.querySelector(".embed-consents__nojs");
    if (nojs) nojs.hidden = true;
    if (!list) return;
    list.textContent = "";
    var entries = read();
    if (!entries.length) {
      var empty = document.createElement("li");
      empty.textContent = container.getAttribute("data-embed-empty");
      list.appendChild(empty);
      return;
    }
    entries.forEach(function (entry) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "embed__revoke";
      button.textContent = container.getAttribute("data-embed-revoke");
      button.setAttribute("aria-label", button.textContent + ": " + entry.name);
      button.addEventListener("click", function () { forget(entry.key); });
      item.append(entry.name + " ", button);
      list.appendChild(item);
    });
  }

  function init() {
    document.querySelectorAll("figure[data-embed-src]").forEach(setUp);
    refreshLists();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
