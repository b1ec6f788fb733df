package io.accord.portal.layout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.security.PortalUser;
import tools.jackson.databind.JsonNode;

/**
 * Reads the name of a partner user's partner once, when the user logs in (TMF632, the user's own organization, with
 * its new token), and keeps it in the session for the header; pages then make no call for it. When it cannot be read
 * the header shows the partner's id shortened.
 */
@Component
class PartnerNameAtLogin {

    /** The session attribute holding the name. */
    static final String ATTRIBUTE = PartnerNameAtLogin.class.getName();
    private static final Logger log = LoggerFactory.getLogger(PartnerNameAtLogin.class);

    private final Gateway gateway;

    PartnerNameAtLogin(Gateway gateway) {
        this.gateway = gateway;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (!(event.getAuthentication().getPrincipal() instanceof OidcUser user) || request == null) {
            return;
        }
        String partnerId = PortalUser.of(user).partnerId();
        if (!Ids.isUuid(partnerId)) {
            return;
        }
        try {
            JsonNode organization = gateway.get("/tmf-api/party/v4/organization/{id}?fields=name,tradingName",
                    partnerId);
            String name = organization.path("name").asString("").strip();
            if (name.isEmpty()) {
                name = organization.path("tradingName").asString("").strip();
            }
            if (!name.isEmpty()) {
                request.setAttribute(ATTRIBUTE, name, RequestAttributes.SCOPE_SESSION);
            }
        } catch (GatewayException e) {
            log.warn("the name of partner {} is not available: {}", partnerId, e.getMessage());
        } catch (RuntimeException e) {
            // a name for the header never fails the login; the header shows the id
            log.warn("the name of partner {} could not be read at login", partnerId, e);
        }
    }
}
