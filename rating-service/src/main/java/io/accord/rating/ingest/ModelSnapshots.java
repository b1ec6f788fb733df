package io.accord.rating.ingest;

import io.accord.rating.engine.RatingSnapshot;
import io.accord.rating.model.RatingModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The pipeline rates against the model feature's {@link RatingModel}. */
@Configuration(proxyBeanMethods = false)
class ModelSnapshots {

    @Bean
    RatingSnapshots ratingSnapshots(RatingModel model) {
        return new RatingSnapshots() {
            @Override
            public RatingSnapshot current() {
                return model.snapshot();
            }

            @Override
            public boolean awaitCurrent(Duration timeout) {
                return model.awaitCurrent(timeout);
            }
        };
    }
}
