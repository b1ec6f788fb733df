package io.accord.onboarding;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;

import java.util.Set;

@AccordServiceTest
class OnboardingServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/onboarding";
    }

    /** The applicant's flow: no account, the tracking secret instead. */
    @Override
    protected Set<String> publicOperations() {
        return Set.of("POST /api/onboarding/applications", "GET /api/onboarding/applications/requirements",
                "GET /api/onboarding/applications/{id}",
                "PUT /api/onboarding/applications/{id}", "GET /api/onboarding/applications/{id}/documents",
                "POST /api/onboarding/applications/{id}/documents",
                "POST /api/onboarding/applications/{id}/submission");
    }
}
