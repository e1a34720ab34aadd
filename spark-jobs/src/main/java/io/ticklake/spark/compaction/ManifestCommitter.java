package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.lake.Manifest;
import io.ticklake.spark.lake.ManifestFile;
import io.ticklake.spark.lake.ManifestJson;
import io.ticklake.spark.storage.LakeFiles;
import java.time.Clock;
import java.util.List;

/**
 * The only step that makes compacted data visible: one single-object write of {@code _manifest.json}
 * (an atomic rename locally, a single PUT on S3). Before it readers see the old version, after it the new
 * one; the data files it lists were completely written before.
 */
final class ManifestCommitter {

    private final LakeLayout layout;
    private final LakeFiles files;
    private final Clock clock;
    private final CompactionListener listener;

    ManifestCommitter(LakeLayout layout, LakeFiles files, Clock clock, CompactionListener listener) {
        this.layout = layout;
        this.files = files;
        this.clock = clock;
        this.listener = listener;
    }

    Manifest commit(CompactionPlan plan, List<ManifestFile> written) throws Exception {
        long rows = written.stream().mapToLong(ManifestFile::rows).sum();
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, LakeLayout.TABLE, plan.hour().start(),
                plan.version(), clock.instant(), plan.fingerprint(), rows, written);
        LakeFiles.Staged staged = files.stage(layout.manifest(plan.hour()), ManifestJson.toBytes(manifest));
        try {
            listener.onStep(CompactionStep.BEFORE_PUBLISH, plan.hour(), plan.version());
        } catch (Exception e) {
            staged.discard();
            throw e;
        }
        staged.publish();
        listener.onStep(CompactionStep.AFTER_PUBLISH, plan.hour(), plan.version());
        return manifest;
    }
}
