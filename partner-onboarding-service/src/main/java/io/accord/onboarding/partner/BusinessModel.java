package io.accord.onboarding.partner;

/** How we go to market with the partner (seed brief: resell, sell-through, co-create). */
public enum BusinessModel {
    RESELL("Resale"), SELL_THROUGH("Sell-through"), CO_CREATE("Co-creation");

    private final String inWords;

    BusinessModel(String inWords) {
        this.inWords = inWords;
    }

    /** The model in words, for names and titles a person reads (an agreement's name, not an API code). */
    public String inWords() {
        return inWords;
    }
}
