// Small progressive enhancements; every page works without this script.
(function () {
  "use strict";

  // A link to a quote inside a closed <details> should open it and show the quote.
  function revealTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var details = target.closest("details");
    if (details && !details.open) details.open = true;
    target.classList.add("flash");
    target.scrollIntoView({ block: "center" });
    window.setTimeout(function () { target.classList.remove("flash"); }, 2500);
  }
  window.addEventListener("hashchange", revealTarget);
  document.addEventListener("DOMContentLoaded", revealTarget);
})();

// Analyst review on the incident and document pages: accept, correct, reject, add a missed
// claim from selected text, merge claimant columns, split or merge incidents. Every write
// goes to the JSON API with the bearer token, asked once and kept in sessionStorage (this
// browser tab only). No inline script or style: the CSP allows only this server's files.
(function () {
  "use strict";

  var TOKEN = "counterclaim.token";
  var REVIEWER = "counterclaim.reviewer";
  var pendingAction = null;
  var dialogMode = null;

  function $(id) { return document.getElementById(id); }

  function token() { return window.sessionStorage.getItem(TOKEN) || ""; }
  function reviewer() { return window.sessionStorage.getItem(REVIEWER) || ""; }

  function showSession() {
    var box = $("review-session");
    if (!box) return;
    box.hidden = !token();
    $("review-who").textContent = reviewer() || "an unnamed analyst";
  }

  function say(message, isError) {
    var box = $("review-status");
    if (!box) return;
    box.textContent = message;
    box.classList.toggle("error", !!isError);
  }

  // Run `action` once a token is known: ask for it the first time.
  function withToken(action) {
    if (token()) { action(); return; }
    pendingAction = action;
    var dialog = $("token-dialog");
    $("reviewer-input").value = reviewer();
    dialog.showModal();
    $("token-input").focus();
  }

  function post(url, body) {
    say("Saving…", false);
    return window.fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token() },
      body: JSON.stringify(body),
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          if (response.status === 401 || response.status === 403) {
            window.sessionStorage.removeItem(TOKEN);
            showSession();
          }
          var message = (data && data.error && data.error.message) || ("HTTP " + response.status);
          throw new Error(message);
        }
        return data;
      });
    });
  }

  function afterWrite(data) {
    var note = data && data.note ? " " + data.note : "";
    window.sessionStorage.setItem("counterclaim.flash", "Saved." + note);
    if (data && data.operation === "split-incident" && data.incident && document.body.querySelector("#split-form")) {
      window.location.assign("/incidents/" + encodeURIComponent(data.incident));
      return;
    }
    window.location.reload();
  }

  function fail(error) { say("Not saved: " + error.message, true); }

  function send(url, body) {
    withToken(function () {
      body.reviewer = reviewer() || null;
      post(url, body).then(afterWrite, fail);
    });
  }

  function rowOf(button) { return button.closest("[data-claim]"); }

  // -- the correction / addition / rejection dialog -----------------------------------------
  var FIELDS = ["claimant", "category", "target", "target_role", "value", "qualifier",
                "event_date", "incident"];
  var DATA_KEYS = { target_role: "role", event_date: "date" };

  function fieldOf(name) { return $("review-form").elements.namedItem(name); }

  function openDialog(mode, row, selection) {
    dialogMode = { mode: mode, row: row, selection: selection };
    var titles = { correct: "Correct the claim", add: "Add a missed claim", reject: "Reject the claim" };
    $("review-title").textContent = titles[mode];
    $("review-fields").hidden = mode === "reject";
    var evidence = mode === "add" ? selection.text : (row ? row.dataset.evidence : "");
    $("review-evidence").textContent = evidence ? "“" + evidence + "”" : "";
    FIELDS.forEach(function (name) {
      var input = fieldOf(name);
      if (!input) return;
      if (row) {
        input.value = row.dataset[DATA_KEYS[name] || name] || "";
      } else {
        input.value = { category: "killed", target_role: "other", qualifier: "exact" }[name] || "";
        if (name === "value") {
          var number = (selection.text.match(/\d[\d,]*/) || [""])[0].replace(/,/g, "");
          input.value = number;
        }
        if (name === "claimant") input.value = "reporter";
      }
    });
    fieldOf("reason").value = "";
    $("review-submit").textContent = mode === "reject" ? "Reject" : "Save";
    $("review-dialog").showModal();
  }

  function submitDialog() {
    var state = dialogMode;
    if (!state) return;
    var reason = fieldOf("reason").value;
    if (state.mode === "reject") {
      send("/api/claims/" + encodeURIComponent(state.row.dataset.claim) + "/reject", { reason: reason });
      return;
    }
    if (state.mode === "correct") {
      var changes = {};
      FIELDS.forEach(function (name) {
        var now = fieldOf(name).value.trim();
        var before = (state.row.dataset[DATA_KEYS[name] || name] || "").trim();
        if (now !== before) changes[name] = now;
      });
      if (!Object.keys(changes).length) { say("Nothing changed: use Accept to vouch for a claim as it is.", true); return; }
      send("/api/claims/" + encodeURIComponent(state.row.dataset.claim) + "/correct", { changes: changes, reason: reason });
      return;
    }
    var body = { reason: reason, evidence: state.selection.text,
                 span_start: state.selection.start, span_end: state.selection.end };
    FIELDS.forEach(function (name) {
      var value = fieldOf(name).value.trim();
      if (value !== "") body[name] = value;
    });
    send("/api/documents/" + encodeURIComponent(state.selection.doc) + "/claims", body);
  }

  // -- selecting evidence in a text ---------------------------------------------------------
  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function currentSelection() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    var start = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    var container = start && start.closest(".text[data-doc]");
    if (!container || !container.contains(range.endContainer)) return null;
    var text = selection.toString();
    if (!text.trim()) return null;
    return {
      doc: container.dataset.doc,
      text: text.trim(),
      start: offsetIn(container, range.startContainer, range.startOffset),
      end: offsetIn(container, range.endContainer, range.endOffset)
    };
  }

  var lastSelection = null;
  function watchSelection() {
    var tools = $("selection-tools");
    if (!tools) return;
    var found = currentSelection();
    if (found) lastSelection = found;
    tools.hidden = !found;
  }

  // -- wiring -------------------------------------------------------------------------------
  function formValue(form, name) {
    var field = form.elements.namedItem(name);
    return field ? field.value : "";
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!$("review-dialog")) return;
    showSession();
    var flash = window.sessionStorage.getItem("counterclaim.flash");
    if (flash) { say(flash, false); window.sessionStorage.removeItem("counterclaim.flash"); }

    $("token-form").addEventListener("submit", function (event) {
      event.preventDefault();
      window.sessionStorage.setItem(TOKEN, $("token-input").value.trim());
      window.sessionStorage.setItem(REVIEWER, $("reviewer-input").value.trim());
      $("token-dialog").close();
      showSession();
      var action = pendingAction;
      pendingAction = null;
      if (action) action();
    });
    $("review-form").addEventListener("submit", function (event) {
      event.preventDefault();
      $("review-dialog").close();
      submitDialog();
    });
    Array.prototype.forEach.call(document.querySelectorAll(".dialog-cancel"), function (button) {
      button.addEventListener("click", function () {
        pendingAction = null;
        button.closest("dialog").close();
      });
    });
    $("review-signout").addEventListener("click", function () {
      window.sessionStorage.removeItem(TOKEN);
      showSession();
      say("The token is forgotten in this tab.", false);
    });

    document.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var row = rowOf(button);
      if (button.classList.contains("review-accept")) {
        send("/api/claims/" + encodeURIComponent(row.dataset.claim) + "/accept", { reason: "" });
      } else if (button.classList.contains("review-correct")) {
        openDialog("correct", row, null);
      } else if (button.classList.contains("review-reject")) {
        openDialog("reject", row, null);
      } else if (button.classList.contains("review-accept-document")) {
        send("/api/documents/" + encodeURIComponent(button.dataset.doc) + "/accept", { reason: "" });
      } else if (button.id === "add-from-selection" && lastSelection) {
        openDialog("add", null, lastSelection);
      }
    });

    document.addEventListener("selectionchange", watchSelection);

    var merge = $("merge-actors-form");
    if (merge) merge.addEventListener("submit", function (event) {
      event.preventDefault();
      var source = formValue(merge, "source");
      var into = formValue(merge, "into");
      if (source === into) { say("Choose two different claimant columns.", true); return; }
      send("/api/actors/merge", { source: source, into: into, reason: formValue(merge, "reason") });
    });

    var split = $("split-form");
    if (split) split.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = Array.prototype.map.call(
        document.querySelectorAll(".split-pick:checked"), function (box) { return box.value; });
      if (!picked.length) { say("Tick the claims that belong to the other incident first.", true); return; }
      send("/api/incidents/" + encodeURIComponent(split.dataset.incident) + "/split",
           { claim_ids: picked, label: formValue(split, "label") || null, reason: formValue(split, "reason") });
    });

    var mergeIncidents = $("merge-incidents-form");
    if (mergeIncidents) mergeIncidents.addEventListener("submit", function (event) {
      event.preventDefault();
      send("/api/incidents/" + encodeURIComponent(mergeIncidents.dataset.incident) + "/merge",
           { other: formValue(mergeIncidents, "other"), reason: formValue(mergeIncidents, "reason") });
    });
  });
})();
