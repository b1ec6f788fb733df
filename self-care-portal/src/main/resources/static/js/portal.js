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
    });
});
