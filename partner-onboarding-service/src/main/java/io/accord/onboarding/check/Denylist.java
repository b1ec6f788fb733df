package io.accord.onboarding.check;

import java.util.List;
import java.util.stream.Stream;

/** The denylist screening uses: the configured names and the ones staff manage in the table. */
final class Denylist {

    static final String CONFIGURED = "configured in accord.onboarding.checks.denylist";

    private Denylist() {
    }

    static List<DenylistEntry> merged(List<String> configured, List<DenylistedName> managed) {
        return Stream.concat(
                configured.stream().filter(name -> !name.isBlank()).map(name -> new DenylistEntry(name, CONFIGURED)),
                managed.stream().map(DenylistedName::asEntry)).toList();
    }
}
