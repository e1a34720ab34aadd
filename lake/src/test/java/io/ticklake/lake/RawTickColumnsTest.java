package io.ticklake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RawTickColumnsTest {

    @Test
    void parquetSchemaDeclaresExactlyTheColumnsInOrder() {
        List<String> declared = declaredColumns(RawTickColumns.PARQUET_SCHEMA);

        assertThat(declared).isEqualTo(RawTickColumns.ALL);
        assertThat(RawTickColumns.ALL).containsAll(RawTickColumns.COORDINATES);
    }

    @Test
    void alertSchemaDeclaresTheAlertContractsFieldsThenTheTicksKafkaColumns() {
        List<String> declared = declaredColumns(RawAlertColumns.PARQUET_SCHEMA);

        assertThat(declared).isEqualTo(RawAlertColumns.ALL);
        List<String> alertFields = Alert.getClassSchema().getFields().stream()
                .map(f -> f.name().equals("window") ? RawAlertColumns.WINDOW : f.name()).toList();
        assertThat(declared.subList(0, alertFields.size())).isEqualTo(alertFields);
        assertThat(declared.subList(alertFields.size(), declared.size()))
                .isEqualTo(RawTickColumns.ALL.subList(RawTickColumns.ALL.indexOf(RawTickColumns.KAFKA_TOPIC),
                        RawTickColumns.ALL.size()));
    }

    @Test
    void deadLetterSchemaDeclaresItsColumnsThenTheTicksKafkaColumns() {
        List<String> declared = declaredColumns(RawDeadLetterColumns.PARQUET_SCHEMA);

        assertThat(declared).isEqualTo(RawDeadLetterColumns.ALL);
        assertThat(declared.subList(declared.size() - 4, declared.size()))
                .isEqualTo(RawTickColumns.ALL.subList(RawTickColumns.ALL.size() - 4, RawTickColumns.ALL.size()));
    }

    private static List<String> declaredColumns(String schema) {
        Matcher column = Pattern.compile("(?:required|optional) \\w+ (\\w+)").matcher(schema);
        List<String> declared = new ArrayList<>();
        while (column.find()) {
            declared.add(column.group(1));
        }
        return declared;
    }
}
