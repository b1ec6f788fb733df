package io.accord.settlement.issuer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configuration whose document numbers could not name their entity does not start. */
class IssuerPropertiesTests {

    @Test
    void refusesDuplicateIdsAndDuplicatePrefixes() {
        IssuerProperties.Address address = new IssuerProperties.Address("Main St 1", "10117", "Berlin", "DE");

        assertThatThrownBy(() -> new IssuerProperties(List.of(
                new IssuerProperties.Entity("a", "A GmbH", address, "DE1", "AA", null),
                new IssuerProperties.Entity("a", "A2 GmbH", address, "DE2", "AB", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ids");
        assertThatThrownBy(() -> new IssuerProperties(List.of(
                new IssuerProperties.Entity("a", "A GmbH", address, "DE1", "AA", null),
                new IssuerProperties.Entity("b", "B GmbH", address, "DE2", "AA", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefixes");
    }
}
