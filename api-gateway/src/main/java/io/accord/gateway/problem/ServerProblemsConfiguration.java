package io.accord.gateway.problem;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/** problem+json for the errors no route or handler answers: firewall refusals and Netty's own 4xx. */
@Configuration(proxyBeanMethods = false)
class ServerProblemsConfiguration {

    /**
     * The Spring Security firewall's refusals: a method no route answers (it checks the method first; see
     * {@link UnsupportedMethods}), else a path it does not let through (encoded slashes, {@code ;}, {@code //},
     * {@code ..}, {@code %00}).
     */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemResponses problems) {
        return (exchange, rejected) -> {
            String method = exchange.getRequest().getMethod().name();
            if (UnsupportedMethods.isUnsupported(method)) {
                return problems.write(exchange, UnsupportedMethods.status(method), UnsupportedMethods.detail(method));
            }
            return problems.write(exchange, HttpStatus.BAD_REQUEST,
                    "The request path is not allowed: it holds an encoded slash or backslash, a dot segment, a "
                            + "semicolon, a doubled slash or a control character.");
        };
    }

    @Bean
    NettyServerCustomizer problemBodiesForNettyErrors(JsonMapper json) {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, EmptyErrorBodies.NAME, new EmptyErrorBodies(json));
            }
        });
    }
}
