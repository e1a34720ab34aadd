package io.ticklake.analytics.model;

import io.ticklake.analytics.AnalyticsException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The models of a project in the order they run, and the SQL macros they share.
 *
 * <p>A models directory holds {@code <name>.sql} model files and a {@code macros/} folder whose
 * {@code .sql} files (run in name order before any model) define DuckDB macros, including the test
 * macros named by {@code -- test:} headers. The built-in models are the classpath folder {@code models/}.
 */
public final class ModelCatalog {

    /** Names the runner defines itself, so no model may take them. */
    public static final Set<String> RESERVED_NAMES = Set.of("compacted_ticks", "compacted_hours", "raw_ticks", "raw_alerts", "raw_dead_letters");

    private static final String BUILT_IN = "models";

    private final List<ModelDefinition> models;
    private final List<String> macroScripts;

    private ModelCatalog(List<ModelDefinition> models, List<String> macroScripts) {
        this.models = List.copyOf(models);
        this.macroScripts = List.copyOf(macroScripts);
    }

    /** Models in dependency order (ties broken by name, so the order is stable). */
    public List<ModelDefinition> models() {
        return models;
    }

    /** Macro scripts in the order they run. */
    public List<String> macroScripts() {
        return macroScripts;
    }

    public ModelDefinition model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model named '" + name + "'"));
    }

    /** Models that read {@code name}. */
    public List<ModelDefinition> dependentsOf(String name) {
        return models.stream().filter(m -> m.dependsOn().contains(name)).toList();
    }

    /** The models shipped in this jar. */
    public static ModelCatalog builtIn() {
        URL url = ModelCatalog.class.getClassLoader().getResource(BUILT_IN);
        if (url == null) {
            throw new AnalyticsException("the built-in models folder '" + BUILT_IN + "' is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return load(jar.provider().getPath(uri), "classpath:" + BUILT_IN);
                } catch (FileSystemAlreadyExistsException openElsewhere) {
                    // another caller has the jar open right now: read through theirs, leave it open
                    return load(FileSystems.getFileSystem(uri).provider().getPath(uri), "classpath:" + BUILT_IN);
                }
            }
            return load(Path.of(uri), "classpath:" + BUILT_IN);
        } catch (IOException | URISyntaxException e) {
            throw new AnalyticsException("cannot read the built-in models: " + e.getMessage(), e);
        }
    }

    /** The models of a directory (see the class comment for its layout). */
    public static ModelCatalog fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new AnalyticsException("models directory " + directory + " does not exist");
        }
        try {
            return load(directory, directory.toString());
        } catch (IOException e) {
            throw new AnalyticsException("cannot read models from " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Builds a catalog from definitions already parsed (tests and embedders). */
    public static ModelCatalog of(List<ModelDefinition> definitions, List<String> macroScripts) {
        return new ModelCatalog(order(definitions), macroScripts);
    }

    private static ModelCatalog load(Path directory, String label) throws IOException {
        List<ModelDefinition> definitions = new ArrayList<>();
        for (Path file : sqlFiles(directory)) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".sql".length());
            String text = Files.readString(file, StandardCharsets.UTF_8);
            try {
                definitions.add(ModelFileParser.parse(name, text, label + "/" + fileName));
            } catch (IllegalArgumentException e) {
                throw new AnalyticsException("invalid model: " + e.getMessage(), e);
            }
        }
        if (definitions.isEmpty()) {
            throw new AnalyticsException("no models (*.sql) in " + label);
        }
        List<String> macros = new ArrayList<>();
        Path macroDir = directory.resolve("macros");
        if (Files.isDirectory(macroDir)) {
            for (Path file : sqlFiles(macroDir)) {
                macros.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        try {
            return new ModelCatalog(order(definitions), macros);
        } catch (IllegalArgumentException e) {
            throw new AnalyticsException("invalid models in " + label + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> sqlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql") && Files.isRegularFile(f))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    /**
     * Topological order (Kahn), alphabetical among models that are ready at the same time, except that
     * models reading the raw layer come after the others: they check the lake rather than build on it, so
     * a raw file they cannot read must not hold up the models of the compacted table.
     */
    static List<ModelDefinition> order(List<ModelDefinition> definitions) {
        Map<String, ModelDefinition> byName = new TreeMap<>();
        for (ModelDefinition d : definitions) {
            if (RESERVED_NAMES.contains(d.name())) {
                throw new IllegalArgumentException(d.origin() + ": '" + d.name() + "' is a reserved name");
            }
            if (byName.put(d.name(), d) != null) {
                throw new IllegalArgumentException("two models are named '" + d.name() + "'");
            }
        }
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> readers = new HashMap<>();
        for (ModelDefinition d : byName.values()) {
            for (String dep : d.dependsOn()) {
                if (!byName.containsKey(dep)) {
                    throw new IllegalArgumentException(d.origin() + ": depends on unknown model '" + dep + "'");
                }
                readers.computeIfAbsent(dep, k -> new ArrayList<>()).add(d.name());
            }
            pending.put(d.name(), (int) d.dependsOn().stream().distinct().count());
        }
        TreeMap<String, ModelDefinition> ready = new TreeMap<>();
        pending.forEach((name, n) -> {
            if (n == 0) {
                ready.put(readyKey(byName.get(name)), byName.get(name));
            }
        });
        List<ModelDefinition> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            ModelDefinition next = ready.pollFirstEntry().getValue();
            ordered.add(next);
            for (String reader : readers.getOrDefault(next.name(), List.of())) {
                if (pending.merge(reader, -1, Integer::sum) == 0) {
                    ready.put(readyKey(byName.get(reader)), byName.get(reader));
                }
            }
        }
        if (ordered.size() != byName.size()) {
            throw new IllegalArgumentException("dependency cycle: " + describeCycle(byName, ordered));
        }
        return Collections.unmodifiableList(ordered);
    }

    private static String describeCycle(Map<String, ModelDefinition> byName, List<ModelDefinition> ordered) {
        Set<String> done = new HashSet<>();
        ordered.forEach(d -> done.add(d.name()));
        String start = byName.keySet().stream().filter(n -> !done.contains(n)).findFirst().orElseThrow();
        Map<String, Integer> seen = new LinkedHashMap<>();
        Deque<String> path = new ArrayDeque<>();
        String current = start;
        while (!seen.containsKey(current)) {
            seen.put(current, path.size());
            path.addLast(current);
            current = byName.get(current).dependsOn().stream().filter(d -> !done.contains(d)).findFirst()
                    .orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path).subList(seen.get(current), path.size());
        List<String> shown = new ArrayList<>(cycle);
        shown.add(current);
        return String.join(" -> ", shown);
    }

    private static String readyKey(ModelDefinition model) {
        return model.source().ordinal() + ":" + model.name();
    }
}
