package io.accord.platform.web;

import io.accord.platform.problem.Problems;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * A request body that Spring reads into an object ({@code @RequestBody}, {@code HttpEntity}: JSON, merge patches,
 * text) is held in memory whole, so its size is bounded: a larger one is a 413 {@code payload-too-large} naming the
 * limit, refused from its {@code Content-Length} before a byte is read, or, sent without one (chunked), as soon as
 * the limit is passed. Before, one anonymous 300 MB JSON body ended a service with {@code OutOfMemoryError}.
 * <p>
 * A JSON body is also bounded by the number of values it holds, counted as it streams by (every {@code [},
 * {@code ,} and {@code :} outside strings starts one): a value costs the parser tens of bytes of heap however few
 * bytes it takes on the wire (and more once mapped, validated and patched), and before, 4 MB of
 * {@code [{},{},...]} in a merge patch (1.4 million objects) ended a service of 192 MB heap just the same; so did
 * 500,000 of them (1.5 MB). A larger body is the same 413, naming that limit.
 * <p>
 * And the bodies being read or held at once share one {@link BodyBudget}: a body that would exceed it is a 503
 * {@code service-unavailable} with {@code Retry-After}, nothing applied; its bytes are given back when its request
 * ends. Before, forty anonymous 4 MB bodies at once ended a service of 192 MB heap, each within the limit.
 * <p>
 * Bodies a controller streams itself (CSV and import files read from the request's input stream, each with its own
 * limit) and multipart uploads ({@code spring.servlet.multipart.*}) are not read through here.
 */
@ControllerAdvice
public class RequestBodyLimit extends RequestBodyAdviceAdapter {

    private final long maxBytes;
    private final long maxValues;
    private final BodyBudget budget;

    public RequestBodyLimit(long maxBytes, long maxValues, BodyBudget budget) {
        this.maxBytes = maxBytes;
        this.maxValues = maxValues;
        this.budget = budget;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        long declared = message.getHeaders().getContentLength();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        MediaType type = message.getHeaders().getContentType();
        boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        // the budget only where the request's end gives the bytes back (always, under the dispatcher servlet)
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Limited limited = new Limited(message.getBody(), json, request != null);
        if (request != null) {
            // a name of its own: a second body read in the same request must not replace the first one's callback
            request.registerDestructionCallback(Limited.class.getName() + "@" + System.identityHashCode(limited),
                    limited::giveBack, RequestAttributes.SCOPE_REQUEST);
        }
        limited.take(Math.max(0, declared));
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return limited;
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    private ErrorResponseException tooLarge() {
        var problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is larger"
                + " than the limit of " + maxBytes + " bytes (" + describe(maxBytes) + ") for this service; nothing"
                + " was read or applied. Send less per request (a batch in several parts).");
        problem.setTitle("Content Too Large");
        problem.setProperty("limit", maxBytes);
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    private static ErrorResponseException busy() {
        return Problems.unavailable(BodyBudget.busy().getDetail(), BodyBudget.RETRY_AFTER_SECONDS);
    }

    private ErrorResponseException tooManyValues() {
        var problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body holds more"
                + " than " + maxValues + " JSON values, the limit for this service; nothing was applied. Send less"
                + " per request (a batch in several parts).");
        problem.setTitle("Content Too Large");
        problem.setProperty("valueLimit", maxValues);
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    private static String describe(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** The body, failing with the 413 once more than either limit has been read. */
    private final class Limited extends FilterInputStream {

        private final boolean json;
        private final boolean budgeted;
        private long read;
        private long taken;
        private long values;
        private boolean inString;
        private boolean escaped;

        Limited(InputStream body, boolean json, boolean budgeted) {
            super(body);
            this.json = json;
            this.budgeted = budgeted;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
                scan((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                for (int i = offset; i < offset + n; i++) {
                    scan(buffer[i]);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) {
            // every byte must pass scan(): read them instead (the converters do not skip)
            return 0;
        }

        private void count(long n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge();
            }
            take(read);
        }

        /** Holds {@code total} bytes of the budget, taking what it does not hold yet. */
        void take(long total) {
            long more = total - taken;
            if (budgeted && more > 0) {
                if (!budget.tryTake(more)) {
                    BodyBudget.drain(in, maxBytes - read);
                    throw busy();
                }
                taken = total;
            }
        }

        /** At the end of the request: the body's bytes back to the budget. */
        void giveBack() {
            budget.giveBack(taken);
            taken = 0;
        }

        /** Counts the values a JSON text opens, outside strings (UTF-8 continuation bytes never equal these). */
        private void scan(byte b) {
            if (!json) {
                return;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if ((b == '[' || b == ',' || b == ':') && ++values > maxValues) {
                throw tooManyValues();
            }
        }
    }
}
