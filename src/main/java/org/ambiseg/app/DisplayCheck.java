package org.ambiseg.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells, before JavaFX starts, whether a window can open: on Linux a display is needed (DISPLAY or
 * WAYLAND_DISPLAY). The message matches the one printed by the {@code ./ambiseg} script.
 */
public final class DisplayCheck {

  /** Exit code when no display is available (same as the {@code ./ambiseg} script). */
  public static final int EXIT_NO_DISPLAY = 2;

  /** What the user is told when there is no display. */
  public static final String NO_DISPLAY_MESSAGE =
      String.join(
          System.lineSeparator(),
          "ambiseg: no display found, so the desktop app cannot open.",
          "  - On a machine without a screen, run it under a virtual display:  xvfb-run -a"
              + " ./ambiseg",
          "  - Or use the command line, which needs no display:                ./ambiseg --help");

  private DisplayCheck() {}

  /**
   * The problem message when no window can open, empty when one can.
   *
   * @param env the environment variables
   * @param osName the {@code os.name} system property
   * @param glassPlatform the {@code glass.platform} system property (Monocle needs no display), or
   *     null
   */
  public static Optional<String> problem(
      Map<String, String> env, String osName, String glassPlatform) {
    boolean linux = osName != null && osName.toLowerCase(Locale.ROOT).contains("linux");
    boolean monocle = "monocle".equalsIgnoreCase(glassPlatform);
    if (!linux || monocle || isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
      return Optional.empty();
    }
    return Optional.of(NO_DISPLAY_MESSAGE);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
