/**
 * The rating engine: plain Java, no Spring, no I/O. {@link io.accord.rating.engine.RatingEngine} rates one usage
 * record at a time against an immutable {@link io.accord.rating.engine.RatingSnapshot} of the read models (product
 * instances, usage prices, agreements) and a caller-owned {@link io.accord.rating.engine.TierAccumulators}; it
 * answers a {@link io.accord.rating.engine.RatedUsage} or a {@link io.accord.rating.engine.SuspendedUsage}.
 * The input and output records are public; how the engine gets there is package-private. See docs/rating-engine.md.
 */
package io.accord.rating.engine;
