package io.accord.platform.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

import java.io.IOException;

/** The part of the first answer a retry gets again: status, Content-Type, Location and body. */
record StoredResponse(int status, String contentType, String location, byte[] body) {

    static final String REPLAYED = "Idempotency-Replayed";

    void replay(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        if (location != null) {
            response.setHeader(HttpHeaders.LOCATION, location);
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
