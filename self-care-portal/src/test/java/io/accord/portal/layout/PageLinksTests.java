package io.accord.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageLinksTests {

    @Test
    void aPageLinkKeepsTheFiltersAsSentEncodedAndReplacesThePage() {
        PageLinks links = new PageLinks("/audit", "partnerId=p-1&page=3&resourceId=a%20b%26c");

        assertThat(links.to(2)).isEqualTo("/audit?partnerId=p-1&resourceId=a%20b%26c&page=2");
        assertThat(links.to(4)).isEqualTo("/audit?partnerId=p-1&resourceId=a%20b%26c&page=4");
    }

    @Test
    void aListWithoutFiltersGetsOnlyThePage() {
        assertThat(new PageLinks("/catalog", null).to(1)).isEqualTo("/catalog?page=1");
        assertThat(new PageLinks("/catalog", "").to(0)).isEqualTo("/catalog?page=0");
    }
}
