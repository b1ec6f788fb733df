package io.accord.onboarding;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;

@AccordServiceTest
class OnboardingServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/onboarding";
    }
}
