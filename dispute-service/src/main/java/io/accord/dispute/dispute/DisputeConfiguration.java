package io.accord.dispute.dispute;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/** Dispute settings and who may do what; the write rules are checked before a body is read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DisputeProperties.class)
class DisputeConfiguration {

    static final String PARTNERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "')";
    static final String WORKERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PARTNER_MANAGER + "', '"
            + Roles.PLATFORM_ADMIN + "')";
    static final String FINANCE = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "')";
    static final String PARTIES = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.FINANCE + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "')";
    static final String READERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.FINANCE + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "')";
    static final String STAFF_READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PARTNER_MANAGER + "', '"
            + Roles.PLATFORM_ADMIN + "', '" + Roles.AUDITOR + "')";

    /** Room for the metadata parts next to a file of the maximum size. */
    static final DataSize METADATA_ALLOWANCE = DataSize.ofKilobytes(64);

    /**
     * Who may write, checked in the security filter before anything of the request is read: the starter's early check
     * of {@code @PreAuthorize} runs once an operation is chosen, and an operation is not chosen for a body of another
     * Content-Type (an auditor's PATCH as {@code application/json} was a 415, not a 403) nor before a multipart body
     * is parsed.
     */
    @Bean
    RequestAuthorization disputeWrites() {
        String[] parties = {Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.FINANCE, Roles.PARTNER_MANAGER,
                Roles.PLATFORM_ADMIN};
        return requests -> requests
                .requestMatchers(HttpMethod.POST, DisputeResources.PATH)
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_USER)
                .requestMatchers(HttpMethod.PATCH, DisputeResources.PATH + "/*").hasAnyRole(parties)
                .requestMatchers(HttpMethod.POST, DisputeResources.API + "/*/attachments").hasAnyRole(parties);
    }

    /** Tomcat refuses an oversize evidence file while reading it (413): one size setting, no second number. */
    @Bean
    MultipartConfigElement multipartConfigElement(DisputeProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(properties.maxAttachmentSize());
        factory.setMaxRequestSize(DataSize.ofBytes(properties.maxAttachmentSize().toBytes()
                + METADATA_ALLOWANCE.toBytes()));
        return factory.createMultipartConfig();
    }
}
