package io.accord.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway with every service answered by an {@link EchoBackends} server; its subclasses share one context. */
abstract class EchoBackedGatewaySupport extends GatewayTestSupport {

    @DynamicPropertySource
    static void echoBackends(DynamicPropertyRegistry registry) {
        for (String service : EchoBackends.SERVICES) {
            registry.add("accord.gateway.backends." + service, () -> EchoBackends.uri(service));
        }
    }
}
