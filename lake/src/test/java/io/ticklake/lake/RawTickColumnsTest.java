package io.ticklake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RawTickColumnsTest {

    @Test
    void parquetSchemaDeclaresExactlyTheColumnsInOrder() {
        Matcher column = Pattern.compile("(?:required|optional) \\w+ (\\w+)").matcher(RawTickColumns.PARQUET_SCHEMA);
        List<String> declared = new ArrayList<>();
        while (column.find()) {
            declared.add(column.group(1));
        }

        assertThat(declared).isEqualTo(RawTickColumns.ALL);
        assertThat(RawTickColumns.ALL).containsAll(RawTickColumns.COORDINATES);
    }
}
