package io.accord.portal.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.accord.portal.security.PortalClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every data call of the portal: to the API gateway, as the logged-in user. The access token comes from the user's
 * session through the {@link OAuth2AuthorizedClientManager}, which refreshes it when it has expired; a token the
 * gateway rejects is dropped from the session, so the next page starts a new login.
 */
@Component
public class Gateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    private final RestClient client;
    /**
     * For files: no interceptor, because an interceptor makes the client copy the whole request body into memory
     * first (three to four copies of a file in all, with the file's own bytes), and eight 19 MB catalog files at once
     * ended the portal; here the user's token is set as a header and the file streams from the upload's temporary
     * file.
     */
    private final RestClient fileClient;
    /** For downloads: as {@link #client}, but a download may take {@link GatewayProperties#downloadTimeout()}. */
    private final RestClient downloadClient;
    private final OAuth2AuthorizedClientManager clientManager;

    Gateway(RestClient.Builder builder, GatewayProperties properties, OAuth2AuthorizedClientManager clientManager,
            OAuth2AuthorizedClientRepository authorizedClients) {
        this.clientManager = clientManager;
        OAuth2ClientHttpRequestInterceptor userToken = new OAuth2ClientHttpRequestInterceptor(clientManager);
        userToken.setClientRegistrationIdResolver(request -> PortalClient.REGISTRATION_ID);
        userToken.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        RestClient.Builder toGateway = toGateway(builder, properties, properties.readTimeout());
        this.fileClient = toGateway.clone().build();
        this.client = toGateway.requestInterceptor(userToken).build();
        this.downloadClient = toGateway(builder, properties, properties.downloadTimeout())
                .requestInterceptor(userToken).build();
    }

    /**
     * A client of the gateway whose calls end after {@code timeout}: the JDK client's request factory counts it from
     * the request to the end of the answer's body, not only to its headers.
     */
    private static RestClient.Builder toGateway(RestClient.Builder builder, GatewayProperties properties,
            java.time.Duration timeout) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                java.net.http.HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requestFactory.setReadTimeout(timeout);
        return builder.clone()
                .baseUrl(properties.url().toString())
                .requestFactory(requestFactory)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw failed(response);
                });
    }

    /**
     * The logged-in user's access token as the interceptor sets it (from the session, refreshed if expired), for
     * {@link #fileClient}; without one the gateway answers 401 and the page logs in again.
     */
    private java.util.function.Consumer<HttpHeaders> userToken() {
        org.springframework.security.core.Authentication user =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        org.springframework.security.oauth2.client.OAuth2AuthorizedClient authorized = user == null ? null
                : clientManager.authorize(org.springframework.security.oauth2.client.OAuth2AuthorizeRequest
                        .withClientRegistrationId(PortalClient.REGISTRATION_ID).principal(user).build());
        return headers -> {
            if (authorized != null) {
                headers.setBearerAuth(authorized.getAccessToken().getTokenValue());
            }
        };
    }

    /** A JSON resource, e.g. {@code get("/api/disputes/kpis")}; URI variables are encoded. */
    public JsonNode get(String uri, Object... variables) {
        return call(() -> client.get().uri(uri, variables).accept(MediaType.APPLICATION_JSON)
                .retrieve().body(JsonNode.class));
    }

    /**
     * A JSON resource with the strong {@code ETag} its answer carried ({@code null} when none), for a page whose form
     * changes it: the form keeps the tag and sends it back with {@link #sendIfMatch}.
     */
    public Tagged read(String uri, Object... variables) {
        ResponseEntity<JsonNode> response = call(() -> client.get().uri(uri, variables)
                .accept(MediaType.APPLICATION_JSON).retrieve().toEntity(JsonNode.class));
        return new Tagged(response.getBody() == null ? JSON.createObjectNode() : response.getBody(),
                EntityTag.strong(response.getHeaders().getFirst(HttpHeaders.ETAG)));
    }

    /** A resource and the entity tag of the version it is ({@code null} when the service sends none). */
    public record Tagged(JsonNode resource, String entityTag) {
    }

    /** A page of a list: its items and {@code X-Total-Count}. */
    public Listing list(String uri, Object... variables) {
        ResponseEntity<JsonNode> response = call(() -> client.get().uri(uri, variables)
                .accept(MediaType.APPLICATION_JSON).retrieve().toEntity(JsonNode.class));
        JsonNode items = response.getBody() == null ? JSON.createArrayNode() : response.getBody();
        long total = Optional.ofNullable(response.getHeaders().getFirst("X-Total-Count"))
                .map(Long::parseLong).orElse((long) items.size());
        return new Listing(items, total);
    }

    /** A command with a JSON body ({@code null} for none); answers the resource the gateway returns. */
    public JsonNode post(String uri, Object body, Object... variables) {
        return call(() -> {
            RestClient.RequestBodySpec request = client.post().uri(uri, variables).accept(MediaType.APPLICATION_JSON)
                    .contentType(MediaType.APPLICATION_JSON);
            if (body != null) {
                request.body(body);
            }
            return request.retrieve().body(JsonNode.class);
        });
    }

    /** A JSON merge patch ({@code application/merge-patch+json}); answers the patched resource. */
    public JsonNode patch(String uri, Object body, Object... variables) {
        return call(() -> client.patch().uri(uri, variables).accept(MediaType.APPLICATION_JSON)
                .contentType(MERGE_PATCH).body(body).retrieve().body(JsonNode.class));
    }

    /** A delete; answers nothing. */
    public void delete(String uri, Object... variables) {
        call(() -> client.delete().uri(uri, variables).retrieve().toBodilessEntity());
    }

    /**
     * A file upload as {@code multipart/form-data}: the file in part {@code filePart} plus plain form fields (e.g.
     * a document's type); answers the resource the gateway returns.
     */
    public JsonNode upload(String uri, String filePart, Upload file, java.util.Map<String, String> fields,
            Object... variables) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts =
                new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach(parts::add);
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(file.contentType());
        parts.add(filePart, new org.springframework.http.HttpEntity<>(file.named(), partHeaders));
        return call(() -> fileClient.post().uri(uri, variables).headers(userToken()).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class));
    }

    /**
     * A file sent as the request body itself, with its own content type (e.g. a catalog import, {@code text/csv});
     * answers the resource the gateway returns.
     */
    public JsonNode postContent(String uri, Upload file, Object... variables) {
        return call(() -> fileClient.post().uri(uri, variables).headers(userToken()).accept(MediaType.APPLICATION_JSON)
                .contentType(file.contentType()).body(file.content()).retrieve().body(JsonNode.class));
    }

    /**
     * A file the user chose, to pass on to the gateway: read from where it is (an upload's temporary file) as it is
     * sent, never copied into memory whole.
     */
    public record Upload(String filename, MediaType contentType, org.springframework.core.io.Resource content) {

        /** An uploaded file as it is, under its own name ({@code upload} if it has none). */
        public static Upload of(org.springframework.web.multipart.MultipartFile file, MediaType contentType) {
            return new Upload(file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                    contentType, file.getResource());
        }

        /** Bytes the portal wrote itself (e.g. invoice lines typed into a form). */
        public static Upload of(String filename, MediaType contentType, byte[] content) {
            return new Upload(filename, contentType, new org.springframework.core.io.ByteArrayResource(content));
        }

        /** The content under the file's name, for a multipart part. */
        public org.springframework.core.io.Resource named() {
            Upload file = this;
            return new org.springframework.core.io.AbstractResource() {
                @Override
                public String getFilename() {
                    return file.filename();
                }

                @Override
                public String getDescription() {
                    return "upload " + file.filename();
                }

                @Override
                public java.io.InputStream getInputStream() throws IOException {
                    return file.content().getInputStream();
                }

                @Override
                public long contentLength() throws IOException {
                    return file.content().contentLength();
                }
            };
        }
    }

    /**
     * A command with a JSON body ({@code null} for none; a PATCH is sent as a merge patch) whose 4xx answer is a
     * {@link GatewayProblem} with the field violations, for forms that show each error at its field.
     */
    public JsonNode send(org.springframework.http.HttpMethod method, String uri, Object body, Object... variables) {
        return sendIfMatch(null, method, uri, body, variables);
    }

    /**
     * As {@link #send}, with {@code If-Match: entityTag}, the tag of the version the form was filled from
     * ({@link #read}; none sent when it is {@code null} or blank): when someone changed the resource since, the
     * service changes nothing and answers 412, a {@link GatewayProblem} that {@link GatewayProblem#isStale is stale}.
     * A form value that is not an entity tag is a 400.
     */
    public JsonNode sendIfMatch(String entityTag, org.springframework.http.HttpMethod method, String uri, Object body,
                                Object... variables) {
        String ifMatch = EntityTag.ifMatch(entityTag);
        MediaType type = org.springframework.http.HttpMethod.PATCH.equals(method) ? MERGE_PATCH
                : MediaType.APPLICATION_JSON;
        return call(() -> {
            RestClient.RequestBodySpec request = client.method(method).uri(uri, variables)
                    .accept(MediaType.APPLICATION_JSON).contentType(type);
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            if (body != null) {
                request.body(body);
            }
            return problems(request.retrieve()).body(JsonNode.class);
        });
    }

    /** A file as the raw request body (e.g. a CDR file as {@code text/csv}); 4xx as {@link GatewayProblem}. */
    public JsonNode sendFile(org.springframework.http.HttpMethod method, String uri, Upload file,
                             Object... variables) {
        return call(() -> problems(fileClient.method(method).uri(uri, variables).headers(userToken())
                .accept(MediaType.APPLICATION_JSON).contentType(file.contentType()).body(file.content()).retrieve())
                .body(JsonNode.class));
    }

    /**
     * A {@code multipart/form-data} POST with any number of files (part name → file; a {@code null} file is left
     * out) and form fields; 4xx as {@link GatewayProblem}.
     */
    public JsonNode sendParts(String uri, java.util.Map<String, Upload> files, java.util.Map<String, String> fields,
                              Object... variables) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts =
                new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                parts.add(name, value);
            }
        });
        files.forEach((name, file) -> {
            if (file != null) {
                HttpHeaders partHeaders = new HttpHeaders();
                partHeaders.setContentType(file.contentType());
                parts.add(name, new org.springframework.http.HttpEntity<>(file.named(), partHeaders));
            }
        });
        return call(() -> problems(fileClient.post().uri(uri, variables).headers(userToken())
                .accept(MediaType.APPLICATION_JSON).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve())
                .body(JsonNode.class));
    }

    private static RestClient.ResponseSpec problems(RestClient.ResponseSpec response) {
        return response.onStatus(HttpStatusCode::is4xxClientError, (request, answer) -> {
            JsonNode problem;
            try {
                problem = JSON.readTree(answer.getBody());
            } catch (tools.jackson.core.JacksonException e) {
                // not problem+json: the status says enough
                problem = JSON.createObjectNode();
            }
            throw GatewayProblem.of(answer.getStatusCode().value(), problem == null ? JSON.createObjectNode()
                    : problem);
        });
    }

    /**
     * A file from the gateway (a statement's or invoice's PDF, a document, the CSV of a match's unmatched records) as
     * the browser's download, <em>streamed</em>: the gateway's answer is read as the browser takes it, never held in
     * memory whole (a match's unmatched records can run to hundreds of megabytes). The gateway's content type, length
     * and disposition are passed on; without a disposition the file is an attachment named {@code fallbackFilename}.
     * A gateway that refuses or cannot be reached throws here, before anything is sent, so the page says why.
     */
    public ResponseEntity<StreamingResponseBody> download(String uri, MediaType accept, String fallbackFilename,
            Object... variables) {
        return downloadWhole(uri, accept, fallbackFilename, null, variables);
    }

    /**
     * A download as {@link #download}, refused before anything is sent when the gateway says its answer is partial
     * ({@value #PARTIAL_RESULT}: services that did not answer were left out, e.g. of the audit export): the page says
     * which, rather than the browser saving a file that is silently incomplete. {@code partialDetail} words it with
     * the services named ({@code %s}); {@code null} passes a partial answer on.
     */
    public ResponseEntity<StreamingResponseBody> downloadWhole(String uri, MediaType accept, String fallbackFilename,
            String partialDetail, Object... variables) {
        ClientHttpResponse answer = call(() -> downloadClient.get().uri(uri, variables).accept(accept)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        try (response) {
                            throw failed(response);
                        }
                    }
                    String partial = response.getHeaders().getFirst(PARTIAL_RESULT);
                    if (partialDetail != null && partial != null) {
                        try (response) {
                            throw new GatewayException(GatewayException.UNREACHABLE, partialDetail.formatted(partial),
                                    null);
                        }
                    }
                    return response;
                }, false));
        HttpHeaders headers = answer.getHeaders();
        ResponseEntity.BodyBuilder download = ResponseEntity.ok()
                .contentType(Optional.ofNullable(headers.getContentType()).orElse(accept))
                .header(HttpHeaders.CONTENT_DISPOSITION, Optional.ofNullable(
                        headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).orElseGet(() ->
                        ContentDisposition.attachment().filename(fallbackFilename).build().toString()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (headers.getContentLength() >= 0) {
            download.contentLength(headers.getContentLength());
        }
        return download.body(browser -> {
            try (answer; InputStream file = answer.getBody()) {
                file.transferTo(browser);
            }
        });
    }

    /** The gateway's header naming the services a merged answer lacks (they did not answer in time). */
    public static final String PARTIAL_RESULT = "X-Partial-Result";

    /** Items of a list and how many there are in all. */
    public record Listing(JsonNode items, long total) {

        /** No items (a list the page did not ask for). */
        public static final Listing EMPTY = new Listing(JSON.createArrayNode(), 0);
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw new GatewayException(GatewayException.UNREACHABLE, null, e);
        } catch (org.springframework.security.oauth2.core.OAuth2AuthorizationException e) {
            if (!"invalid_token_response".equals(e.getError().getErrorCode())) {
                throw e;
            }
            // the user's token was due for a refresh and Keycloak did not answer (in time), or not with a token:
            // a service is not available, as for an unreachable gateway; the session keeps its tokens for the retry
            throw new GatewayException(GatewayException.UNREACHABLE, null, e);
        }
    }

    private static GatewayException failed(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String detail = null;
        try {
            JsonNode problem = JSON.readTree(response.getBody());
            String text = problem.path("detail").asString(problem.path("title").asString(""));
            detail = text.isBlank() ? null : text;
        } catch (tools.jackson.core.JacksonException e) {
            // not problem+json: the status says enough
            detail = null;
        }
        return new GatewayException(status, detail, null);
    }
}
