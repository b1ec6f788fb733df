package io.accord.catalog.exportjob;

import io.accord.testsupport.tmf.TmfSchemas;
import org.junit.jupiter.api.Test;

/**
 * The export request knows exactly TMF620's ExportJob_Create attributes, and {@code id} and {@code href} besides, which
 * the schema skips: it names them (and the attributes the job sets) as read-only instead of as unknown.
 */
class ExportJobSchemaTests {

    @Test
    void theExportRequestAcceptsExactlyExportJobCreate() throws Exception {
        TmfSchemas.assertAcceptsExactly("io.accord.catalog.exportjob.ExportJobView$Create", "TMF620-product-catalog",
                "ExportJob_Create", "href id");
    }
}
