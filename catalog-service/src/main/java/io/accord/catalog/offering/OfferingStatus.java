package io.accord.catalog.offering;

/**
 * Accord's offering lifecycle and the TMF620 {@code lifecycleStatus} each state is shown as (documented in
 * docs/catalog-model.md).
 */
enum OfferingStatus {
    DRAFT("In study"),
    IN_REVIEW("In test"),
    APPROVED("Active"),
    REJECTED("Rejected"),
    LAUNCHED("Launched"),
    RETIRED("Retired");

    private final String tmf;

    OfferingStatus(String tmf) {
        this.tmf = tmf;
    }

    String tmf() {
        return tmf;
    }

    static OfferingStatus ofTmf(String value) {
        for (OfferingStatus status : values()) {
            if (status.tmf.equalsIgnoreCase(value) || status.name().equalsIgnoreCase(value)) {
                return status;
            }
        }
        return null;
    }
}
