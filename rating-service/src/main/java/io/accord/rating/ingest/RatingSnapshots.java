package io.accord.rating.ingest;

import io.accord.rating.engine.RatingSnapshot;

import java.time.Duration;

/** What the pipeline needs of the read models (the model feature's {@code RatingModel}). */
interface RatingSnapshots {

    /** The read models as they are now, to rate a batch against. */
    RatingSnapshot current();

    /** Waits until the read models have caught up with their topics; {@code false} when the timeout passed first. */
    boolean awaitCurrent(Duration timeout);
}
