package io.accord.onboarding.check;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the denylist admin API. */
final class DenylistRequests {

    private DenylistRequests() {
    }

    /**
     * @param reason why the name is listed, e.g. which sanctions list or which fraud case; screening results show it
     */
    record AddEntry(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 500) String reason) {
    }
}
