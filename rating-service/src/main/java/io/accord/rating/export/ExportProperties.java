package io.accord.rating.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * The rated-records export (docs/rating-usage-api.md, "Export of rated records").
 *
 * @param pageSize rows read per page, each page in its own short transaction and written before the next is read
 */
@Validated
@ConfigurationProperties("accord.rating.export")
record ExportProperties(@DefaultValue("500") @Min(1) int pageSize) {
}
