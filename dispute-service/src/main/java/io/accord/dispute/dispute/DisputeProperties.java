package io.accord.dispute.dispute;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Disputes, under {@code accord.dispute}.
 *
 * @param escalationRole     the role an escalated dispute goes to, alongside finance
 * @param autoAcceptAfter    a proposal the partner leaves unanswered this long is accepted
 * @param maxAttachmentSize  the largest evidence file
 * @param timerInterval      how often the SLA and silence timers are checked (one replica at a time)
 * @param timerBatch         disputes one timer round handles at most
 */
@ConfigurationProperties("accord.dispute")
@Validated
record DisputeProperties(
        @DefaultValue("partner-manager") @NotBlank String escalationRole,
        @DefaultValue("14d") Duration autoAcceptAfter,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("1m") Duration timerInterval,
        @DefaultValue("200") @Min(1) int timerBatch) {
}
