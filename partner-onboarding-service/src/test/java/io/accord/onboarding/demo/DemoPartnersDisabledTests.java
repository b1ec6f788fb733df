package io.accord.onboarding.demo;

import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Off unless the launcher turns it on: no test, staging or production start creates demo partners. The bean exists
 * either way (with Spring AOT the beans are fixed at build time), and reads the switch at start.
 */
@AccordServiceTest
class DemoPartnersDisabledTests {

    @Test
    void noDemoSeedByDefault(ApplicationContext context) {
        assertThat(context.getBean(DemoPartners.class).enabled()).isFalse();
    }
}
