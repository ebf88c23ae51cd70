package org.ambiseg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher's display check, as a function and as a real process without a display. */
class LauncherTest {

  @Test
  void linuxWithoutDisplayIsAProblem() {
    assertEquals(
        DisplayCheck.NO_DISPLAY_MESSAGE,
        DisplayCheck.problem(Map.of(), "Linux", null).orElseThrow());
    assertTrue(DisplayCheck.problem(Map.of("DISPLAY", " "), "Linux", null).isPresent());
  }

  @Test
  void anyDisplayOrOtherSystemIsFine() {
    assertTrue(DisplayCheck.problem(Map.of("DISPLAY", ":99"), "Linux", null).isEmpty());
    assertTrue(
        DisplayCheck.problem(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null).isEmpty());
    assertTrue(DisplayCheck.problem(Map.of(), "Windows 11", null).isEmpty());
    assertTrue(DisplayCheck.problem(Map.of(), "Mac OS X", null).isEmpty());
    assertTrue(DisplayCheck.problem(Map.of(), "Linux", "Monocle").isEmpty());
  }

  @Test
  void launcherWithoutDisplayExplainsAndExitsWithTwo() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Launcher.class.getName()));
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not exit");
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
      return; // the check only applies on Linux
    }
    assertEquals(2, p.exitValue(), err);
    assertTrue(err.contains("xvfb-run -a ./ambiseg"), err);
    assertTrue(err.contains("./ambiseg --help"), err);
    assertFalse(err.contains("Exception"), "no stack trace: " + err);
  }
}
