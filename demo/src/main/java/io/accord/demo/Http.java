package io.accord.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JDK's HTTP client through the gateway: JSON in and out, a bearer token per call, 429s waited out. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String base() {
        return base;
    }

    /** An answer: status, headers and body. */
    record Answer(String method, String uri, int status, HttpResponse<byte[]> response) {

        String body() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        byte[] bytes() {
            return response.body();
        }

        JsonNode json() {
            return JSON.readTree(body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** This answer, which must have one of these statuses; else a {@link StepFailed} naming the call. */
        Answer expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return this;
                }
            }
            String text = body();
            throw new StepFailed(method + " " + uri + " answered " + status + ": "
                    + (text.length() > 600 ? text.substring(0, 600) + "…" : text));
        }
    }

    Answer get(String token, String path) {
        return send(builder(token, path).GET());
    }

    Answer get(String token, String path, String accept) {
        return send(builder(token, path).header("Accept", accept).GET());
    }

    Answer post(String token, String path, String json) {
        HttpRequest.Builder request = builder(token, path);
        if (json == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer post(String token, String path, String contentType, String body) {
        return send(builder(token, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer patch(String token, String path, String json) {
        return send(builder(token, path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String token, String path, String contentType, String body) {
        return send(builder(token, path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data POST: fields, then files as {@code name -> (fileName, contentType, bytes)}. */
    Answer postMultipart(String token, String path, Map<String, String> headers, Map<String, String> fields,
                         List<Part> files) {
        String boundary = "accord-demo-" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (Part file : files) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType()
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(file.content());
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = builder(token, path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        headers.forEach(request::header);
        return send(request);
    }

    record Part(String name, String fileName, String contentType, byte[] content) {
    }

    HttpRequest.Builder builder(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofMinutes(2));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    Answer send(HttpRequest.Builder builder) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = builder.build();
            HttpResponse<byte[]> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new StepFailed(request.method() + " " + request.uri() + " does not answer (is the platform up?"
                        + " ./accord up): " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailed("interrupted");
            }
            if (response.statusCode() == 429 && attempt < 20) {
                long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(5L);
                Waits.sleep(Duration.ofSeconds(Math.max(1, Math.min(wait, 30))));
                continue;
            }
            return new Answer(request.method(), request.uri().toString(), response.statusCode(), response);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
