package io.accord.portal;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The self-care portal and ops console: a server-rendered backend-for-frontend. The browser holds only a session
 * cookie; the user's tokens stay in the server's session and every data call goes through the API gateway with
 * the user's own access token, so the gateway and the services keep enforcing roles and tenancy.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }

    /** "This month" on the dashboard is the UTC month of this clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
