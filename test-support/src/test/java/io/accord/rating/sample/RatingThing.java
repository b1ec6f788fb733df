package io.accord.rating.sample;

import io.accord.catalog.sample.CatalogThing;

/** Stands for a rating class that reaches into the catalog service. */
public class RatingThing {

    CatalogThing borrowed() {
        return new CatalogThing();
    }
}
