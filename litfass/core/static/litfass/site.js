// Progressive enhancement only: every page works without this file.
// The gallery lightbox works with plain links (#bild-N); with JavaScript it also closes on
// Escape, moves with the arrow keys and keeps the keyboard focus inside while open.
(function () {
  "use strict";
  function openBox() {
    var id = window.location.hash.slice(1);
    if (!id) return null;
    var box = document.getElementById(id);
    return box && box.classList.contains("lightbox") ? box : null;
  }
  function focusBox() {
    var box = openBox();
    if (box) {
      var first = box.querySelector(".close");
      if (first) first.focus();
    }
  }
  // When the lightbox closes, the keyboard focus returns to the picture that was open, so that
  // keyboard and screen-reader users keep their place on the page.
  var lastBox = null;
  window.addEventListener("hashchange", function () {
    var box = openBox();
    if (box) {
      lastBox = box.id;
      focusBox();
      return;
    }
    if (lastBox) {
      var thumb = document.querySelector('.gallery-link[href="#' + lastBox + '"]');
      lastBox = null;
      if (thumb) thumb.focus();
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var box = openBox();
    if (box) lastBox = box.id;
    focusBox();
  });
  document.addEventListener("keydown", function (event) {
    var box = openBox();
    if (!box) return;
    var selector = { Escape: ".close", ArrowLeft: ".prev", ArrowRight: ".next" }[event.key];
    if (selector) {
      var link = box.querySelector(selector);
      if (link) { event.preventDefault(); link.click(); }
      return;
    }
    if (event.key === "Tab") {
      var links = box.querySelectorAll("a");
      if (!links.length) return;
      var first = links[0], last = links[links.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    }
  });
})();
