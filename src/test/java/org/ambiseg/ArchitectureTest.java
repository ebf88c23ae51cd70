package org.ambiseg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Enforces DESIGN.md's one direction of dependencies by scanning the imports of every source. */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/org/ambiseg");

  /** Packages below {@code app}: none may import JavaFX. */
  private static final List<String> BELOW_APP =
      List.of("core", "io", "metrics", "model", "estimate", "train", "cli");

  @Test
  void onlyAppImportsJavaFx() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String pkg : BELOW_APP) {
      violations.addAll(filesImporting(pkg, "javafx."));
    }
    assertEquals(List.of(), violations, "JavaFX imported outside org.ambiseg.app");
  }

  @Test
  void coreAndMetricsImportNoDjl() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String pkg : List.of("core", "metrics")) {
      violations.addAll(filesImporting(pkg, "ai.djl."));
    }
    assertEquals(List.of(), violations, "DJL imported in core or metrics");
  }

  @Test
  void lowerLayersDoNotImportUpperOnes() throws IOException {
    List<String> violations = new ArrayList<>();
    violations.addAll(
        filesImporting(
            "core",
            "org.ambiseg.io",
            "org.ambiseg.metrics",
            "org.ambiseg.model",
            "org.ambiseg.estimate",
            "org.ambiseg.train",
            "org.ambiseg.cli",
            "org.ambiseg.app"));
    violations.addAll(
        filesImporting(
            "metrics",
            "org.ambiseg.model",
            "org.ambiseg.estimate",
            "org.ambiseg.train",
            "org.ambiseg.cli",
            "org.ambiseg.app"));
    violations.addAll(
        filesImporting(
            "io",
            "org.ambiseg.model",
            "org.ambiseg.estimate",
            "org.ambiseg.train",
            "org.ambiseg.cli",
            "org.ambiseg.app"));
    for (String pkg : List.of("model", "estimate", "train")) {
      violations.addAll(filesImporting(pkg, "org.ambiseg.cli", "org.ambiseg.app"));
    }
    violations.addAll(filesImporting("cli", "org.ambiseg.app"));
    assertEquals(List.of(), violations, "an import points up DESIGN.md's list of packages");
  }

  @Test
  void everyPackageHasPackageInfo() throws IOException {
    try (Stream<Path> dirs = Files.list(MAIN)) {
      dirs.filter(Files::isDirectory)
          .forEach(
              d ->
                  assertFalse(
                      !Files.exists(d.resolve("package-info.java")),
                      d + " has no package-info.java"));
    }
  }

  private static List<String> filesImporting(String pkg, String... prefixes) throws IOException {
    Path dir = MAIN.resolve(pkg);
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String t = line.trim();
          if (!t.startsWith("import ")) {
            continue;
          }
          String imported = t.substring(7).replace("static ", "").trim();
          for (String prefix : prefixes) {
            if (imported.startsWith(prefix)) {
              out.add(f + " imports " + imported);
            }
          }
        }
      }
    }
    return out;
  }
}
