package io.accord.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * deploy/helm/accord rendered by the helm library helm-java bundles (native, no helm binary, no cluster, no network)
 * and parsed into the fabric8 Kubernetes model.
 */
final class Chart {

    static final Path ROOT = projectRoot();
    static final Path DIRECTORY = ROOT.resolve("deploy/helm/accord");
    static final Path EXAMPLES = ROOT.resolve("deploy/helm/examples");
    /** The values files a deployment uses: the chart's defaults alone, and each overlay on top of them. */
    static final List<String> VALUES_FILES = List.of("values.yaml", "values-dev.yaml", "values-production.yaml");

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Chart() {
    }

    /** {@code helm template accord deploy/helm/accord -f <valuesFile> --set ...}, parsed. */
    static List<HasMetadata> render(String valuesFile, Map<String, String> sets) {
        return parse(template(valuesFile, sets));
    }

    /**
     * The site's own values file that goes after values-production.yaml: the issuing entities production requires
     * (the example an operator copies).
     */
    static final Path SITE_VALUES = EXAMPLES.resolve("values-issuing-entities.yaml");

    static String template(String valuesFile, Map<String, String> sets) {
        return template(valuesFiles(valuesFile), sets);
    }

    /** The values file, and for production the site's values after it, as a deployment passes them. */
    static List<Path> valuesFiles(String valuesFile) {
        return valuesFile.equals("values-production.yaml")
                ? List.of(DIRECTORY.resolve(valuesFile), SITE_VALUES) : List.of(DIRECTORY.resolve(valuesFile));
    }

    /** {@code helm template} with several values files, later ones overriding earlier ones. */
    static String template(List<Path> valuesFiles, Map<String, String> sets) {
        return template(DIRECTORY, valuesFiles, sets);
    }

    private static String template(Path chart, List<Path> valuesFiles, Map<String, String> sets) {
        TemplateCommand template = new Helm(chart).template().withName("accord").withNamespace("accord");
        valuesFiles.forEach(template::withValuesFile);
        sets.forEach(template::set);
        return template.call();
    }

    /** What stands for Helm's hook annotations ({@code helm.sh/hook}, {@code -weight}, {@code -delete-policy}). */
    private static final String HOOK = "helm.sh/hook";
    private static final String HOOK_STAND_IN = "test.accord.io/hook";

    /**
     * {@link #render} with the chart's hooks as well: {@code helm template} prints them, helm-java's template only the
     * release's manifest. A copy of the chart names the hook annotations otherwise, so Helm renders them as ordinary
     * resources; their names are given back after parsing.
     */
    static List<HasMetadata> renderWithHooks(String valuesFile, Map<String, String> sets) {
        Path copy = copyOfChart();
        try {
            try (Stream<Path> templates = Files.list(copy.resolve("templates"))) {
                for (Path template : templates.toList()) {
                    write(template, read(template).replace(HOOK, HOOK_STAND_IN));
                }
            }
            List<HasMetadata> resources = parse(template(copy, valuesFiles(valuesFile), sets));
            for (HasMetadata resource : resources) {
                Map<String, String> annotations = resource.getMetadata().getAnnotations();
                if (annotations != null) {
                    Map<String, String> named = new LinkedHashMap<>();
                    annotations.forEach((key, value) -> named.put(key.replace(HOOK_STAND_IN, HOOK), value));
                    resource.getMetadata().setAnnotations(named);
                }
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(copy.getParent());
        }
    }

    /**
     * {@code helm lint --strict} with the values file: helm-java's lint takes no values file, so the overlay is
     * merged into a copy of the chart's values.yaml, which helm then lints as the chart's defaults.
     */
    static LintResult lint(String valuesFile) {
        if (valuesFile.equals("values.yaml")) {
            return new Helm(DIRECTORY).lint().strict().call();
        }
        Path copy = copyOfChart();
        try {
            Map<String, Object> merged = yaml(DIRECTORY.resolve("values.yaml"));
            for (Path file : valuesFiles(valuesFile)) {
                merged = merge(merged, yaml(file));
            }
            write(copy.resolve("values.yaml"), SERIALIZATION.asYaml(merged));
            return new Helm(copy).lint().strict().call();
        } finally {
            // the copy's temporary directory, not left behind by every run
            deleteRecursively(copy.getParent());
        }
    }

    static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
                Object parsed = SERIALIZATION.unmarshal(document);
                if (parsed instanceof KubernetesList list) {
                    resources.addAll(list.getItems());
                } else {
                    resources.add((HasMetadata) parsed);
                }
            }
        }
        return resources;
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<HasMetadata> ofKind(List<HasMetadata> resources, String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.getKind())).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        return SERIALIZATION.unmarshal(read(file), Map.class);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's rule: maps merge key by key, anything else (lists too) in the overlay replaces the base's. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> merged.merge(key, value, (old, added) ->
                old instanceof Map && added instanceof Map
                        ? merge((Map<String, Object>) old, (Map<String, Object>) added) : added));
        return merged;
    }

    private static Path copyOfChart() {
        try {
            Path copy = Files.createTempDirectory("accord-chart").resolve("accord");
            try (Stream<Path> files = Files.walk(DIRECTORY)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(DIRECTORY.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("deploy/helm/accord/Chart.yaml"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("deploy/helm/accord not found above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
