package io.accord.orchestration.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Order settings ({@code accord.orchestration.order}).
 *
 * @param reservationHold      how long a reserved resource is held for an order item before inventory expires
 *                             the reservation (it must outlast the partners' acknowledgement time)
 * @param activationAckTimeout how long a partner may take to acknowledge an order's activation; unset: the
 *                             activation feature's {@code ack-timeout}
 */
@ConfigurationProperties("accord.orchestration.order")
record OrderProperties(@DefaultValue("24h") Duration reservationHold, Duration activationAckTimeout) {
}
