package io.accord.onboarding.application;

import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Forms stored with the former "requestedBusinessModel" read back with "businessModel" after V90. */
@AccordServiceTest
class ApplicationFormMigrationTests {

    private final DataSource dataSource;
    private final ApplicationRepository applications;

    ApplicationFormMigrationTests(DataSource dataSource, ApplicationRepository applications) {
        this.dataSource = dataSource;
        this.applications = applications;
    }

    @Test
    void aFormStoredWithTheFormerNameReadsBackWithTheBusinessModel() throws Exception {
        UUID id = UUID.randomUUID();
        String oldForm = Applicants.cleanOtt(Applicants.uniqueName("Stored Before"), Applicants.uniqueGermanVat())
                .replace("\"businessModel\"", "\"requestedBusinessModel\"");
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into partner_application (id, status, tracking_secret_hash, form, legal_name,
                        normalised_name, country, partner_type, business_model, created_at, updated_at, version)
                    values (?, 'DRAFT', 'x', ?, 'Stored Before', 'stored before', 'DE', 'OTT_CONTENT',
                        'SELL_THROUGH', now(), now(), 0)""")) {
                insert.setObject(1, id);
                insert.setString(2, oldForm);
                insert.executeUpdate();
            }
            String migration = new ClassPathResource("db/migration/V90__application_form_business_model.sql")
                    .getContentAsString(StandardCharsets.UTF_8);
            connection.createStatement().execute(migration);
        }

        ApplicationForm form = applications.findById(id).orElseThrow().form();

        assertThat(form.businessModel()).hasToString("SELL_THROUGH");
    }
}
