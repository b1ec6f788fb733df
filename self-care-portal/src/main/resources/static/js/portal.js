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

// the session timeout warning (WCAG 2.2.1 Timing Adjustable, docs/portal.md): the session ends after the layout's
// session-timeout seconds without a request. Two minutes before, a dialog offers to stay signed in (a POST that
// restarts the session and refreshes its tokens); once it has ended, a dialog says so instead of a form failing
// later. Every tab of the portal shares the time of the last request (localStorage), so a tab left open does not
// warn while another is in use. Without JavaScript (or <dialog>) nothing of this shows and nothing changes.
(function () {
    var meta = document.querySelector('meta[name="session-timeout"]');
    var warning = document.getElementById("session-warning");
    var ended = document.getElementById("session-ended");
    if (!meta || !warning || !ended || typeof warning.showModal !== "function") {
        return;
    }
    var timeout = parseInt(meta.content, 10) * 1000;
    if (!(timeout > 0)) {
        return;
    }
    var WARN_BEFORE = 120000;
    // the server counts from the request's start, this page from its load: end the estimate a little earlier
    var MARGIN = 5000;
    var KEY = "accord.portal.lastRequest";
    var status = document.getElementById("session-warning-status");
    var lastRequest = Date.now();
    var timer = null;
    // closed by the user: not opened again until the next request (the end still shows)
    var dismissed = false;

    function shared() {
        try {
            return parseInt(window.localStorage.getItem(KEY), 10) || 0;
        } catch (e) {
            return 0;
        }
    }

    function requested() {
        dismissed = false;
        lastRequest = Date.now();
        try {
            window.localStorage.setItem(KEY, String(lastRequest));
        } catch (e) {
            // storage refused (private mode): this tab counts on its own
        }
        schedule();
    }

    function signedOut() {
        clearTimeout(timer);
        if (warning.open) {
            warning.close();
        }
        if (!ended.open) {
            ended.showModal();
        }
    }

    function schedule() {
        clearTimeout(timer);
        if (ended.open) {
            return;
        }
        var left = Math.max(lastRequest, shared()) + timeout - MARGIN - Date.now();
        if (left <= 0) {
            signedOut();
            return;
        }
        if (left <= WARN_BEFORE) {
            if (!warning.open && !dismissed) {
                status.textContent = "";
                warning.showModal();
            }
            timer = setTimeout(schedule, Math.min(left, 10000));
            return;
        }
        if (warning.open) {
            // another tab was used meanwhile
            warning.close();
        }
        timer = setTimeout(schedule, Math.min(left - WARN_BEFORE, 60000));
    }

    function extend() {
        var token = document.querySelector('meta[name="csrf-token"]');
        var header = document.querySelector('meta[name="csrf-header"]');
        var headers = {"Accept": "application/json"};
        if (token && header) {
            headers[header.content] = token.content;
        }
        status.textContent = "";
        fetch(warning.dataset.extendUrl, {method: "POST", headers: headers, credentials: "same-origin",
            redirect: "manual"}).then(function (response) {
            if (response.ok) {
                warning.close();
                requested();
            } else if (response.status === 401 || response.status === 403 || response.type === "opaqueredirect") {
                signedOut();
            } else {
                status.textContent = status.dataset.failed;
            }
        }, function () {
            status.textContent = status.dataset.failed;
        });
    }

    warning.addEventListener("click", function (event) {
        var action = event.target.getAttribute("data-session");
        if (action === "extend") {
            extend();
        } else if (action === "close") {
            dismissed = true;
            warning.close();
        }
    });
    warning.addEventListener("cancel", function () {
        dismissed = true;
    });
    // htmx's requests (a panel's refresh, a form sent in place) restart the session too
    document.addEventListener("htmx:afterRequest", requested);
    window.addEventListener("storage", function (event) {
        if (event.key === KEY) {
            schedule();
        }
    });
    // timers of a hidden tab are slowed down: look again when it is shown
    document.addEventListener("visibilitychange", schedule);
    requested();
}());
