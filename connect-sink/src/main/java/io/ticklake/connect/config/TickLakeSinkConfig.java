package io.ticklake.connect.config;

import io.ticklake.connect.partition.PartitionField;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import io.ticklake.schemas.contract.StockTickContract;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Every setting of the sink: one name/default constant pair per key, the {@link ConfigDef} (type,
 * default, validator, importance, doc, group, order) and typed getters. Validators say in their
 * {@code toString()} what is legal, so Connect's validate endpoint names the key and the allowed values.
 */
public final class TickLakeSinkConfig extends AbstractConfig {

    private static final String LAKE_GROUP = "Lake";
    private static final String S3_GROUP = "S3";
    private static final String REGISTRY_GROUP = "Schema registry";
    private static final String ROTATION_GROUP = "Rotation";
    private static final String MEMORY_GROUP = "Memory";
    private static final String ERRORS_GROUP = "Errors and retries";

    public static final String LAKE_URI = "lake.uri";
    /** What {@link LakeUri#parse} accepts, for the docs; the parser's own message explains a refusal. */
    static final String LAKE_URI_FORMS = "file:///path (or a plain path), s3://bucket[/prefix] or s3a://bucket[/prefix]";
    public static final String LAKE_TABLE = "lake.table";
    public static final String RECORD_TYPE = "record.type";
    public static final String RECORD_TYPE_DEFAULT = RecordType.TICK.configValue();

    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_ENDPOINT_DEFAULT = "";
    public static final String S3_REGION = "s3.region";
    public static final String S3_REGION_DEFAULT = "us-east-1";
    public static final String S3_PATH_STYLE_ACCESS = "s3.path.style.access";
    public static final boolean S3_PATH_STYLE_ACCESS_DEFAULT = false;
    public static final String S3_ACCESS_KEY = "s3.access.key";
    public static final String S3_SECRET_KEY = "s3.secret.key";
    public static final String S3_PART_SIZE = "s3.part.size";
    public static final int S3_PART_SIZE_DEFAULT = 8 * 1024 * 1024;
    /** S3's smallest legal multipart part (except the last). */
    public static final int S3_PART_SIZE_MIN = 5 * 1024 * 1024;

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    public static final String FLUSH_SIZE = "flush.size";
    public static final int FLUSH_SIZE_DEFAULT = 50_000;
    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final long ROTATE_INTERVAL_MS_DEFAULT = 600_000L;
    public static final String ROTATE_IDLE_MS = "rotate.idle.ms";
    public static final long ROTATE_IDLE_MS_DEFAULT = 60_000L;
    public static final String PARTITION_FIELD = "partition.field";
    public static final String PARTITION_FIELD_DEFAULT = PartitionField.EVENT_TIME.columnName();

    public static final String MAX_OPEN_FILES = "max.open.files";
    public static final int MAX_OPEN_FILES_DEFAULT = 64;
    public static final String MAX_BUFFERED_BYTES = "max.buffered.bytes";
    public static final long MAX_BUFFERED_BYTES_DEFAULT = 128L * 1024 * 1024;
    public static final String PARQUET_ROW_GROUP_BYTES = "parquet.row.group.bytes";
    public static final int PARQUET_ROW_GROUP_BYTES_DEFAULT = 64 * 1024 * 1024;
    public static final String PARQUET_PAGE_BYTES = "parquet.page.bytes";
    public static final int PARQUET_PAGE_BYTES_DEFAULT = 1024 * 1024;

    public static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";
    public static final String BEHAVIOR_ON_NULL_VALUES_DEFAULT = NullValueBehavior.IGNORE.configValue();
    public static final String MAX_FUTURE_MS = "validation.max.future.ms";
    public static final long MAX_FUTURE_MS_DEFAULT = StockTickContract.MAX_FUTURE_MS_DEFAULT;
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 1_000L;
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final long RETRY_BACKOFF_MAX_MS_DEFAULT = 30_000L;

    /** The sink's settings; Connect's own keys (topics, converters, errors.*) are defined by the worker. */
    public static final ConfigDef CONFIG_DEF = configDef();

