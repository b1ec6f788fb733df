package io.accord.onboarding.document;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet multipart limits derived from the one document size setting, so Tomcat refuses an oversize file
 * while reading it (413, nothing stored) and there is no second number to keep in step. This bean replaces
 * Spring Boot's {@code spring.servlet.multipart.*} for the whole service: documents are its only uploads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentUploadConfiguration {

    /** Room for the metadata parts and part headers next to a file of the maximum size. */
    static final DataSize METADATA_ALLOWANCE = DataSize.ofKilobytes(64);

    @Bean
    MultipartConfigElement multipartConfigElement(DocumentProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(properties.maxSize());
        factory.setMaxRequestSize(DataSize.ofBytes(properties.maxSize().toBytes() + METADATA_ALLOWANCE.toBytes()));
        return factory.createMultipartConfig();
    }
}
