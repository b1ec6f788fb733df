package io.accord.rating.engine;

/** Which of the four allocation cases split a record's charge (issue 10, Rating 4). */
public enum AllocationCase {
    /**
     * A co-created offering: each participant gets its share, the CSP the remainder; when a partner bought it for
     * its own customer, that partner also owes the whole charge.
     */
    CO_CREATED,
    /**
     * A partner's offering: the owner gets its agreement's share, the CSP the remainder; when a partner (the owner
     * itself or another) bought it for its own customer, that partner also owes the whole charge.
     */
    SELL_THROUGH,
    /** Our offering bought by a reselling partner: the charge is the wholesale cost the partner owes us. */
    RESELL,
    /** Our own subscriber on our own offering: the charge is all margin. */
    OWN
}
