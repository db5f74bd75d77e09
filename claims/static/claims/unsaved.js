// A form with edits not yet saved warns before anything throws them away: leaving the page,
// or a button that posts somewhere else (Confirm, Reject, Set metric on an article's claims,
// the review workflow). Saving the form itself never warns.
(function () {
  "use strict";
  const WARNING =
    "You have changes on this page that are not saved yet (for example the publication date). " +
    "They will be lost. Continue anyway?";

  function watch(form) {
    let dirty = false;
    const ownFields = (el) => !el.closest(".claim-triage, .review-workflow, .actions");
    form.addEventListener("input", (event) => { if (ownFields(event.target)) dirty = true; });
    form.addEventListener("change", (event) => { if (ownFields(event.target)) dirty = true; });
    form.addEventListener("click", (event) => {
      const button = event.target.closest("button[formaction], input[formaction]");
      if (!button || !dirty) return;
      if (!window.confirm(WARNING)) {
        event.preventDefault();
        event.stopPropagation();
      } else {
        dirty = false;
      }
    }, true);
    form.addEventListener("submit", (event) => {
      const via = event.submitter;
      if (!via || !via.hasAttribute("formaction")) dirty = false;
    });
    window.addEventListener("beforeunload", (event) => {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = WARNING;
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("#content-main form[method=post][id$=_form]").forEach(watch);
  });
})();
