package io.accord.portal.security;

/** The portal's OAuth2 client registration at Keycloak, by which the gateway client asks for the user's token. */
public final class PortalClient {

    public static final String REGISTRATION_ID = "keycloak";

    private PortalClient() {
    }
}
