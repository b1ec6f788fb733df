package io.accord.onboarding.partner;

/** How we go to market with the partner (seed brief: resell, sell-through, co-create). */
public enum BusinessModel {
    RESELL, SELL_THROUGH, CO_CREATE
}
