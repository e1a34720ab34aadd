package io.ticklake.analytics.lake;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The lake's root as given by the user ({@code file:///…}, a plain path, {@code s3://bucket[/prefix]} or
 * {@code s3a://bucket[/prefix]}) and as DuckDB addresses it (a local path or {@code s3://…}).
 */
public final class LakeUri {

    private final String original;
    private final String root;
    private final boolean s3;

    private LakeUri(String original, String root, boolean s3) {
        this.original = original;
        this.root = root;
        this.s3 = s3;
    }

    public static LakeUri parse(String text) {
        Objects.requireNonNull(text, "lake");
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the lake URI is empty");
        }
        if (t.startsWith("s3://") || t.startsWith("s3a://")) {
            String rest = t.substring(t.indexOf("://") + 3);
            while (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            String bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("lake URI '" + text + "' names no bucket");
            }
            return new LakeUri(t, "s3://" + rest, true);
        }
        if (t.startsWith("file:")) {
            try {
                return new LakeUri(t, stripSlash(Path.of(new URI(t)).toAbsolutePath().normalize().toString()), false);
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalArgumentException("lake URI '" + text + "' is not a valid file: URI ("
                        + e.getMessage() + ")");
            }
        }
        if (t.contains("://")) {
            throw new IllegalArgumentException("lake URI '" + text + "' has an unsupported scheme (allowed: file://,"
                    + " s3://, s3a://)");
        }
        return new LakeUri(t, stripSlash(Path.of(t).toAbsolutePath().normalize().toString()), false);
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public boolean isS3() {
        return s3;
    }

    /** The bucket of an S3 lake. */
    public String bucket() {
        if (!s3) {
            throw new IllegalStateException("not an S3 lake: " + original);
        }
        String rest = root.substring("s3://".length());
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }

    /** The root as DuckDB reads it, without a trailing slash. */
    public String root() {
        return root;
    }

    /** A path below the root, as DuckDB reads it. */
    public String resolve(String relative) {
        return root + "/" + relative;
    }

    /** The local directory of a file lake. */
    public Path localPath() {
        if (s3) {
            throw new IllegalStateException("not a local lake: " + original);
        }
        return Path.of(root);
    }

    @Override
    public String toString() {
        return original;
    }
}
