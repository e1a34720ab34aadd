package io.ticklake.lake;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The lake's root, parsed once for every component: {@code file:///…} (or a plain path) or an S3 bucket
 * with an optional prefix, {@code s3://bucket[/prefix]} or {@code s3a://bucket[/prefix]} (the same
 * objects; S3A is Hadoop's name for them). Anything else is refused with one message.
 *
 * <p>Each consumer asks for the form it speaks: {@link #uri} ({@code file:/…} or {@code s3://…}: Iceberg,
 * Trino, DuckDB, pyiceberg), {@link #hadoopUri} ({@code file:/…} or {@code s3a://…}: Spark and Hadoop),
 * {@link #localPath} or {@link #bucket}/{@link #key} (the AWS SDK).
 */
public final class LakeUri {

    private final String given;
    private final Path local;      // null for S3
    private final String bucket;   // null for local
    private final String prefix;   // "" or "a/b" (no slashes at the ends), S3 only

    private LakeUri(String given, Path local, String bucket, String prefix) {
        this.given = given;
        this.local = local;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /**
     * Parses a lake root.
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static LakeUri parse(String text) {
        Objects.requireNonNull(text, "lake");
        String t = text.trim();
        if (t.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        if (t.startsWith("s3://") || t.startsWith("s3a://")) {
            String afterScheme = t.substring(t.indexOf("://") + 3);
            String rest = trimSlashes(afterScheme);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            // s3a:///raw names no bucket (an empty authority), not a bucket "raw"
            if (bucket.isEmpty() || afterScheme.startsWith("/")) {
                throw invalid(text, "it names no bucket");
            }
            if (!bucket.matches("[a-z0-9][a-z0-9.\\-]{1,62}")) {
                throw invalid(text, "'" + bucket + "' is not a valid bucket name");
            }
            return new LakeUri(t, null, bucket, slash < 0 ? "" : trimSlashes(rest.substring(slash + 1)));
        }
        if (t.startsWith("file:")) {
            try {
                return new LakeUri(t, Path.of(new URI(t)).toAbsolutePath().normalize(), null, "");
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw invalid(text, "it is not a valid file: URI (" + e.getMessage() + ")");
            }
        }
        if (t.contains("://")) {
            throw invalid(text, "its scheme is not supported");
        }
        return new LakeUri(t, Path.of(t).toAbsolutePath().normalize(), null, "");
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("lake URI '" + text + "' is not usable: " + why
                + " (expected file:///path, s3://bucket[/prefix] or s3a://bucket[/prefix])");
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }

    public boolean isS3() {
        return bucket != null;
    }

    /** The directory of a local lake. */
    public Path localPath() {
        if (local == null) {
            throw new IllegalStateException("not a local lake: " + given);
        }
        return local;
    }

    /** The bucket of an S3 lake. */
    public String bucket() {
        if (bucket == null) {
            throw new IllegalStateException("not an S3 lake: " + given);
        }
        return bucket;
    }

    /** The object key of a path below an S3 lake's root. */
    public String key(String relative) {
        bucket();
        String rel = trimSlashes(relative);
        return prefix.isEmpty() ? rel : rel.isEmpty() ? prefix : prefix + "/" + rel;
    }

    /** The root, or a path below it, as Iceberg and query engines address it: {@code file:/…} or {@code s3://…}. */
    public String uri(String relative) {
        return isS3() ? "s3://" + bucket + "/" + key(relative) : fileUri(relative);
    }

    /** The same as Hadoop (Spark) addresses it: {@code file:/…} or {@code s3a://…}. */
    public String hadoopUri(String relative) {
        return isS3() ? "s3a://" + bucket + "/" + key(relative) : fileUri(relative);
    }

    /** A path below the root as DuckDB reads it: a local path or {@code s3://…}. */
    public String duckDbPath(String relative) {
        return isS3() ? uri(relative) : local.resolve(trimSlashes(relative)).toString();
    }

    private String fileUri(String relative) {
        String rel = trimSlashes(relative);
        Path path = rel.isEmpty() ? local : local.resolve(rel);
        return "file:" + path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LakeUri other && Objects.equals(local, other.local) && Objects.equals(bucket, other.bucket)
                && prefix.equals(other.prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(local, bucket, prefix);
    }

    /** As the user gave it. */
    @Override
    public String toString() {
        return given;
    }
}
