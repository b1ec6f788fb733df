package io.accord.systemtests;

import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * Takes the screenshots of docs/portal.md from a running platform ({@code ./accord up}); not a test. Run from the
 * system tests' classpath: {@code java -cp ... io.accord.systemtests.PortalScreenshots [portal URL] [Keycloak URL]
 * [directory]} (defaults {@code http://localhost:8090}, {@code http://localhost:8180}, {@code docs/portal}).
 */
final class PortalScreenshots {

    private PortalScreenshots() {
    }

    public static void main(String[] args) {
        String portal = args.length > 0 ? args[0] : "http://localhost:8090";
        String keycloak = args.length > 1 ? args[1] : "http://localhost:8180";
        Path directory = Path.of(args.length > 2 ? args[2] : "docs/portal");
        try (PortalBrowser browser = PortalBrowser.launch(directory)) {
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                page.navigate(portal);
                page.waitForURL(url -> url.startsWith(keycloak));
                shoot(page, directory, "login");
                PortalBrowser.logIn(page, portal, keycloak, "partner-admin", "partner-admin-dev");
                shoot(page, directory, "dashboard");
                page.navigate(portal + "/catalog");
                shoot(page, directory, "catalog");
                page.navigate(portal + "/statements");
                shoot(page, directory, "statements");
            }
            try (BrowserContext phone = browser.newContext("de-DE", 390, 844)) {
                Page page = phone.newPage();
                PortalBrowser.logIn(page, portal, keycloak, "partner-user", "partner-user-dev");
                shoot(page, directory, "dashboard-mobile-de");
            }
            staffPage(browser, portal, keycloak, "partner-manager", "/review", directory, "review");
            staffPage(browser, portal, keycloak, "ops", "/suspense", directory, "suspense");
        }
    }

    private static void staffPage(PortalBrowser browser, String portal, String keycloak, String user, String path,
                                  Path directory, String name) {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            PortalBrowser.logIn(page, portal, keycloak, user, user + "-dev");
            page.navigate(portal + path);
            shoot(page, directory, name);
        }
    }

    private static void shoot(Page page, Path directory, String name) {
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
    }
}
