package io.accord.rating.engine;

/** Which of the four allocation cases split a record's charge (issue 10, Rating 4). */
public enum AllocationCase {
    /** A co-created offering: each participant gets its share, the CSP the remainder. */
    CO_CREATED,
    /** A partner's offering sold to our subscribers: the owner gets its agreement's share, the CSP the remainder. */
    SELL_THROUGH,
    /** Our offering bought by a reselling partner: the charge is the wholesale cost the partner owes us. */
    RESELL,
    /** Our own subscriber on our own offering: the charge is all margin. */
    OWN
}
