package io.accord.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every bench command does around its HTTP calls: send, read a field, report progress. */
final class Calls {

    private Calls() {
    }

    /** The response; a {@link GatewayBench.BenchException} naming the URL when nothing answers. */
    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new GatewayBench.BenchException(request.uri() + " does not answer (is the platform up? ./accord"
                    + " up): " + e);
        }
    }

    /** The response, which must have {@code status}; else a {@link GatewayBench.BenchException} saying what. */
    static HttpResponse<String> expect(HttpClient client, HttpRequest request, int status, String what)
            throws InterruptedException {
        HttpResponse<String> response = send(client, request);
        if (response.statusCode() == 429) {
            throw new GatewayBench.BenchException(what + ": the gateway answered 429: start the platform with"
                    + " ACCORD_GATEWAY_RATELIMIT_ENABLED=false ./accord up");
        }
        if (response.statusCode() != status) {
            throw new GatewayBench.BenchException(what + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    static String group(Pattern pattern, String text, String otherwise) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : otherwise;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void say(String format, Object... arguments) {
        System.out.println(String.format(Locale.ROOT, format, arguments));
    }
}
