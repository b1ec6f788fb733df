package io.accord.platform.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the API docs tell a reader about logging in, under {@code accord.platform.api-docs}.
 *
 * @param loginHelp        the paragraph added to every service's API description: how to log in in the Swagger UI
 *                         (set it to the real realm's story where its clients differ)
 * @param developmentRealm whether the platform runs with the development realm ({@code ./accord up}, Helm's
 *                         {@code values-dev.yaml}): then the description also lists its demo users and their
 *                         passwords. Off by default, so that a production deployment never advertises them.
 */
@ConfigurationProperties("accord.platform.api-docs")
public record ApiDocsProperties(@DefaultValue(ApiDocsProperties.LOGIN) String loginHelp,
                                @DefaultValue("false") boolean developmentRealm) {

    static final String LOGIN = """
            **Log in:** press *Authorize*, then under `keycloak` enter client_id `ops-console` (CSP staff) or \
            `self-care-portal` (partner users), leave the secret empty and log in at Keycloak; "Try it out" then \
            sends your token. Operations without a lock (the partner application) need no login. Or paste an access \
            token under `bearer`.""";

    static final String DEMO_USERS = """
            **Demo users of the development realm** (`./accord up`; password `<user>-dev`, e.g. \
            `partner-manager` / `partner-manager-dev`):
            `platform-admin` (platform-admin), `partner-manager` and `partner-manager-b` (partner-manager), \
            `ops` (ops), `finance` and `finance-b` (finance), `auditor` (auditor), `partner-admin` (partner-admin of \
            partner 11111111-1111-4111-8111-111111111111), `partner-user` (partner-user of the same partner), \
            `partner-admin-b` (partner-admin of partner 22222222-2222-4222-8222-222222222222).""";

    /** The paragraph every service's API description ends with. */
    public String help() {
        return developmentRealm ? loginHelp + "\n\n" + DEMO_USERS : loginHelp;
    }
}
