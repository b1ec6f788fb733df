package io.accord.onboarding.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Document settings, under {@code accord.onboarding.documents}.
 *
 * @param maxSize                      the largest file accepted, by REST upload and by {@link Documents#store}
 *                                     alike; bigger answers 413. The servlet multipart limits follow it (see
 *                                     {@link DocumentUploadConfiguration}).
 * @param maxPerApplication            how many documents one application (the public, anonymous flow) may have;
 *                                     one more answers 422
 * @param maxTotalSizePerApplication   how many bytes all documents of one application may have together; more
 *                                     answers 413
 */
@ConfigurationProperties("accord.onboarding.documents")
record DocumentProperties(@DefaultValue("10MB") DataSize maxSize,
                          @DefaultValue("10") int maxPerApplication,
                          @DefaultValue("50MB") DataSize maxTotalSizePerApplication) {
}
