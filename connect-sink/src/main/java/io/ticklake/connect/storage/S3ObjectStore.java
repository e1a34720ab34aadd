package io.ticklake.connect.storage;

import io.ticklake.lake.LakeUri;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The lake in an S3 bucket (AWS, MinIO or any S3-compatible store). Files up to the part size go up
 * in one PUT; larger ones as a multipart upload that is invisible until completed and aborted if
 * any part fails. Both are conditional ({@code If-None-Match: *}): an existing object is never
 * replaced, the store answers 412 instead. Uploads left behind by a killed worker are aborted when
 * the same key is written again (a replay writes the same keys), and, on stores that list uploads
 * by prefix (AWS), when the partition is next assigned ({@link #abortIncompleteUploads}).
 */
public final class S3ObjectStore implements ObjectStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);
    private static final String CONTENT_TYPE = "application/vnd.apache.parquet";

    private final S3Client s3;
    private final LakeUri lake;
    private final int partSize;
    private final String endpoint;

    /** @param s3 a client this store owns and closes */
    public S3ObjectStore(S3Client s3, LakeUri lake, int partSize, String endpoint) {
        this.s3 = s3;
        this.lake = lake;
        this.partSize = partSize;
        this.endpoint = endpoint;
    }

    @Override
    public boolean putIfAbsent(String key, FileBytes content) {
        String fullKey = lake.key(key);
        if (content.size() > partSize) {
            return putMultipartIfAbsent(fullKey, content);
        }
        try {
            s3.putObject(b -> b.bucket(lake.bucket()).key(fullKey).contentType(CONTENT_TYPE)
                            .contentLength(content.size()).ifNoneMatch("*"),
                    RequestBody.fromContentProvider(content::newInputStream, content.size(), CONTENT_TYPE));
            return true;
        } catch (SdkException | UncheckedIOException e) {
            if (keyTaken(e)) {
                return false;
            }
            throw failure("cannot upload " + fullKey, e);
        }
    }

    /** The parts go up whether or not the key is taken; the completion is what is conditional. */
    private boolean putMultipartIfAbsent(String fullKey, FileBytes content) {
        abortLeftoverUploads(fullKey);
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(lake.bucket()).key(fullKey).contentType(CONTENT_TYPE))
                    .uploadId();
        } catch (SdkException | UncheckedIOException e) {
            throw failure("cannot start the multipart upload of " + fullKey, e);
        }
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long offset = 0;
            for (int partNumber = 1; offset < content.size(); partNumber++) {
                int length = (int) Math.min(partSize, content.size() - offset);
                byte[] part = content.slice(offset, length);
                int number = partNumber;
                UploadPartResponse response = s3.uploadPart(b -> b.bucket(lake.bucket()).key(fullKey)
                        .uploadId(uploadId).partNumber(number).contentLength((long) length), RequestBody.fromBytes(part));
                parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
                offset += length;
            }
            s3.completeMultipartUpload(CompleteMultipartUploadRequest.builder().bucket(lake.bucket()).key(fullKey)
                    .uploadId(uploadId).multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
                    .ifNoneMatch("*").build());
            return true;
        } catch (SdkException | UncheckedIOException e) {
            abortQuietly(fullKey, uploadId);
            if (keyTaken(e)) {
                return false;
            }
            throw failure("cannot upload " + fullKey + " in parts", e);
        }
    }

    /** 412 Precondition Failed to {@code If-None-Match: *}: an object exists under the key. */
    private static boolean keyTaken(RuntimeException e) {
        return e instanceof S3Exception s3e && s3e.statusCode() == 412;
    }

    /**
     * Aborts uploads of exactly this key that a killed writer left: a replay writes the same key, so
     * this finds them on every S3 implementation (MinIO lists multipart uploads by exact key only).
     */
    private void abortLeftoverUploads(String fullKey) {
        try {
            for (MultipartUpload upload : s3.listMultipartUploads(b -> b.bucket(lake.bucket()).prefix(fullKey))
                    .uploads()) {
                if (upload.key().equals(fullKey)) {
                    s3.abortMultipartUpload(b -> b.bucket(lake.bucket()).key(fullKey).uploadId(upload.uploadId()));
                    LOG.info("Aborted the incomplete upload {} of {} started {}", upload.uploadId(), fullKey,
                            upload.initiated());
                }
            }
        } catch (SdkException | UncheckedIOException e) {
            throw failure("cannot list incomplete uploads of " + fullKey, e);
        }
    }

    @Override
    public Optional<ObjectTail> tail(String key, int maxBytes) {
        String fullKey = lake.key(key);
        try {
            ResponseBytes<GetObjectResponse> response = s3.getObjectAsBytes(b -> b.bucket(lake.bucket()).key(fullKey)
                    .range("bytes=-" + maxBytes));
            byte[] bytes = response.asByteArray();
            return Optional.of(new ObjectTail(totalLength(response.response(), bytes.length), bytes));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException | UncheckedIOException e) {
            throw failure("cannot read the end of " + fullKey, e);
        }
    }

    /** "bytes 100-199/200" names the total; a short object may come back whole, without a range. */
    private static long totalLength(GetObjectResponse response, int received) {
        String range = response.contentRange();
        if (range != null && range.contains("/")) {
            String total = range.substring(range.lastIndexOf('/') + 1).trim();
            if (!"*".equals(total)) {
                return Long.parseLong(total);
            }
        }
        return received;
    }

    @Override
    public int abortIncompleteUploads(String keyPrefix, Predicate<String> fileName) {
        // LakeUri.key trims the trailing slash; keep it, so "raw/t/" does not also list "raw/t_other/"
        String prefix = lake.key(keyPrefix) + (keyPrefix.endsWith("/") ? "/" : "");
        int aborted = 0;
        try {
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(ListMultipartUploadsRequest.builder()
                    .bucket(lake.bucket()).prefix(prefix).build()).uploads()) {
                String name = upload.key().substring(upload.key().lastIndexOf('/') + 1);
                if (fileName.test(name)) {
                    s3.abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(lake.bucket())
                            .key(upload.key()).uploadId(upload.uploadId()).build());
                    LOG.info("Aborted the incomplete upload {} of {} started {}", upload.uploadId(), upload.key(),
                            upload.initiated());
                    aborted++;
                }
            }
        } catch (SdkException | UncheckedIOException e) {
            throw failure("cannot list incomplete uploads under " + prefix, e);
        }
        return aborted;
    }

    @Override
    public void probe() {
        try {
            s3.headBucket(b -> b.bucket(lake.bucket()));
        } catch (NoSuchBucketException e) {
            throw new StoreException(noBucket(), false, e);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new StoreException(noBucket(), false, e);
            }
            throw failure("cannot check bucket '" + lake.bucket() + "'", e);
        } catch (SdkException | UncheckedIOException e) {
            throw failure("cannot check bucket '" + lake.bucket() + "'", e);
        }
    }

    private String noBucket() {
        return "bucket '" + lake.bucket() + "' does not exist at " + describeEndpoint();
    }

    @Override
    public String describe() {
        return lake + " at " + describeEndpoint();
    }

    private String describeEndpoint() {
        return endpoint.isEmpty() ? "AWS S3" : endpoint;
    }

    @Override
    public void close() {
        s3.close();
    }

    private void abortQuietly(String fullKey, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(lake.bucket()).key(fullKey).uploadId(uploadId));
        } catch (SdkException | UncheckedIOException e) {
            LOG.warn("Could not abort the multipart upload {} of {} ({}); it is aborted when the partition is"
                    + " next assigned", uploadId, fullKey, e.getMessage());
        }
    }

    /**
     * Unreachable, throttled, 5xx, or 409 (a conditional write racing another on the same key, which
     * AWS asks to retry): worth waiting for. Missing bucket, denied, bad request: not.
     */
    static StoreException failure(String what, RuntimeException e) {
        if (e instanceof UncheckedIOException io) {
            // the SDK's URL-connection client lets some I/O failures through unwrapped, e.g. a connection
            // the store closed while stopping ("Unexpected end of file from server"): unreachable, retriable
            return new StoreException(what + ": " + io.getCause(), true, e);
        }
        SdkException sdk = (SdkException) e;
        boolean retriable;
        if (e instanceof S3Exception s3e) {
            int status = s3e.statusCode();
            retriable = status >= 500 || status == 408 || status == 409 || status == 429 || status == 0;
            String code = s3e.awsErrorDetails() == null ? "" : " " + s3e.awsErrorDetails().errorCode();
            return new StoreException(what + ": HTTP " + status + code + " " + s3e.getMessage(), retriable, e);
        }
        retriable = sdk instanceof SdkClientException || sdk.retryable();
        return new StoreException(what + ": " + sdk.getMessage(), retriable, e);
    }
}
