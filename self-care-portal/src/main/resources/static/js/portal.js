// htmx requests carry the session's CSRF token as a header (forms also carry it as the _csrf field)
document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// the application form: the fields onboarding's checks require of the chosen partner type become required
document.addEventListener("change", function (event) {
    if (event.target.id !== "partnerType" || !event.target.closest("form.wizard")) {
        return;
    }
    event.target.form.querySelectorAll("[data-required-for]").forEach(function (input) {
        input.required = input.dataset.requiredFor.split(" ").indexOf(event.target.value) >= 0;
        // the label's "*" says so too, as it does for the fields the server marks required
        var label = input.form.querySelector('label[for="' + input.id + '"]');
        if (label) {
            label.textContent = label.textContent.replace(/ \*$/, "") + (input.required ? " *" : "");
        }
    });
});

// a row the review queue swapped after a decision (its button gone): focus stays in the row, on the reason that
// needs correcting or else on the applicant's name; the live region above the queue says what was decided
document.addEventListener("htmx:afterSwap", function (event) {
    var row = document.getElementById(event.detail.target.id) || event.detail.elt;
    if (!row || !row.id || row.id.indexOf("application-") !== 0) {
        return;
    }
    var target = row.querySelector("[role=alert]") ? row.querySelector("textarea") : null;
    (target || row.querySelector("th[tabindex]")).focus();
});

// a step that cannot be undone (approve or reject a quote, issue a statement, write records off): its form's
// data-confirm is asked first, and a "Cancel" sends nothing (without JavaScript the server's own checks remain)
document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);
