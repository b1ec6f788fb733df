package io.accord.platform.problem;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExceptionHandlerTests {

    record Query(@Min(0) int olderThanDays) {
    }

    @Test
    void aConstraintViolationOfAParameterIsABadRequestNamingIt() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        var violations = validator.validate(new Query(-3));

        var response = new ProblemExceptionHandler()
                .constraintViolation(new jakarta.validation.ConstraintViolationException(violations));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getType().toString()).endsWith("/validation-error");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> named = (List<Map<String, Object>>) problem.getProperties().get("violations");
        assertThat(named).singleElement().satisfies(v -> assertThat(v.get("field")).isEqualTo("olderThanDays"));
    }

    static class Lists {
        void list(@Min(0) int offset, @Min(1) @jakarta.validation.constraints.Max(1000) int limit,
                  @Min(value = 1, message = "must be a positive page") int page) {
        }
    }

    @Test
    void aParameterOutOfItsRangeNamesTheRangeUnlessTheConstraintSaysItsOwn() throws NoSuchMethodException {
        var method = Lists.class.getDeclaredMethod("list", int.class, int.class, int.class);
        var violations = Validation.buildDefaultValidatorFactory().getValidator().forExecutables()
                .validateParameters(new Lists(), method, new Object[] {-1, 0, 0});

        var response = new ProblemExceptionHandler()
                .constraintViolation(new jakarta.validation.ConstraintViolationException(violations));

        ProblemDetail problem = (ProblemDetail) response.getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> named = (List<Map<String, Object>>) problem.getProperties().get("violations");
        assertThat(named).extracting(v -> v.get("message")).containsExactlyInAnyOrder("offset must be 0 or more",
                "limit must be between 1 and 1000", "must be a positive page");
        assertThat(problem.getDetail()).contains("limit must be between 1 and 1000", "offset must be 0 or more",
                "page must be a positive page");
    }

    record Line(String label) {
    }

    @Test
    void aValueOfTheWrongShapeSaysWhatToSendNotWhichJavaClassReadsIt() {
        assertThat(ProblemExceptionHandler.jsonShape(java.math.BigDecimal.class))
                .isEqualTo("a decimal number (such as 12.50)");
        assertThat(ProblemExceptionHandler.jsonShape(long.class)).isEqualTo("a whole number");
        assertThat(ProblemExceptionHandler.jsonShape(java.util.HashSet.class)).isEqualTo("an array");
        assertThat(ProblemExceptionHandler.jsonShape(java.util.ArrayList.class)).isEqualTo("an array");
        assertThat(ProblemExceptionHandler.jsonShape(Line.class)).isEqualTo("an object");
        assertThat(ProblemExceptionHandler.jsonShape(java.time.LocalDate.class)).startsWith("an ISO-8601 date (");
        assertThat(ProblemExceptionHandler.jsonShape(java.util.UUID.class)).startsWith("a UUID");
        assertThat(ProblemExceptionHandler.jsonShape(Boolean.class)).isEqualTo("true or false");
    }

    /**
     * The JPA form of a request whose connection failed: the pool closed it, so the rollback failed too ("Connection
     * is closed", no SQLSTATE) and replaced the first failure, as catalog logged it with PostgreSQL frozen.
     */
    @Test
    void aRollbackThatMetAConnectionThePoolClosedIsAConnectionLost() {
        var rollback = new org.springframework.orm.jpa.JpaSystemException(new RuntimeException(
                "Unable to rollback against JDBC Connection", new java.sql.SQLException("Connection is closed")));

        assertThat(ProblemExceptionHandler.isConnectionLost(rollback)).isTrue();
        assertThat(ProblemExceptionHandler.isConnectionLost(new org.springframework.orm.jpa.JpaSystemException(
                new RuntimeException(new java.sql.SQLException("Statement is closed"))))).isFalse();
    }
}
