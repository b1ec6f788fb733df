package io.accord.rating.usage;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UsageFileReaderTests {

    @Test
    void aRowWithBytesThatAreNotUtf8IsInvalidNamingItsColumn() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("usageId,usageType,subscriberId,startTime,quantity,unit\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("u-1,VOICE,customer-".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[]{(byte) 0xff, (byte) 0xfe});   // it was accepted as customer-\uFFFD\uFFFD
        file.writeBytes(",2026-12-01T10:00:00Z,1,S\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("u-2,VOICE,kund\u00e9-1,2026-12-01T10:00:00Z,1,S\n".getBytes(StandardCharsets.UTF_8));

        List<UsageFileReader.Row> rows = UsageFileReader.open(new ByteArrayInputStream(file.toByteArray()), "p-1",
                JsonMapper.builder().build()).next(10);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).read().record()).isNull();
        assertThat(rows.get(0).read().field()).isEqualTo("subscriberId");
        assertThat(rows.get(0).read().problem()).contains("not UTF-8");
        assertThat(rows.get(1).read().record().subscriberId()).isEqualTo("kund\u00e9-1");
    }
}
