package io.accord.portal.gateway.anonymous;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Map;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's public routes, called without any user token: a prospective partner has no account yet. It applies
 * and follows its application with the application's tracking secret ({@code X-Tracking-Secret}), which the portal
 * keeps in the applicant's session. The browser's address goes along as {@code X-Forwarded-For}, so that a gateway
 * that trusts the portal as a proxy limits applications per applicant rather than per portal.
 */
@Component
public class AnonymousGateway {

    /** The header the onboarding service identifies an applicant by. */
    public static final String TRACKING_SECRET = "X-Tracking-Secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    AnonymousGateway(RestClient.Builder builder, AnonymousGatewayProperties properties) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requestFactory.setReadTimeout(properties.readTimeout());
        this.client = builder.clone()
                .baseUrl(properties.url().toString())
                .requestFactory(requestFactory)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw failed(response);
                })
                .build();
    }

    /** A JSON command ({@code POST}) or amendment ({@code PUT}) with optional headers; answers the resource. */
    public JsonNode send(String method, String uri, Object body, Map<String, String> headers, Object... variables) {
        return call(() -> client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri, variables)
                .headers(h -> headers.forEach(h::set))
                .accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? Map.of() : body)
                .retrieve().body(JsonNode.class));
    }

    /** A JSON resource. */
    public JsonNode get(String uri, Map<String, String> headers, Object... variables) {
        return call(() -> client.get().uri(uri, variables).headers(h -> headers.forEach(h::set))
                .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    }

    /** A file as {@code multipart/form-data} (part {@code file}) with plain fields. */
    public JsonNode upload(String uri, Gateway.Upload file, Map<String, String> fields, Map<String, String> headers,
                           Object... variables) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        fields.forEach(parts::add);
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(file.contentType());
        parts.add("file", new HttpEntity<>(file.named(), partHeaders));
        return call(() -> client.post().uri(uri, variables).headers(h -> headers.forEach(h::set))
                .accept(MediaType.APPLICATION_JSON).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(JsonNode.class));
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw GatewayException.answered(GatewayException.UNREACHABLE, null, e);
        }
    }

    private static GatewayException failed(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String detail;
        try {
            JsonNode problem = JSON.readTree(response.getBody());
            StringBuilder text = new StringBuilder(problem.path("detail").asString(problem.path("title").asString("")));
            // field violations name what to correct (the onboarding service's 400 for a malformed form)
            problem.path("violations").forEach(violation -> text.append(text.isEmpty() ? "" : "; ")
                    .append(violation.path("field").asString("")).append(": ")
                    .append(violation.path("message").asString("")));
            detail = text.isEmpty() ? null : text.toString();
        } catch (tools.jackson.core.JacksonException e) {
            detail = null;
        }
        return GatewayException.answered(status, detail, null);
    }
}
