package io.accord.dispute.document;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Under {@code accord.dispute.documents}.
 *
 * @param defaultWindowDays the dispute window of a partner whose agreement (in force) is not known or names none
 */
@ConfigurationProperties("accord.dispute.documents")
@Validated
record DocumentProperties(@DefaultValue("60") @Min(1) int defaultWindowDays) {
}
