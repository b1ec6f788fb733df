package io.accord.catalog.sample;

/** Stands for a class of the catalog service. */
public class CatalogThing {
}
