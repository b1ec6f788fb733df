package io.accord.onboarding.check;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Legal-form designations that say nothing about who a company is, as normalised tokens: "S.p.A." is {@code spa},
 * "Sp. z o.o." is {@code sp z oo}, "GmbH &amp; Co. KG" is {@code gmbh and co kg}. Longest first, so the longest
 * designation at an end of a name is the one removed.
 */
final class LegalForms {

    static final List<List<String>> ALL = parse("""
            gmbh and co kg|gmbh co kg|ag and co kg|ag co kg|and co kg|co kg|and co|sp z oo|spolka z oo|pty ltd|pte ltd
            |pvt ltd|private limited|sdn bhd|s a|a s|i s|kabushiki kaisha
            |gmbh|mbh|ag|kg|ohg|gbr|ug|kgaa|ev|eg|se|ltd|limited|llc|llp|lp|pllc|inc|incorporated|corp|corporation
            |co|company|plc|pty|pte|pvt|bhd|sa|sas|sasu|sarl|eurl|sca|snc|sci|spa|srl|sapa|scarl|sl|slu|sau|sal
            |ltda|lda|bv|nv|vof|cv|oy|oyj|ab|abp|publ|as|asa|aps|kft|zrt|nyrt|bt|sro|doo|dd|ad|ood|eood|ou|uab|sia
            |kk|gk|ooo|zao|oao|pao|sp|spzoo""");

    private LegalForms() {
    }

    private static List<List<String>> parse(String forms) {
        return Arrays.stream(forms.replace("\n", "").split("\\|"))
                .map(String::strip)
                .map(form -> List.of(form.split(" ")))
                .sorted(Comparator.comparingInt((List<String> form) -> form.size()).reversed())
                .toList();
    }
}
