package io.accord.catalog.importjob;

import io.accord.catalog.specification.SpecificationDraft;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The characteristics cell as export writes it. */
class CharacteristicSyntaxTests {

    @Test
    void aNumbersFixedValueStoredWithAnExponentIsWrittenPlainAndATextAsItIs() {
        SpecificationDraft.Characteristic stored = new SpecificationDraft.Characteristic("boost",
                SpecificationDraft.ValueType.NUMBER, List.of(), null, new BigDecimal("1E+3"), "GB", false, false,
                "1E+2");
        SpecificationDraft.Characteristic text = new SpecificationDraft.Characteristic("code",
                SpecificationDraft.ValueType.STRING, List.of(), null, null, null, false, false, "1E+2");

        assertThat(CharacteristicSyntax.format(stored)).isEqualTo("boost:NUMBER:max=1000:unit=GB:fixed=100");
        assertThat(CharacteristicSyntax.format(text)).isEqualTo("code:STRING:fixed=1E+2");
    }
}
