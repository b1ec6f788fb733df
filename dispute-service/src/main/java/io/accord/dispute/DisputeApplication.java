package io.accord.dispute;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns disputes, their lifecycle with SLA timers, and resolutions that produce adjustments. */
@SpringBootApplication
public class DisputeApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisputeApplication.class, args);
    }
}
