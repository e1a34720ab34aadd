package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.lake.Manifest;
import io.ticklake.spark.storage.LakeFiles;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what readers can no longer need, and only after the grace period: versions superseded by the
 * current manifest once it has been current for the grace, and versions never published (an interrupted
 * run) once they are that old. A reader that resolved the previous manifest just before a publish thus has
 * the grace period to finish reading its files.
 */
final class VersionCleaner {

    private static final Logger LOG = LoggerFactory.getLogger(VersionCleaner.class);

    private final LakeLayout layout;
    private final LakeFiles files;
    private final Duration grace;

    VersionCleaner(LakeLayout layout, LakeFiles files, Duration grace) {
        this.layout = layout;
        this.files = files;
        this.grace = grace;
    }

    /** @return the versions removed */
    List<Long> clean(HourPartition hour, Optional<Manifest> current, Instant now) throws IOException {
        String hourDir = layout.compactedHour(hour);
        long currentVersion = current.map(Manifest::version).orElse(0L);
        boolean supersededExpired = current.isPresent() && !current.get().createdAt().plus(grace).isAfter(now);
        List<Long> removed = new ArrayList<>();
        for (FileStatus dir : files.listDirectories(hourDir)) {
            OptionalLong version = VersionDirectories.parse(dir.getPath().getName());
            if (version.isEmpty() || version.getAsLong() == currentVersion) {
                continue;
            }
            String uri = hourDir + "/" + dir.getPath().getName();
            boolean expired = version.getAsLong() < currentVersion ? supersededExpired
                    : !lastModified(uri).plus(grace).isAfter(now);
            if (expired) {
                files.deleteRecursively(uri);
                removed.add(version.getAsLong());
                LOG.info("Removed {} of hour {} (current version {}, grace {})", dir.getPath().getName(), hour,
                        currentVersion, grace);
            }
        }
        for (FileStatus file : files.listFiles(hourDir)) {
            String name = file.getPath().getName();
            // a manifest staged by a run that stopped before publishing it
            if (name.startsWith("." + LakeLayout.MANIFEST_NAME) && name.endsWith(".tmp")
                    && !Instant.ofEpochMilli(file.getModificationTime()).plus(grace).isAfter(now)) {
                files.deleteRecursively(hourDir + "/" + name);
            }
        }
        return removed;
    }

    private Instant lastModified(String dirUri) throws IOException {
        long newest = 0;
        for (FileStatus file : files.listFiles(dirUri)) {
            newest = Math.max(newest, file.getModificationTime());
        }
        return Instant.ofEpochMilli(newest);
    }
}
