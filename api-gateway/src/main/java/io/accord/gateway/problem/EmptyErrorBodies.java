package io.accord.gateway.problem;

import io.accord.contracts.CorrelationIds;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's last word on a connection: Reactor Netty and Spring's adapter answer some requests before any
 * filter runs (an undecodable or illegal request target: 400; an oversized request line: 414; oversized headers:
 * 431), with a status and no body. This handler, next to the HTTP codec of every connection, gives each such
 * empty error answer a problem+json body, so the gateway says every error the same way. Answers with a body, and
 * answers to HEAD, pass untouched.
 */
final class EmptyErrorBodies extends ChannelDuplexHandler {

    static final String NAME = "accord.problemBodies";

    private final JsonMapper json;
    private boolean headRequest;

    EmptyErrorBodies(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof HttpRequest request) {
            headRequest = HttpMethod.HEAD.equals(request.method());
        }
        context.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
        if (message instanceof FullHttpResponse response && response.status().code() >= 400
                && !response.content().isReadable() && !headRequest
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            String correlationId = CorrelationIds.acceptOrCreate(response.headers().get(CorrelationIds.HEADER));
            byte[] body = json.writeValueAsBytes(problem(response.status().code(), correlationId));
            FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
            withBody.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(CorrelationIds.HEADER, correlationId);
            response.release();
            context.write(withBody, promise);
            return;
        }
        context.write(message, promise);
    }

    private static Map<String, Object> problem(int status, String correlationId) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemType.BASE + slug(status));
        problem.put("title", known != null ? known.getReasonPhrase() : "Error");
        problem.put("status", status);
        problem.put("detail", detail(status));
        problem.put("correlationId", correlationId);
        return problem;
    }

    private static String slug(int status) {
        return io.accord.contracts.ProblemTypes.slugFor(status);
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: its path, query or headers cannot be read (e.g. an invalid "
                    + "percent-encoding or a character not allowed in a URL).";
            case 413 -> "The request is too large.";
            case 414 -> "The request URL is too long.";
            case 431 -> "The request headers are too large.";
            default -> "The request failed.";
        };
    }
}
