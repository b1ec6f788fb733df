package io.accord.catalog.offering;

class TmfSchemaTests {
}
