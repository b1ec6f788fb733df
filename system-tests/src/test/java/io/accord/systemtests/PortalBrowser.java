package io.accord.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The self-care portal in a real browser: Playwright driving the system's Chromium ({@code /usr/bin/chromium}, or
 * {@code ACCORD_CHROMIUM}; Playwright downloads no browser). Each {@link #step} that fails saves a screenshot of the
 * page under {@code target/playwright/} before the failure propagates.
 */
final class PortalBrowser implements AutoCloseable {

    private static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    private static final double STEP_TIMEOUT_MILLIS = 120_000;

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;

    private PortalBrowser(Playwright playwright, Browser browser, Path screenshots) {
        this.playwright = playwright;
        this.browser = browser;
        this.screenshots = screenshots;
    }

    static PortalBrowser launch(Path screenshots) {
        String chromium = System.getenv().getOrDefault("ACCORD_CHROMIUM", DEFAULT_CHROMIUM);
        if (!Files.isExecutable(Path.of(chromium))) {
            throw new IllegalStateException(chromium + " is missing: install Debian's chromium package"
                    + " (apt-get install -y chromium; .ci/run does it when missing)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(chromium)).setHeadless(true));
            return new PortalBrowser(playwright, browser, screenshots);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh browser profile (no cookies), desktop-sized unless a width and height are given. */
    BrowserContext newContext(String locale, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(width, height));
        // a login is Keycloak's password hashing plus the portal's token exchange: slow on a busy 2-core machine
        context.setDefaultTimeout(STEP_TIMEOUT_MILLIS);
        return context;
    }

    BrowserContext newContext() {
        return newContext("en-GB", 1280, 860);
    }

    /** Runs one step of a journey; on failure saves {@code <name>.png} of the page and rethrows. */
    void step(Page page, String name, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | AssertionError e) {
            Path file = screenshots.resolve(name.replaceAll("[^A-Za-z0-9-]+", "-") + ".png");
            try {
                page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                e.addSuppressed(new IllegalStateException("screenshot of the failed step: " + file.toAbsolutePath()));
            } catch (RuntimeException screenshotFailed) {
                e.addSuppressed(screenshotFailed);
            }
            throw e;
        }
    }

    /**
     * Opens the portal, which sends the browser to Keycloak's own login page; fills it in and waits to be back in the
     * portal.
     */
    static void logIn(Page page, String portalUrl, String keycloakUrl, String username, String password) {
        page.navigate(portalUrl);
        page.waitForURL(url -> url.startsWith(keycloakUrl + "/realms/accord/protocol/openid-connect/auth"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(portalUrl + "/") && !url.contains("/login/oauth2/"));
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
