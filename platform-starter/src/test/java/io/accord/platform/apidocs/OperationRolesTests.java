package io.accord.platform.apidocs;

import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The roles an operation's {@link PreAuthorize} admits, said in its description and listed in an extension. */
class OperationRolesTests {

    @PreAuthorize("hasAnyRole('ops', 'auditor')")
    static class Controller {

        @PreAuthorize("hasAnyRole('finance', 'platform-admin')")
        void approve() {
        }

        @PreAuthorize("hasRole('finance') or hasAnyRole('ops','auditor')")
        void joined() {
        }

        @PreAuthorize("hasRole('finance') and principal.name == 'x'")
        void mixed() {
        }

        void inherited() {
        }
    }

    static class Open {

        void anyone() {
        }
    }

    private static Operation customized(Object bean, String method, String description) throws Exception {
        Operation operation = new Operation().summary("do it").description(description);
        return new OperationRoles().customize(operation, new HandlerMethod(bean,
                bean.getClass().getDeclaredMethod(method)));
    }

    @Test
    void aMethodsRolesEndItsDescriptionAndAreListed() throws Exception {
        Operation approve = customized(new Controller(), "approve", "Approves a statement.");

        assertThat(approve.getDescription()).isEqualTo("Approves a statement.\n\nRoles: finance, platform-admin.");
        assertThat(approve.getExtensions()).containsEntry(OperationRoles.EXTENSION,
                List.of("finance", "platform-admin"));
        assertThat(customized(new Controller(), "joined", null).getExtensions())
                .containsEntry(OperationRoles.EXTENSION, List.of("finance", "ops", "auditor"));
    }

    @Test
    void theControllersRuleAppliesWhenTheMethodHasNone() throws Exception {
        Operation inherited = customized(new Controller(), "inherited", null);

        assertThat(inherited.getDescription()).isEqualTo("Roles: ops, auditor.");
    }

    @Test
    void anExpressionBeyondRoleChecksIsQuotedAndAnOperationWithoutRuleLeftAlone() throws Exception {
        Operation mixed = customized(new Controller(), "mixed", null);

        assertThat(mixed.getDescription()).isEqualTo("Authorization: `hasRole('finance') and principal.name == 'x'`.");
        assertThat(mixed.getExtensions()).isNull();
        Operation open = customized(new Open(), "anyone", "Reads.");
        assertThat(open.getDescription()).isEqualTo("Reads.");
        assertThat(open.getExtensions()).isNull();
    }
}
