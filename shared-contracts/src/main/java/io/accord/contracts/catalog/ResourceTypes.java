package io.accord.contracts.catalog;

import java.util.List;

/**
 * The kinds of resources an offering's fulfilment can reserve, by code: what catalog lets a specification name and
 * orchestration's inventory keeps pools of (each with the form its values take there). Codes are exact
 * ({@code imsi} is not {@code IMSI}).
 */
public final class ResourceTypes {

    public static final List<String> CODES = List.of("MSISDN", "ICCID", "IMSI", "LICENCE_KEY");

    private ResourceTypes() {
    }
}
