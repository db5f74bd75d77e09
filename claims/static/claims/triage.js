// Keyboard triage of the candidate queue: j / k move between candidates, c confirms, r rejects,
// m goes to the metric choice (Enter sets it, Escape comes back). Keys do nothing while the
// person types in a field or holds a modifier. Without this script every candidate is still a
// plain form with its buttons.
(function () {
  "use strict";

  const items = () => Array.from(document.querySelectorAll(".triage-item"));
  const typing = (el) => el && el.closest && el.closest("input, select, textarea, [contenteditable]");

  function select(item) {
    if (!item) return;
    items().forEach((other) => other.classList.toggle("is-current", other === item));
    item.focus();
    item.scrollIntoView({ block: "nearest" });
  }

  function current() {
    const active = document.activeElement;
    return (active && active.closest && active.closest(".triage-item")) ||
      document.querySelector(".triage-item.is-current");
  }

  function press(item, selector) {
    const button = item && item.querySelector(selector);
    if (button) button.click();
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const list = items();
    if (!list.length) return;
    if (typing(event.target)) {
      const chooser = event.target.closest(".triage-item select");
      if (chooser && event.key === "Enter") {
        event.preventDefault();
        press(chooser.closest(".triage-item"), 'button[value="metric"]');
      } else if (chooser && event.key === "Escape") {
        select(chooser.closest(".triage-item"));
      }
      return;
    }
    const item = current();
    const at = item ? list.indexOf(item) : -1;
    switch (event.key) {
      case "j": select(list[Math.min(at + 1, list.length - 1)]); break;
      case "k": select(list[Math.max(at - 1, 0)]); break;
      case "c": press(item, 'button[value="confirmed"]'); break;
      case "r": press(item, 'button[value="rejected"]'); break;
      case "m": if (item) item.querySelector("select").focus(); break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("focusin", (event) => {
    const item = event.target.closest && event.target.closest(".triage-item");
    if (item) items().forEach((other) => other.classList.toggle("is-current", other === item));
  });

  document.addEventListener("DOMContentLoaded", () => {
    const legend = document.getElementById("triage-keys");
    if (legend) legend.hidden = false;
    const wanted = location.hash && document.querySelector(location.hash.replace(/[^#\w-]/g, ""));
    const first = wanted && wanted.classList.contains("triage-item") ? wanted : items()[0];
    select(first);
  });
})();
