package io.accord.onboarding.partner;

/** What kind of business the partner is. */
public enum PartnerType {
    OTT_CONTENT, MVNO, IOT, ENTERPRISE_INTEGRATOR, CSP_CARRIER, RESELLER
}
