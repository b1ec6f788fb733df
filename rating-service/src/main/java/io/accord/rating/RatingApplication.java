package io.accord.rating;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns usage ingestion, rating, suspense and near-real-time usage and revenue rollups. */
@SpringBootApplication
public class RatingApplication {

    public static void main(String[] args) {
        SpringApplication.run(RatingApplication.class, args);
    }
}
