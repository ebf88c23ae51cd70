package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long tier: builds the jpackage app image with packaging/build-package.sh (as {@code mvn -Pdist
 * package} does) and runs its command line on the shipped sample data and model with an empty home
 * and DJL cache, offline: the bundled runtime and libtorch jar are all it needs.
 */
@Tag("long")
class AppImageTest {

  @TempDir Path home;

  @Test
  void theAppImageEvaluatesTheSampleDataWithoutMavenOrNetwork() throws Exception {
    Path log = home.resolve("build.log");
    Process build =
        new ProcessBuilder("packaging/build-package.sh", "app-image")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(build.waitFor(20, TimeUnit.MINUTES), "app image build timed out");
    assertEquals(0, build.exitValue(), Files.readString(log));
    Path image = Path.of("target/dist/image/ambiseg");
    assertTrue(Files.isExecutable(image.resolve("bin/ambiseg")));
    assertTrue(Files.isRegularFile(image.resolve("share/applications/ambiseg.desktop")));
    assertTrue(Files.isRegularFile(image.resolve("lib/ambiseg.png")));

    Path out = home.resolve("eval.txt");
    ProcessBuilder run =
        new ProcessBuilder(
                image.resolve("bin/ambiseg-cli").toAbsolutePath().toString(),
                "eval",
                "--model",
                "lib/app/models/probunet-shapes",
                "--data",
                "lib/app/sample-data/test",
                "--limit",
                "3",
                "-n",
                "4")
            .directory(image.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    run.environment().clear();
    run.environment().put("PATH", "/usr/bin:/bin"); // no JDK, no Maven needed
    run.environment().put("HOME", home.toString());
    run.environment().put("DJL_CACHE_DIR", home.resolve("djl").toString());
    Process p = run.start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "eval in the app image timed out");
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.contains("probunet on lib/app/sample-data/test: 3 cases, N = 4 samples"), text);
    // libtorch was unpacked from the bundled jar into the fresh cache, not taken from elsewhere
    assertTrue(hasLibtorch(home.resolve("djl/pytorch")), "no libtorch in the fresh DJL cache");
  }

  private static boolean hasLibtorch(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var files = Files.walk(dir)) {
      List<Path> libs =
          files.filter(f -> f.getFileName().toString().startsWith("libtorch")).toList();
      return !libs.isEmpty();
    }
  }
}
