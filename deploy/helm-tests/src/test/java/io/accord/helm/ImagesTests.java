package io.accord.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Every image the chart deploys is one the root pom's Jib profile builds, and the other way round. */
class ImagesTests {

    static final List<String> VALUES_FILES = Chart.VALUES_FILES;

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void everyImageIsAJibBuiltModuleAtTheProjectVersion(String valuesFile) {
        Document root = pom(Chart.ROOT.resolve("pom.xml"));
        String registry = property(root, "jib.image.registry");
        String version = text(root.getDocumentElement(), "version");

        Set<String> images = Chart.ofType(Chart.render(valuesFile, Map.of()), Deployment.class).stream()
                .map(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .collect(Collectors.toSet());

        Set<String> built = jibModules().stream().map(module -> registry + "/" + module + ":" + version)
                .collect(Collectors.toSet());
        assertThat(built).as("modules with <jib.skip>false</jib.skip>").hasSize(8)
                .contains(registry + "/self-care-portal:" + version);
        assertThat(images).isEqualTo(built);
        // the chart's default tag is the Maven version, so an unpinned install takes the images of this build
        assertThat(Chart.yaml(Chart.DIRECTORY.resolve("Chart.yaml"))).containsEntry("appVersion", version);
    }

    /** Modules of the root pom that switch Jib on, i.e. whose pom sets {@code jib.skip} to false. */
    private static List<String> jibModules() {
        Document root = pom(Chart.ROOT.resolve("pom.xml"));
        var modules = root.getElementsByTagName("module");
        return Stream.iterate(0, i -> i < modules.getLength(), i -> i + 1)
                .map(i -> modules.item(i).getTextContent().strip())
                .filter(module -> "false".equals(property(pom(Chart.ROOT.resolve(module).resolve("pom.xml")),
                        "jib.skip")))
                .map(module -> text(pom(Chart.ROOT.resolve(module).resolve("pom.xml")).getDocumentElement(),
                        "artifactId"))
                .toList();
    }

    private static String property(Document pom, String name) {
        var properties = pom.getDocumentElement().getElementsByTagName("properties");
        for (int i = 0; i < properties.getLength(); i++) {
            var found = ((Element) properties.item(i)).getElementsByTagName(name);
            if (found.getLength() > 0) {
                return found.item(0).getTextContent().strip();
            }
        }
        return null;
    }

    /** A direct child element's text (not one of a nested parent or dependency). */
    private static String text(Element element, String child) {
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element candidate && candidate.getTagName().equals(child)) {
                return candidate.getTextContent().strip();
            }
        }
        throw new IllegalStateException("no <" + child + "> in <" + element.getTagName() + ">");
    }

    private static Document pom(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
