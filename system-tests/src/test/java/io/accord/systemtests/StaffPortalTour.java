package io.accord.systemtests;

import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Walks the portal's staff pages on a running platform ({@code ./accord up}, best after {@code ./accord demo}) as
 * each staff role, acts where the role may, and takes the staff screenshots of docs/portal.md; not a test. Run from
 * the system tests' classpath: {@code java -cp ... io.accord.systemtests.StaffPortalTour [portal URL] [Keycloak URL]
 * [directory]} (defaults {@code http://localhost:8090}, {@code http://localhost:8180}, {@code docs/portal}). It says
 * on standard output what each page showed.
 */
final class StaffPortalTour {

    private StaffPortalTour() {
    }

    public static void main(String[] args) {
        String portal = args.length > 0 ? args[0] : "http://localhost:8090";
        String keycloak = args.length > 1 ? args[1] : "http://localhost:8180";
        Path directory = Path.of(args.length > 2 ? args[2] : "docs/portal");
        try (PortalBrowser browser = PortalBrowser.launch(directory)) {
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                PortalBrowser.logIn(page, portal, keycloak, "finance", "finance-dev");
                open(page, portal, "/settlement-runs", directory, "settlement-runs");
                page.locator("#fx-base").fill("USD");
                page.locator("#fx-quote").fill("EUR");
                page.locator("#fx-rate").fill("0.9214");
                page.locator("#fx-valid-from").fill("2026-12-01T00:00");
                page.getByText("Load rate").click();
                page.waitForLoadState();
                report("finance loads an FX rate", page.locator("main [role=status], main [role=alert]"));
                page.getByText("Start a run for every partner").click();
                page.waitForURL(url -> url.matches(".*/settlement-runs/[0-9a-f-]{36}$"));
                page.waitForFunction("() => !document.querySelector('[data-testid=run-state]')"
                        + " || document.querySelector('[data-testid=run-state]').textContent !== 'RUNNING'");
                shoot(page, directory, "settlement-run");
                report("finance starts a run", page.locator("main .tiles"));
                open(page, portal, "/kpis", directory, "kpis");
                open(page, portal, "/disputes", directory, "disputes");
                open(page, portal, "/statements", directory, "statements-staff");
                open(page, portal, "/reconciliation", directory, "reconciliation");
                Locator invoice = page.locator("main table a[href^='/reconciliation/']");
                if (invoice.count() > 0) {
                    invoice.first().click();
                    page.waitForLoadState();
                    shoot(page, directory, "reconciliation-invoice");
                    report("an invoice's reconciliation", page.locator("main"));
                }
            }
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                PortalBrowser.logIn(page, portal, keycloak, "ops", "ops-dev");
                open(page, portal, "/suspense", directory, "suspense");
                Locator recycle = page.locator("main form[action='/suspense/recycle'] button");
                if (recycle.count() > 0) {
                    recycle.first().click();
                    page.waitForLoadState();
                    report("ops recycle a reason", page.locator("main [role=status], main [role=alert]"));
                }
                open(page, portal, "/fallout", directory, "fallout");
            }
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                PortalBrowser.logIn(page, portal, keycloak, "partner-manager", "partner-manager-dev");
                open(page, portal, "/offering-review", directory, "offering-review");
            }
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                PortalBrowser.logIn(page, portal, keycloak, "auditor", "auditor-dev");
                for (String path : new String[] {"/offering-review", "/fallout", "/suspense", "/settlement-runs",
                        "/reconciliation", "/review"}) {
                    page.navigate(portal + path);
                    page.waitForLoadState();
                    System.out.printf("auditor on %s: %d action buttons, read-only note: %s%n", path,
                            page.locator("main button.primary, main button.danger").count(),
                            page.locator("main [data-testid=read-only], main p.muted").count() == 0 ? "(none: read-only"
                                    + " for every role)"
                                    : page.locator("main [data-testid=read-only], main p.muted").first().textContent());
                }
                page.navigate(portal + "/audit");
                page.waitForSelector("[data-testid=audit-verified]");
                shoot(page, directory, "audit");
                report("the audit trail's verification", page.locator("#audit-verification"));
            }
        }
    }

    private static void open(Page page, String portal, String path, Path directory, String name) {
        page.navigate(portal + path);
        page.waitForLoadState();
        shoot(page, directory, name);
        report(path, page.locator("main"));
    }

    private static void report(String what, Locator locator) {
        String text = locator.count() == 0 ? "(nothing)" : String.join(" | ", locator.allInnerTexts());
        System.out.printf("%s:%n  %s%n", what, text.replaceAll("\\s+", " ").strip());
    }

    private static void shoot(Page page, Path directory, String name) {
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
    }
}
