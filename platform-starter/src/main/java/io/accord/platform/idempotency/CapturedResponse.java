package io.accord.platform.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/**
 * Keeps the handler's answer in memory so it can be stored before it goes out. An answer made with
 * {@code sendError} is written later by the container's error page, outside this wrapper, so it cannot be stored.
 */
final class CapturedResponse extends ContentCachingResponseWrapper {

    private boolean writtenByContainer;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
        writtenByContainer = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        writtenByContainer = true;
        super.sendError(status, message);
    }

    boolean writtenByContainer() {
        return writtenByContainer;
    }
}
