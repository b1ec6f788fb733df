package io.accord.rating;

import io.accord.rating.model.RatingModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The test beans of the rating service, in every test's one shared context: a plain configuration in the test
 * sources that the application's component scan finds (a {@code @TestConfiguration} would be left out of the scan
 * and need an import per test class, which forks the context).
 */
@Configuration(proxyBeanMethods = false)
class RatingTestConfiguration {

    @Bean
    RatingProbe ratingProbe(RatingModel model, Clock clock) {
        return new RatingProbe(model, clock);
    }
}
