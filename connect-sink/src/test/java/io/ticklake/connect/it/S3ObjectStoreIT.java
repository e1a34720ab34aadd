package io.ticklake.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.connect.config.TickLakeSinkConfig;
import io.ticklake.connect.storage.FileBytes;
import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.ObjectStores;
import io.ticklake.connect.storage.ObjectTail;
import io.ticklake.connect.storage.StoreException;
import io.ticklake.connect.testing.ZombieWrites;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.S3Settings;
import io.ticklake.infra.testing.TestPlatform;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The S3 store against real MinIO: conditional and multipart uploads, tails, aborting leftovers, a missing bucket. */
@ExtendWith(LocalPlatformExtension.class)
class S3ObjectStoreIT {

    private static ObjectStore open(S3Settings s3, String lake) {
        Map<String, String> props = new HashMap<>();
        props.put("lake.uri", lake);
        props.put("schema.registry.url", "http://unused");
        props.put("s3.endpoint", s3.endpoint());
        props.put("s3.region", s3.region());
        props.put("s3.path.style.access", "true");
        props.put("s3.access.key", s3.accessKey());
        props.put("s3.secret.key", s3.secretKey());
        props.put("s3.part.size", Integer.toString(TickLakeSinkConfig.S3_PART_SIZE_MIN));
        return ObjectStores.open(new TickLakeSinkConfig(props));
    }

    @Test
    void largeFilesGoUpInPartsAndReadBackWhole(TestPlatform platform) {
        S3Settings s3 = platform.minio();
        String prefix = "store-" + UUID.randomUUID();
        byte[] data = new byte[12 * 1024 * 1024 + 123];
        new Random(7).nextBytes(data);
        FileBytes content = new FileBytes();
        content.write(data, 0, data.length);

        try (ObjectStore store = open(s3, "s3a://" + s3.bucket() + "/" + prefix);
             LakeBucket lake = new LakeBucket(s3, prefix)) {
            assertThat(store.putIfAbsent("raw/t/big.parquet", content)).isTrue();

            assertThat(lake.files()).hasSize(1).allSatisfy((key, etag) ->
                    assertThat(etag).as("a multipart ETag ends with -<parts>").endsWith("-3\""));
            ObjectTail tail = store.tail("raw/t/big.parquet", 1000).orElseThrow();
            assertThat(tail.length()).isEqualTo(data.length);
            assertThat(tail.bytes()).isEqualTo(java.util.Arrays.copyOfRange(data, data.length - 1000, data.length));
            assertThat(store.tail("raw/t/none.parquet", 1000)).isEmpty();
            assertThat(lake.incompleteUploads(prefix + "/raw/t/big.parquet")).isZero();

            // the same key again, from other bytes: the conditional completion refuses it and aborts the upload
            byte[] other = data.clone();
            other[0]++;
            FileBytes second = new FileBytes();
            second.write(other, 0, other.length);
            assertThat(store.putIfAbsent("raw/t/big.parquet", second)).isFalse();
            assertThat(store.tail("raw/t/big.parquet", data.length).orElseThrow().bytes()).isEqualTo(data);
            assertThat(lake.incompleteUploads(prefix + "/raw/t/big.parquet")).isZero();
        }
    }

    @Test
    void aSmallFileNeverReplacesAnExistingObject(TestPlatform platform) {
        S3Settings s3 = platform.minio();
        String prefix = "store-" + UUID.randomUUID();
        try (ObjectStore store = open(s3, "s3a://" + s3.bucket() + "/" + prefix)) {
            assertThat(store.putIfAbsent("raw/t/a.parquet", text("first"))).isTrue();
            assertThat(store.putIfAbsent("raw/t/a.parquet", text("second"))).isFalse();
            assertThat(store.tail("raw/t/a.parquet", 100).orElseThrow().bytes())
                    .isEqualTo("first".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static FileBytes text(String value) {
        byte[] data = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FileBytes bytes = new FileBytes();
        bytes.write(data, 0, data.length);
        return bytes;
    }

    @Test
    void aLeftoverUploadIsAbortedWhenItsKeyIsWrittenAgain(TestPlatform platform) {
        S3Settings s3 = platform.minio();
        String prefix = "store-" + UUID.randomUUID();
        String relative = "raw/stock_ticks/year=2026/month=11/day=20/hour=14/stock-ticks+1+00000000000000000000.parquet";
        String other = "raw/stock_ticks/year=2026/month=11/day=20/hour=14/stock-ticks+2+00000000000000000000.parquet";
        byte[] data = new byte[TickLakeSinkConfig.S3_PART_SIZE_MIN + 10];
        FileBytes content = new FileBytes();
        content.write(data, 0, data.length);
        try (ObjectStore store = open(s3, "s3a://" + s3.bucket() + "/" + prefix);
             LakeBucket lake = new LakeBucket(s3, prefix)) {
            // what a worker killed in the middle of two multipart uploads leaves behind
            lake.startUpload(prefix + "/" + relative);
            lake.startUpload(prefix + "/" + other);
            assertThat(lake.incompleteUploads(prefix + "/" + relative)).isEqualTo(1);

            assertThat(store.putIfAbsent(relative, content)).isTrue();

            assertThat(lake.incompleteUploads(prefix + "/" + relative)).isZero();
            assertThat(lake.incompleteUploads(prefix + "/" + other)).isEqualTo(1);
            assertThat(lake.files()).containsOnlyKeys(relative);
        }
    }

    @Test
    void aMissingBucketIsNotRetriable(TestPlatform platform) {
        S3Settings s3 = platform.minio();
        try (ObjectStore store = open(s3, "s3a://no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8))) {
            assertThatThrownBy(store::probe).isInstanceOf(StoreException.class)
                    .hasMessageContaining("does not exist")
                    .satisfies(e -> assertThat(((StoreException) e).isRetriable()).isFalse());
        }
    }

    @Test
    void aZombieWritersObjectIsNotReplacedAndTheOwnerFollowsItsRange(TestPlatform platform) {
        S3Settings s3 = platform.minio();
        try (ObjectStore store = open(s3, "s3a://" + s3.bucket() + "/store-" + UUID.randomUUID())) {
            ZombieWrites.zombieFileIsNeverReplacedAndTheOwnerFollowsIt(store);
        }
    }

    @Test
    void theSameBatchAlreadyStoredCountsAsWritten(TestPlatform platform) {
        S3Settings s3 = platform.minio();
        try (ObjectStore store = open(s3, "s3a://" + s3.bucket() + "/store-" + UUID.randomUUID())) {
            ZombieWrites.sameRangeAlreadyStoredCountsAsWritten(store);
        }
    }
}
