package io.accord.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The single entry point of Accord: routing, token checks, correlation ids, CORS and rate limits (ARCHITECTURE §2, §5). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccordGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccordGatewayApplication.class, args);
    }
}
