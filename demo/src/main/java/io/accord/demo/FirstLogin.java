package io.accord.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a new partner admin does with Keycloak's first-login e-mail, done the way a browser does it: follows the
 * link in the e-mail, proceeds past Keycloak's "perform the following actions" page, fills in the new password
 * form and posts it, keeping Keycloak's session cookies throughout (java.net.http with a cookie jar).
 */
public final class FirstLogin {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+");
    private static final Pattern FORM = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(name|value|type)=\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROCEED = Pattern.compile("href=\"([^\"]*login-actions/action-token[^\"]*)\"");
    private static final int MAX_PAGES = 10;

    private FirstLogin() {
    }

    /** The action link of a Keycloak execute-actions e-mail (its whole MIME text, quoted-printable or not). */
    public static String actionLink(String mimeMessage) {
        Matcher link = ACTION_LINK.matcher(decodeQuotedPrintable(mimeMessage));
        if (!link.find()) {
            throw new StepFailed("no Keycloak action link in the e-mail:\n" + mimeMessage);
        }
        return unescapeHtml(link.group());
    }

    /**
     * Follows the link and sets the password on every password form Keycloak shows, until it says the account
     * is updated. Returns the text of that last page.
     *
     * @throws StepFailed when Keycloak shows something else (an expired link, an error page)
     */
    public static String setPassword(String actionLink, String newPassword) {
        OneSiteCookies cookies = new OneSiteCookies();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(actionLink)).GET().build());
        List<String> trail = new ArrayList<>();
        for (int i = 0; i < MAX_PAGES; i++) {
            String html = page.body();
            trail.add(page.request().method() + " " + page.uri() + " -> " + page.statusCode());
            // in the user's locale: the realm's en, de or fr (onboarding gives a German partner's users de, a French
            // one's fr)
            if (html.contains("account has been updated") || html.contains("Benutzerkonto wurde aktualisiert")
                    || html.contains("Votre compte a été mis à jour")) {
                return html;
            }
            Matcher form = FORM.matcher(html);
            if (form.find() && html.contains("password-new")) {
                Map<String, String> fields = fields(form.group(2));
                fields.put("password-new", newPassword);
                fields.put("password-confirm", newPassword);
                page = send(browser, HttpRequest.newBuilder(page.uri().resolve(unescapeHtml(form.group(1))))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
                continue;
            }
            Matcher proceed = PROCEED.matcher(html);
            if (proceed.find()) {
                page = send(browser, HttpRequest.newBuilder(page.uri().resolve(unescapeHtml(proceed.group(1))))
                        .GET().build());
                continue;
            }
            throw new StepFailed("unexpected Keycloak page at " + page.uri() + " (" + page.statusCode() + "):\n"
                    + html);
        }
        throw new StepFailed("Keycloak did not finish the first login within " + MAX_PAGES + " pages: "
                + String.join("\n", trail) + "\ncookies " + cookies.names() + "\nlast page:\n"
                + page.body());
    }

    /**
     * The cookie jar of a browser talking to one site. Java's {@link java.net.CookieManager} files a cookie of host
     * {@code localhost} (no dot) under the domain {@code localhost.local} and never sends it back, which would
     * make Keycloak start a fresh authentication session on every page.
     */
    private static final class OneSiteCookies extends CookieHandler {

        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    values.forEach(this::store);
                }
            });
        }

        private void store(String header) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }

        Set<String> names() {
            return cookies.keySet();
        }
    }

    private static Map<String, String> fields(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(), unescapeHtml(attribute.group(2)));
            }
            String name = attributes.get("name");
            if (name != null && !"submit".equalsIgnoreCase(attributes.get("type"))
                    && !"checkbox".equalsIgnoreCase(attributes.get("type"))) {
                fields.put(name, attributes.getOrDefault("value", ""));
            }
        }
        return fields;
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest request) {
        try {
            HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new StepFailed(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ":\n" + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unescapeHtml(String text) {
        return text.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"").replace("&#39;", "'");
    }

    /** Soft line breaks and =XX escapes of quoted-printable parts; a message without them stays as it is. */
    static String decodeQuotedPrintable(String mime) {
        if (!mime.toLowerCase().contains("content-transfer-encoding: quoted-printable")) {
            return mime;
        }
        String joined = mime.replace("=\r\n", "").replace("=\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }
}
