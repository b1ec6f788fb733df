package io.accord.orchestration.inventory;

import io.accord.contracts.catalog.ResourceTypes;
import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceTypeTests {

    @Test
    void theInventoryKeepsExactlyTheTypesCatalogLetsSpecificationsName() {
        assertThat(java.util.Arrays.stream(ResourceType.values()).map(Enum::name).toList())
                .isEqualTo(ResourceTypes.CODES);
    }

    @Test
    void anUnknownCodeIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> ResourceType.of("resourceType", "PHONE"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("MSISDN, ICCID, IMSI, LICENCE_KEY")
                .extracting("field").isEqualTo("resourceType");
        assertThatThrownBy(() -> ResourceType.of("resourceType", null)).isInstanceOf(InvalidInputException.class);
        assertThat(ResourceType.of("resourceType", "ICCID")).isEqualTo(ResourceType.ICCID);
    }

    @Test
    void checksTheFormOfEachType() {
        assertThat(ResourceType.MSISDN.problemWith("+4915100000000")).isEmpty();
        assertThat(ResourceType.MSISDN.problemWith("4915100000000")).isEmpty();
        assertThat(ResourceType.MSISDN.problemWith("+0151")).hasValueSatisfying(p -> assertThat(p).contains("E.164"));
        assertThat(ResourceType.IMSI.problemWith("262011234567890")).isEmpty();
        assertThat(ResourceType.IMSI.problemWith("26201")).isPresent();
        assertThat(ResourceType.LICENCE_KEY.problemWith("ABCD-1234-EFGH")).isEmpty();
        assertThat(ResourceType.LICENCE_KEY.problemWith("short")).isPresent();
        assertThat(ResourceType.MSISDN.problemWith(" ")).hasValue("is empty");
    }

    @Test
    void anIccidNeedsItsLuhnDigit() {
        String body = "894900000000000042";
        String valid = body + Luhn.checkDigit(body);
        String wrong = body + (Luhn.checkDigit(body) + 1) % 10;

        assertThat(ResourceType.ICCID.problemWith(valid)).isEmpty();
        assertThat(ResourceType.ICCID.problemWith(wrong)).hasValueSatisfying(p -> assertThat(p).contains("Luhn"));
        assertThat(ResourceType.ICCID.problemWith("1234567890123456789")).isPresent();
    }
}
