package io.accord.catalog.exportjob;

import io.accord.testsupport.tmf.TmfSchemas;
import org.junit.jupiter.api.Test;

/** The export request accepts exactly TMF620's ExportJob_Create attributes (those the job sets are ignored). */
class ExportJobSchemaTests {

    @Test
    void theExportRequestAcceptsExactlyExportJobCreate() throws Exception {
        TmfSchemas.assertAcceptsExactly("io.accord.catalog.exportjob.ExportJobView$Create", "TMF620-product-catalog",
                "ExportJob_Create", "");
    }
}
