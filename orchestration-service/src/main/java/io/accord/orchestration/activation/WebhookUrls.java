package io.accord.orchestration.activation;

import io.accord.platform.problem.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Which webhook URLs a partner may register: HTTPS, or plain HTTP to this machine only (development, tests). */
final class WebhookUrls {

    private WebhookUrls() {
    }

    static URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "a WEBHOOK endpoint needs its URL");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            throw new InvalidInputException("url", "is not a URL: " + malformed.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException("url", "must be an absolute https:// URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException("url", "must not carry credentials; requests are signed instead");
        }
        if (scheme.equals("http") && !isLocal(uri.getHost())) {
            throw new InvalidInputException("url", "must use https (plain http only to localhost or a loopback "
                    + "address, for development)");
        }
        return uri;
    }

    /** Loopback by name or literal address; decided without a DNS lookup, which could be made to lie. */
    static boolean isLocal(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")
                || name.equals("0:0:0:0:0:0:0:1") || name.matches("127(\\.\\d{1,3}){3}");
    }
}