    public TickLakeSinkConfig(Map<String, ?> props) {
        // not logged: a registry URL may carry user info; the task logs a summary without secrets
        super(CONFIG_DEF, props, false);
        if (getLong(RETRY_BACKOFF_MAX_MS) < getLong(RETRY_BACKOFF_MS)) {
            throw new ConfigException(RETRY_BACKOFF_MAX_MS, getLong(RETRY_BACKOFF_MAX_MS),
                    "must be at least " + RETRY_BACKOFF_MS + " (" + getLong(RETRY_BACKOFF_MS) + ")");
        }
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(LAKE_URI, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new LakeUriValidator(), Importance.HIGH,
                "Where the lake lives: " + LAKE_URI_FORMS + ", read as every TickLake component reads it."
                        + " Records land under <lake>/raw/<lake.table>/.",
                LAKE_GROUP, ++order, Width.LONG, "Lake URI");
        def.define(RECORD_TYPE, Type.STRING, RECORD_TYPE_DEFAULT, new OneOf(RecordType.configValues()),
                Importance.MEDIUM, "The contract of the topics' values: tick (StockTick, validated, into"
                        + " raw/stock_ticks), alert (Alert, into raw/stock_alerts) or dead_letter (any value, the"
                        + " reason from the headers, into raw/stock_ticks_dlq).",
                LAKE_GROUP, ++order, Width.SHORT, "Record type");
        def.define(LAKE_TABLE, Type.STRING, null, new TableNameValidator(), Importance.LOW,
                "Table directory under <lake>/raw/; default: record.type's table (stock_ticks, stock_alerts, stock_ticks_dlq).",
                LAKE_GROUP, ++order, Width.SHORT, "Table");

        order = 0;
        def.define(S3_ENDPOINT, Type.STRING, S3_ENDPOINT_DEFAULT, new EndpointValidator(), Importance.MEDIUM,
                "S3 endpoint for MinIO or another S3-compatible store, e.g. http://127.0.0.1:9000; empty for AWS.",
                S3_GROUP, ++order, Width.LONG, "Endpoint");
        def.define(S3_REGION, Type.STRING, S3_REGION_DEFAULT, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                "Signing region.", S3_GROUP, ++order, Width.SHORT, "Region");
        def.define(S3_PATH_STYLE_ACCESS, Type.BOOLEAN, S3_PATH_STYLE_ACCESS_DEFAULT, Importance.MEDIUM,
                "Path-style addressing (http://endpoint/bucket/key), which MinIO on an IP address needs.",
                S3_GROUP, ++order, Width.SHORT, "Path-style access");
        def.define(S3_ACCESS_KEY, Type.PASSWORD, "", Importance.HIGH,
                "Access key id. Empty: the AWS default chain (AWS_ACCESS_KEY_ID, profiles, instance roles). "
                        + "Prefer a config provider, e.g. ${env:TICKLAKE_S3_ACCESS_KEY}.",
                S3_GROUP, ++order, Width.MEDIUM, "Access key");
        def.define(S3_SECRET_KEY, Type.PASSWORD, "", Importance.HIGH,
                "Secret access key; empty together with the access key for the AWS default chain.",
                S3_GROUP, ++order, Width.MEDIUM, "Secret key");
        def.define(S3_PART_SIZE, Type.INT, S3_PART_SIZE_DEFAULT, ConfigDef.Range.between(S3_PART_SIZE_MIN, 1 << 30),
                Importance.LOW, "Files larger than this are uploaded in multipart parts of this size; smaller ones"
                        + " with one PUT.", S3_GROUP, ++order, Width.SHORT, "Part size");

        def.define(SCHEMA_REGISTRY_URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyListValidator(),
                Importance.HIGH, "Confluent-compatible registry URL(s) for the values' writer schemas. The serde's"
                        + " other keys (basic.auth.*, max.retries, ...) are passed through.",
                REGISTRY_GROUP, 1, Width.LONG, "Schema registry URL");

        order = 0;
        def.define(FLUSH_SIZE, Type.INT, FLUSH_SIZE_DEFAULT, ConfigDef.Range.atLeast(1), Importance.HIGH,
                "Records per Kafka partition after which its open files are closed and uploaded.",
                ROTATION_GROUP, ++order, Width.SHORT, "Flush size");
        def.define(ROTATE_INTERVAL_MS, Type.LONG, ROTATE_INTERVAL_MS_DEFAULT, new DisabledOrPositive(),
                Importance.HIGH, "Close a partition's files when a record's time (partition.field) is this far past"
                        + " the first record of the open files. Record time, so a replay closes at the same offset.",
                ROTATION_GROUP, ++order, Width.SHORT, "Rotate interval (record time)");
        def.define(ROTATE_IDLE_MS, Type.LONG, ROTATE_IDLE_MS_DEFAULT, new DisabledOrPositive(), Importance.MEDIUM,
                "Close a partition's files when it received nothing for this long (wall clock), so quiet"
                        + " partitions still land. The closing offset is kept in the file, and a replay honours it.",
                ROTATION_GROUP, ++order, Width.SHORT, "Idle close");
        def.define(PARTITION_FIELD, Type.STRING, PARTITION_FIELD_DEFAULT, new OneOf(PartitionField.columnNames()),
                Importance.MEDIUM, "Timestamp column whose UTC hour picks the year=/month=/day=/hour= directory.",
                ROTATION_GROUP, ++order, Width.SHORT, "Partition field");

        order = 0;
        def.define(MAX_OPEN_FILES, Type.INT, MAX_OPEN_FILES_DEFAULT, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                "Open Parquet files per task; beyond it the partition with most open files closes its files.",
                MEMORY_GROUP, ++order, Width.SHORT, "Max open files");
        def.define(MAX_BUFFERED_BYTES, Type.LONG, MAX_BUFFERED_BYTES_DEFAULT, ConfigDef.Range.atLeast(1L << 20),
                Importance.MEDIUM, "Bytes buffered in open Parquet files per task; beyond it the partition"
                        + " buffering most closes its files.", MEMORY_GROUP, ++order, Width.SHORT, "Max buffered bytes");
        def.define(PARQUET_ROW_GROUP_BYTES, Type.INT, PARQUET_ROW_GROUP_BYTES_DEFAULT,
                ConfigDef.Range.atLeast(1 << 20), Importance.LOW, "Parquet row group size.",
                MEMORY_GROUP, ++order, Width.SHORT, "Row group bytes");
        def.define(PARQUET_PAGE_BYTES, Type.INT, PARQUET_PAGE_BYTES_DEFAULT, ConfigDef.Range.atLeast(64 * 1024),
                Importance.LOW, "Parquet page size.", MEMORY_GROUP, ++order, Width.SHORT, "Page bytes");

        order = 0;
        def.define(BEHAVIOR_ON_NULL_VALUES, Type.STRING, BEHAVIOR_ON_NULL_VALUES_DEFAULT,
                new OneOf(NullValueBehavior.configValues()), Importance.MEDIUM,
                "Tombstones (null values): ignore skips them, fail stops the task.",
                ERRORS_GROUP, ++order, Width.SHORT, "Null values");
        def.define(MAX_FUTURE_MS, Type.LONG, MAX_FUTURE_MS_DEFAULT, ConfigDef.Range.atLeast(0L), Importance.LOW,
                "A tick whose event time leads its record's Kafka timestamp by more is invalid and goes to the"
                        + " dead-letter queue; keep it equal to the streams app's ticklake.validation.max.future.ms"
                        + " so that the lake and the KPIs differ by the late ticks only.",
                ERRORS_GROUP, ++order, Width.SHORT, "Max future skew");
        def.define(RETRY_BACKOFF_MS, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, ConfigDef.Range.atLeast(10L),
                Importance.LOW, "First wait after a retriable store or registry error; doubles per failure.",
                ERRORS_GROUP, ++order, Width.SHORT, "Retry backoff");
        def.define(RETRY_BACKOFF_MAX_MS, Type.LONG, RETRY_BACKOFF_MAX_MS_DEFAULT, ConfigDef.Range.atLeast(10L),
                Importance.LOW, "Cap of the doubling wait. The task retries for as long as the error lasts.",
                ERRORS_GROUP, ++order, Width.SHORT, "Max retry backoff");
        return def;
    }

