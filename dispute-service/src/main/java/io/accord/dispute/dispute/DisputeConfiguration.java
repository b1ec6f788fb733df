package io.accord.dispute.dispute;

import io.accord.contracts.Roles;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Dispute settings and who may do what. */
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
