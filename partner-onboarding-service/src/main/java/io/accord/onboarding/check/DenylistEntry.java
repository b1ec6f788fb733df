package io.accord.onboarding.check;

/**
 * One name on the denylist/sanctions list, with where it comes from ("configured", or the staff member's reason
 * when added through the admin API).
 */
record DenylistEntry(String name, String source) {

    String normalisedName() {
        return Names.normalise(name);
    }
}