    public LakeUri lakeUri() {
        return LakeUri.parse(getString(LAKE_URI));
    }

    /**
     * The S3 settings shared by every component. Empty strings mean unset: AWS's endpoint, and the AWS
     * default credential chain when both keys are empty.
     */
    public S3Settings s3Settings() {
        String accessKey = s3AccessKey().value();
        String secretKey = s3SecretKey().value();
        if (accessKey.isEmpty() != secretKey.isEmpty()) {
            // S3Settings refuses this too, but without naming the key
            throw new ConfigException(accessKey.isEmpty() ? S3_ACCESS_KEY : S3_SECRET_KEY, "[hidden]",
                    "set both s3.access.key and s3.secret.key, or neither for the AWS default chain");
        }
        return new S3Settings(emptyToNull(s3Endpoint()), emptyToNull(accessKey), emptyToNull(secretKey), s3Region(),
                s3PathStyleAccess());
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    public RecordType recordType() {
        return RecordType.fromConfigValue(getString(RECORD_TYPE));
    }

    /** {@code lake.table}, or the record type's table when it is not set. */
    public String lakeTable() {
        String table = getString(LAKE_TABLE);
        return table != null ? table : recordType().tableName();
    }

    public String s3Endpoint() {
        return getString(S3_ENDPOINT).trim();
    }

    public String s3Region() {
        return getString(S3_REGION).trim();
    }

    public boolean s3PathStyleAccess() {
        return getBoolean(S3_PATH_STYLE_ACCESS);
    }

    /** Kept as {@link Password} so that no toString() ever prints it. */
    public Password s3AccessKey() {
        return getPassword(S3_ACCESS_KEY);
    }

    public Password s3SecretKey() {
        return getPassword(S3_SECRET_KEY);
    }

    public int s3PartSize() {
        return getInt(S3_PART_SIZE);
    }

    public int flushSize() {
        return getInt(FLUSH_SIZE);
    }

    /** Null when record-time rotation is off. */
    public Duration rotateInterval() {
        long ms = getLong(ROTATE_INTERVAL_MS);
        return ms < 0 ? null : Duration.ofMillis(ms);
    }

    /** Null when idle closing is off. */
    public Duration rotateIdle() {
        long ms = getLong(ROTATE_IDLE_MS);
        return ms < 0 ? null : Duration.ofMillis(ms);
    }

    public PartitionField partitionField() {
        return PartitionField.fromColumnName(getString(PARTITION_FIELD));
    }

    public int maxOpenFiles() {
        return getInt(MAX_OPEN_FILES);
    }

    public long maxBufferedBytes() {
        return getLong(MAX_BUFFERED_BYTES);
    }

    public int parquetRowGroupBytes() {
        return getInt(PARQUET_ROW_GROUP_BYTES);
    }

    public int parquetPageBytes() {
        return getInt(PARQUET_PAGE_BYTES);
    }

    public long maxFutureMs() {
        return getLong(MAX_FUTURE_MS);
    }

    public NullValueBehavior nullValueBehavior() {
        return NullValueBehavior.fromConfigValue(getString(BEHAVIOR_ON_NULL_VALUES));
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
    }

    public Duration retryBackoffMax() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS));
    }

    /**
     * The settings handed to the Avro deserializer: every original property (so basic.auth.* and the
     * retry keys pass through) with specific-record reading forced, because rows are projected onto
     * the generated contract class.
     */
    public Map<String, Object> deserializerConfig() {
        Map<String, Object> props = new HashMap<>(originals());
        props.put("specific.avro.reader", true);
        return props;
    }

    /** Accepts exactly what the lake module's {@link LakeUri#parse} accepts, reporting its reason under the key. */
    public static final class LakeUriValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                // a missing value is an empty one, so it gets the parser's message too
                LakeUri.parse(value == null ? "" : (String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return LAKE_URI_FORMS;
        }
    }

    /** -1 switches a rule off; anything else must be a positive number of milliseconds. */
    public static final class DisabledOrPositive implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            long ms = value == null ? 0 : (Long) value;
            if (ms != -1 && ms <= 0) {
                throw new ConfigException(name, value, "must be -1 (off) or a positive number of milliseconds");
            }
        }

        @Override
        public String toString() {
            return "-1 (off) or a positive number of milliseconds";
        }
    }

    /** One of a fixed set of strings, case-insensitive. */
    public static final class OneOf implements ConfigDef.Validator {
        private final List<String> legal;

        public OneOf(List<String> legal) {
            this.legal = List.copyOf(legal);
        }

        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? null : ((String) value).trim().toLowerCase(Locale.ROOT);
            if (text == null || !legal.contains(text)) {
                throw new ConfigException(name, value, "must be one of " + this);
            }
        }

        @Override
        public String toString() {
            return legal.stream().collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** A directory name that every engine reads without quoting; unset for the record type's table. */
    public static final class TableNameValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null && !((String) value).matches("[a-z][a-z0-9_]{0,62}")) {
                throw new ConfigException(name, value, "must match " + this);
            }
        }

        @Override
        public String toString() {
            return "[a-z][a-z0-9_]{0,62}";
        }
    }

    /** Empty (AWS) or an absolute http(s) URL. */
    public static final class EndpointValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : ((String) value).trim();
            if (text.isEmpty()) {
                return;
            }
            try {
                URI uri = new URI(text);
                if (!Arrays.asList("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))
                        || uri.getHost() == null) {
                    throw new ConfigException(name, value, "must be " + this);
                }
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException(name, value, "must be " + this + ": " + e.getReason());
            }
        }

        @Override
        public String toString() {
            return "empty (AWS) or http(s)://host[:port]";
        }
    }

    /** A list with at least one non-blank entry. */
    public static final class NonEmptyListValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) value;
            if (list == null || list.stream().allMatch(String::isBlank)) {
                throw new ConfigException(name, value, "must name at least one URL");
            }
        }

        @Override
        public String toString() {
            return "a non-empty list of URLs";
        }
    }
}
