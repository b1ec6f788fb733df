package io.accord.onboarding.document;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Multipart uploads and binary downloads against the document API, as a partner's program would send them. */
final class DocumentClient {

    static final String DOCUMENTS = "/tmf-api/document/v4/document";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String token;

    DocumentClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    Response upload(Form form) {
        return post(DOCUMENTS, form);
    }

    Response post(String path, Form form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
    }

    Response send(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Response send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A multipart/form-data body: text fields and file parts with a declared Content-Type. */
    static final class Form {

        private final String boundary = "accord-" + UUID.randomUUID();
        private final List<byte[]> parts = new ArrayList<>();

        Form field(String name, String value) {
            parts.add(("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value)
                    .getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Form file(String name, String fileName, String contentType, byte[] content) {
            byte[] head = ("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            part.writeBytes(head);
            part.writeBytes(content);
            parts.add(part.toByteArray());
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] body() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
                body.writeBytes(part);
                body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return body.toByteArray();
        }
    }

    record Response(int status, HttpHeaders headers, byte[] body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
