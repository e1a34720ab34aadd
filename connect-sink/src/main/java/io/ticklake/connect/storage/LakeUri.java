package io.ticklake.connect.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A parsed lake location: {@code file:///path} for the local filesystem, {@code s3a://bucket[/prefix]}
 * or {@code s3://bucket[/prefix]} for S3 and MinIO. Object keys are relative to it.
 *
 * @param scheme the lower-case scheme: file, s3a or s3
 * @param bucket the bucket, for S3 only (null for file)
 * @param root   the directory (file) or key prefix without leading/trailing slash (S3; may be empty)
 */
public record LakeUri(String scheme, String bucket, String root) {

    /** What a lake URI looks like, for error messages. */
    public static final String FORMS = "file:///absolute/path, s3a://bucket[/prefix] or s3://bucket[/prefix]";

    /** Parses a lake URI, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static LakeUri parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the lake URI is empty; expected " + FORMS);
        }
        if (value.trim().matches("(?i)s3a?://(/.*)?")) {
            throw new IllegalArgumentException("the S3 lake URI '" + value + "' names no bucket; expected " + FORMS);
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a URI (" + e.getReason() + "); expected " + FORMS);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file" -> {
                if (uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath())) {
                    throw new IllegalArgumentException("the file lake URI '" + value + "' names no directory; expected "
                            + FORMS);
                }
                return new LakeUri("file", null, Path.of(uri).toAbsolutePath().normalize().toString());
            }
            case "s3", "s3a" -> {
                String bucket = uri.getHost();
                if (bucket == null || bucket.isEmpty()) {
                    // a bucket name with characters illegal in a host name ends up in the authority
                    bucket = uri.getAuthority();
                }
                if (bucket == null || bucket.isEmpty()) {
                    throw new IllegalArgumentException("the S3 lake URI '" + value + "' names no bucket; expected "
                            + FORMS);
                }
                if (!bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
                    throw new IllegalArgumentException("'" + bucket + "' in '" + value + "' is not a valid S3 bucket name");
                }
                String path = uri.getPath() == null ? "" : uri.getPath();
                return new LakeUri(scheme, bucket, trimSlashes(path));
            }
            default -> throw new IllegalArgumentException("the lake URI '" + value + "' has the unsupported scheme '"
                    + scheme + "'; expected " + FORMS);
        }
    }

    public boolean isLocal() {
        return "file".equals(scheme);
    }

    /** The full key of an object given relative to the lake root (S3), e.g. {@code prefix/raw/...}. */
    public String key(String relative) {
        return root.isEmpty() ? relative : root + "/" + relative;
    }

    @Override
    public String toString() {
        return isLocal() ? "file://" + root : scheme + "://" + bucket + (root.isEmpty() ? "" : "/" + root);
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
