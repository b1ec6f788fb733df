package io.accord.onboarding.identity;

import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminContactTests {

    @Test
    void theEmailIsTheUsernameInLowerCaseAsKeycloakStoresIt() {
        AdminContact admin = new AdminContact("  Ada.Lovelace@Streamly.Example ", " Ada ", "Lovelace");

        assertThat(admin.username()).isEqualTo("ada.lovelace@streamly.example");
        assertThat(admin.email()).isEqualTo(admin.username());
        assertThat(admin.firstName()).isEqualTo("Ada");
    }

    @Test
    void aMissingOrMalformedValueIsABadRequestNamingTheField() {
        assertThatThrownBy(() -> new AdminContact("not-an-email", "Ada", "Lovelace"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> new AdminContact("ada@streamly.example", " ", "Lovelace"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("firstName"));
        assertThatThrownBy(() -> new AdminContact("ada@streamly.example", "Ada", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lastName"));
        assertThatThrownBy(() -> new AdminContact("ada@streamly.example", "A".repeat(101), "Lovelace"))
                .isInstanceOf(InvalidInputException.class);
    }
}
