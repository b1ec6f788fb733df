package io.accord.contracts.value;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerIdTests {

    @Test
    void aReferenceNamesAPartnerOnlyWhenWrittenAsThePlatformWritesPartnerIds() {
        UUID id = UUID.randomUUID();

        assertThat(PartnerId.ifWritten(id.toString())).contains(new PartnerId(id));
        assertThat(PartnerId.ifWritten(id.toString().toUpperCase())).as("upper case").isEmpty();
        assertThat(PartnerId.ifWritten("1-2-3-4-5")).as("parsed by UUID.fromString, not as written").isEmpty();
        assertThat(PartnerId.ifWritten("customer-42")).isEmpty();
        assertThat(PartnerId.ifWritten("")).isEmpty();
        assertThat(PartnerId.ifWritten(null)).isEmpty();
    }
}
